/**
 * The spec's trust rules in real Chromium: the deadline headline, its table and its chart show
 * the same figure for the same run, and an invalid or changed input never leaves an unmarked
 * old result.
 */
import { describe, expect, inject, it } from 'vitest';
import { runWhenForecast } from './browser';
import { browserPerTest } from './browser-per-test';

const baseUrl = inject('baseUrl');

describe('trust rules', () => {
  const b = browserPerTest();

  it('deadline: the headline chance equals the table row and the chart for the same run', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/deadline`);
    await page.getByLabel('Items finished per week').fill('5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7');
    await page.getByLabel('Items in the backlog').fill('50');
    await page.getByLabel('Start date').fill('2026-01-05');
    await page.locator('#deadline-deadlineDate').fill('2026-03-02');
    await page.getByText('Runs and seed').click();
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Run forecast' }).click();

    const headline = page.getByTestId('headline');
    await headline.waitFor();
    const text = (await headline.textContent()) ?? '';
    const m = /^(\d+(?:\.\d)?)% chance to finish by March 2, 2026$/.exec(text);
    expect(m, text).not.toBeNull();
    const probability = Number(await headline.getAttribute('data-probability'));
    expect(probability).toBeGreaterThan(0.05);
    expect(probability).toBeLessThan(0.95);
    expect(Number(m![1])).toBeCloseTo(probability * 100, 1);

    // The table's deadline row shows the same chance, in the same words.
    const row = page.getByTestId('deadline-row');
    expect(await row.locator('td').nth(2).textContent()).toBe(`${m![1]}%`);

    // The chart's deadline marker carries the same figure, and the curve passes through it.
    const chart = page.getByTestId('deadline-curve');
    await chart.waitFor();
    const marker = chart.getByTestId('curve-deadline');
    expect(Number(await marker.getAttribute('data-probability'))).toBe(probability);
    const points = chart.getByTestId('curve-point');
    const curve = await points.evaluateAll((els) =>
      els.map((e) => ({
        weeks: Number(e.getAttribute('data-weeks')),
        probability: Number(e.getAttribute('data-probability')),
      })),
    );
    expect(curve.find((p) => p.weeks === 8)?.probability).toBe(probability);
    expect(curve.at(-1)?.probability).toBe(1);

    // What it would take: the chance is under 85 %, so the whole backlog does not fit.
    const take = (await page.getByTestId('what-it-would-take').textContent()) ?? '';
    const fits = /Scope that fits by the deadline: (\d+) of 50 items/.exec(take);
    expect(Number(fits?.[1])).toBeLessThan(50);
    // "Time used" is shown raw, above 100 % when P85 is beyond the deadline.
    expect(await page.getByText('Time used (P85, uncapped)').count()).toBe(1);
  });

  it('when: the headline weeks equal the table’s 85 % row and the histogram’s P85 marker', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    await runWhenForecast(page, { seed: '5' });
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    const weeks = /^85% chance to finish within (\d+(?:\.\d+)?) weeks/.exec(
      (await headline.textContent()) ?? '',
    )?.[1];
    expect(weeks).toBeDefined();
    const row = page.locator('[data-testid="probability-table"] tr.highlight td');
    expect(await row.nth(1).textContent()).toBe(weeks);
    const histogram = page.getByTestId('histogram');
    await histogram.waitFor();
    expect(await histogram.locator('text.marker').nth(1).textContent()).toBe(`P85: ${weeks}`);
    expect(await page.locator('.kpi--p85 .kpi__value').first().textContent()).toBe(
      `${weeks} weeks`,
    );
  });

  it('marks a result out of date after an input change, and after an invalid input', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    await runWhenForecast(page, { seed: '3' });
    await page.getByTestId('when-results').waitFor();
    expect(await page.getByTestId('stale-notice').count()).toBe(0);

    await page.getByLabel('Items in the backlog').fill('70');
    const notice = page.getByTestId('stale-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Out of date: the inputs changed/);
    expect(await page.locator('[data-stale="true"] [data-testid="when-results"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await page.getByTestId('when-results').waitFor();
    await expect.poll(() => page.getByTestId('stale-notice').count()).toBe(0);

    // 5, -2, 6: the reason beside the field, and the old result marked, not silently kept.
    const tp = page.getByLabel('Items finished per week');
    await tp.fill('5, -2, 6');
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    const error = page.locator('[data-field-error="when-tpSamples"]');
    await error.waitFor();
    expect(await error.textContent()).toBe('Value 2: Must be at least 0.');
    expect(await page.getByTestId('stale-notice').textContent()).toMatch(
      /^Out of date: fix the inputs/,
    );
  });
});
