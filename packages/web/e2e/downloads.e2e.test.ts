import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runWhenForecast } from './browser';
import { browserPerTest } from './browser-per-test';

const baseUrl = inject('baseUrl');

async function download(page: Page, click: () => Promise<void>) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
}

describe('downloads', () => {
  const b = browserPerTest();

  it('gives the histogram as SVG and PNG, and the results as CSV and JSON', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    await runWhenForecast(page, { seed: '7' });
    await page.getByTestId('histogram').waitFor();
    const chart = page.locator('figure[data-chart="duration-histogram"]');

    const svg = await download(page, () => chart.getByRole('button', { name: 'SVG' }).click());
    expect(svg.name).toBe('duration-histogram.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('P85');

    const png = await download(page, () => chart.getByRole('button', { name: 'PNG' }).click());
    expect(png.name).toBe('duration-histogram.png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    // Drawn at twice the chart's size for slides (IHDR width, big-endian). The chart is drawn at
    // its frame's width (at most 720), so its text is 11 px on screen.
    const drawn = Number(await page.getByTestId('histogram').getAttribute('width'));
    expect(drawn).toBeGreaterThan(600);
    expect(drawn).toBeLessThanOrEqual(720);
    expect(png.bytes.readUInt32BE(16)).toBe(2 * drawn);

    const csv = await download(page, () =>
      page.getByRole('button', { name: 'Download CSV' }).click(),
    );
    // English: `,` and `.`, translated headers, a UTF-8 byte-order mark for spreadsheets.
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Chance \(%\),Weeks,(Date,)?(Items,)?/);
    expect(lines).toHaveLength(20); // header + 95 % … 5 %: no 100 % or 0 % row

    const json = await download(page, () =>
      page.getByRole('button', { name: 'Download JSON' }).click(),
    );
    const data = JSON.parse(json.bytes.toString('utf8')) as {
      kind: string;
      input: { seed: number };
      result: { seed: number; percentile_stats: { p85: number } };
    };
    expect(data.kind).toBe('simulate');
    expect(data.input.seed).toBe(7);
    expect(data.result.seed).toBe(7);
    const shown = await page.locator('.kpi--p85 .kpi__value').first().textContent();
    expect(shown).toBe(`${data.result.percentile_stats.p85} weeks`);
  });
});
