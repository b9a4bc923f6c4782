/**
 * The team workspace and the flow pages in real Chromium: import the Jira export once, see
 * the engine's numbers for the same data on each flow page (the recommended window and the
 * reference figures of spec/flow-metrics.md), example data labelled as such, and the team
 * still there after a reload with the server gone (IndexedDB + the service worker).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { flowAnalysis, flowItemsFromRows } from '@flow-forecaster/engine';
import { openBrowser, untilServiceWorkerControls, type Browser } from './browser';
import { startApp, type RunningApp } from './server';
import { importJira, JIRA } from './team-steps';

const dist = inject('dist');

function engineItems() {
  const rows = Papa.parse<Record<string, string>>(readFileSync(JIRA, 'utf8'), {
    header: true,
    skipEmptyLines: 'greedy',
  }).data;
  return flowItemsFromRows(rows).items;
}

async function kpis(page: Page): Promise<Record<string, string>> {
  const box = page.getByTestId('flow-percentiles');
  await box.waitFor();
  const labels = await box.locator('.kpi__label').allTextContents();
  const values = await box.locator('.kpi__value').allTextContents();
  return Object.fromEntries(labels.map((l, i) => [l, values[i]]));
}

async function agingAges(page: Page): Promise<number[]> {
  const rows = page.locator('[data-testid="flow-aging-table"] tbody tr');
  await rows.first().waitFor();
  const ages: number[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    ages.push(Number(await rows.nth(i).locator('td').nth(3).textContent()));
  }
  return ages;
}

describe('team workspace and flow analytics', () => {
  let b: Browser | undefined;
  let app: RunningApp | undefined;
  afterEach(async () => {
    await b?.close();
    await app?.stop();
  });

  it('imports the Jira export once and shows the engine’s numbers, also after an offline reload', async () => {
    app = await startApp(dist);
    b = await openBrowser();
    const { page } = b;
    await page.goto(`${app.url}/#/team`);
    await page.getByRole('heading', { name: 'Team data', level: 1 }).waitFor();
    await untilServiceWorkerControls(page);

    await importJira(page);
    expect(await page.getByTestId('team-backlog').textContent()).toBe(
      '8 in progress + 5 not started = 13 items',
    );
    expect(await page.getByTestId('sample-badge').count()).toBe(0);

    // The default window is the one the team's own history calibrates best, with its reason.
    const items = engineItems();
    const recommended = flowAnalysis({ items }).historyWindow;
    expect(recommended.calibration).not.toBeNull();
    const w = recommended.window;
    const expected = flowAnalysis({ items, window: w === 'all' ? 'all' : { weeks: w } });
    await page.getByRole('link', { name: 'See flow analytics' }).click();
    await page.getByRole('heading', { name: 'Cycle time', level: 1 }).waitFor();
    const shown = await kpis(page);
    for (const [key, days] of Object.entries(expected.cycleTime.percentiles)) {
      expect(shown[key.toUpperCase()], key).toBe(String(days));
    }
    expect(shown['Done items']).toBe(String(expected.cycleTime.n));
    expect(await page.getByTestId('flow-sle').textContent()).toBe(
      `85% of items finish within ${expected.sle?.days} days`,
    );
    expect(await page.getByTestId('flow-window-reason').textContent()).toBe(
      `Why this window: ${recommended.reason}`,
    );
    await page.getByTestId('flow-scatter').waitFor();
    expect(await page.getByTestId('flow-dot').count()).toBeGreaterThan(0);

    // The spec's reference figures: as of 2025-08-31, all history.
    await page.getByLabel('As of').fill('2025-08-31');
    await page.getByLabel('Done items counted').selectOption('all');
    await expect.poll(async () => (await kpis(page))['Done items']).toBe('124');
    expect(await kpis(page)).toMatchObject({ P50: '7', P70: '10', P85: '12', P95: '16' });
    expect(await page.getByTestId('flow-sle').textContent()).toBe(
      '85% of items finish within 12 days',
    );

    // The other pages keep the team and the settings (they travel in the link).
    await page.getByRole('link', { name: 'Aging work in progress' }).click();
    expect(await agingAges(page)).toEqual([13, 12, 11, 9, 6, 6, 3, 3]);
    expect(await page.getByTestId('flow-backlog').textContent()).toBe(
      '8 in progress + 5 not started = 13 items',
    );
    expect(await page.locator('[data-testid="aging-dot"][data-past="yes"]').count()).toBe(1);
    await page.getByRole('link', { name: 'Throughput and WIP' }).click();
    await page.getByTestId('flow-throughput').waitFor();
    expect(
      await page
        .locator('[data-testid="flow-throughput"] .visx-bar, [data-testid="flow-throughput"] rect')
        .count(),
    ).toBeGreaterThanOrEqual(26);
    await page.getByRole('link', { name: 'Cumulative flow' }).click();
    await page.getByTestId('flow-cfd').waitFor();
    expect(await page.locator('[data-testid="flow-cfd"] [data-band]').count()).toBe(3);

    // The forecast pages take the same team's throughput. The window chosen on the flow page
    // is the team's, so "When" samples all of it; back on the recommended window, its weeks.
    const weekly = expected.throughput.weekly.map((x) => x.count);
    const used = w === 'all' ? weekly : weekly.slice(-w);
    await page.getByRole('link', { name: 'When will it be done?' }).click();
    expect(await page.getByTestId('team-window').inputValue()).toBe('all');
    await page.getByRole('button', { name: 'Use jira-export’s throughput' }).click();
    expect(await page.getByLabel('Items finished per week').inputValue()).toBe(weekly.join(', '));
    await page.getByTestId('team-window').selectOption('auto');
    await page.getByRole('button', { name: 'Use jira-export’s throughput' }).click();
    expect(await page.getByLabel('Items finished per week').inputValue()).toBe(used.join(', '));
    expect(await page.getByTestId('tp-window').textContent()).toContain(recommended.reason);
    // The sample's newest completion is in 2025: the page says the data may be stale.
    expect(await page.getByTestId('team-throughput-stale').textContent()).toMatch(
      /newest completion is \d+ days old/,
    );

    // The backtest walks over the whole history: it takes every week.
    await page.getByRole('link', { name: 'Backtest' }).click();
    await page.getByRole('button', { name: 'Use jira-export’s throughput' }).click();
    expect(await page.getByLabel('Items finished per week').inputValue()).toBe(weekly.join(', '));
    expect(weekly).toHaveLength(26);

    // Example data gets a team of its own, always labelled.
    await page.goto(`${app.url}/#/team`);
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await expect.poll(() => page.getByTestId('sample-badge').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="team-list"] li').count()).toBe(2);
    await page.getByRole('radio', { name: 'jira-export' }).check();
    await expect
      .poll(() => page.getByTestId('team-summary').locator('h2').textContent())
      .toBe('jira-export');

    // Reload with the server gone: the team comes back from IndexedDB, the app from the cache.
    await app.stop();
    app = undefined;
    await page.reload();
    await page.getByRole('heading', { name: 'Team data', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('team-loaded').textContent())
      .toBe('137 work items from jira-export.csv');
    await page.getByRole('link', { name: 'See flow analytics' }).click();
    const again = await kpis(page);
    for (const [key, days] of Object.entries(expected.cycleTime.percentiles)) {
      expect(again[key.toUpperCase()], key).toBe(String(days));
    }
    expect(await page.getByTestId('flow-team').textContent()).toContain('jira-export');
  });

  it('computes a 20,000-item export in the Web Worker with the engine’s numbers', async () => {
    app = await startApp(dist);
    b = await openBrowser();
    const { page } = b;
    // Parsing, storing and computing 20,000 items takes a few seconds alone, but this file runs
    // beside the other projects' tests on 2 cores: wait for the result, not for a fast machine.
    page.setDefaultTimeout(120_000);
    const lines = ['Key,Type,Status,Created,Started,Done'];
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const iso = (day: number) =>
      new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 20_000; i++) {
      const created = Math.floor(rnd() * 500);
      const started = created + Math.floor(rnd() * 10);
      const done = rnd() < 0.9 ? iso(started + Math.floor(rnd() * 25)) : '';
      lines.push(
        `K-${i},${i % 4 ? 'Story' : 'Bug'},${done ? 'Done' : 'Doing'},${iso(created)},${iso(started)},${done}`,
      );
    }
    const csv = `${lines.join('\n')}\n`;
    const rows = Papa.parse<Record<string, string>>(csv, {
      header: true,
      skipEmptyLines: 'greedy',
    });
    const items = flowItemsFromRows(rows.data).items;
    const rec = flowAnalysis({ items }).historyWindow;
    const expected = flowAnalysis({
      items,
      window: rec.window === 'all' ? 'all' : { weeks: rec.window },
    });

    await page.goto(`${app.url}/#/team`);
    await page.getByLabel(/Import work items/).setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect
      .poll(() => page.getByTestId('team-loaded').textContent(), { timeout: 120_000 })
      .toBe('20,000 work items from big.csv');
    await page.getByRole('link', { name: 'See flow analytics' }).click();
    const shown = await kpis(page);
    expect(shown['Done items']).toBe(expected.cycleTime.n.toLocaleString('en-US'));
    for (const [key, days] of Object.entries(expected.cycleTime.percentiles)) {
      expect(shown[key.toUpperCase()], key).toBe(String(days));
    }
    expect(await page.getByTestId('flow-window-reason').textContent()).toBe(
      `Why this window: ${rec.reason}`,
    );

    // A window change sends only the settings: the worker kept the items, the numbers follow.
    const all = flowAnalysis({ items, window: 'all' });
    await page.getByLabel('Done items counted').selectOption('all');
    await expect
      .poll(async () => (await kpis(page))['Done items'], { timeout: 120_000 })
      .toBe(all.cycleTime.n.toLocaleString('en-US'));
    const allShown = await kpis(page);
    for (const [key, days] of Object.entries(all.cycleTime.percentiles)) {
      expect(allShown[key.toUpperCase()], key).toBe(String(days));
    }
  }, 300_000);
});
