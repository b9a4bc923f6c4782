/**
 * The trust rules in real Chromium for the pages trust.e2e does not cover (issue 14): the
 * headline figure of How many, Cost, Backtest, Portfolio and Accuracy equals their table, card
 * and chart for the same run, and the When page's term help ("Self-disagreement of the sample")
 * is not cut at 1366 px.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, runWhenForecast, type Browser } from './browser';

const baseUrl = inject('baseUrl');

describe('every page: headline, table and chart agree', () => {
  let b: Browser;
  beforeEach(async () => {
    b = await openBrowser({ viewport: { width: 1366, height: 768 } });
  });
  afterEach(async () => {
    await b.close();
  });

  it('how many: the headline items equal the 85% row, the card and the chart marker', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/how-many`);
    await page.getByText('Runs and seed').click();
    await page.getByLabel('Seed', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Run forecast' }).click();
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    const items = /^85% chance to finish at least ([\d,]+) items in 30 days$/.exec(
      (await headline.textContent()) ?? '',
    )?.[1];
    expect(items).toBeDefined();
    const row = page.locator('[data-testid="how-many-table"] tr.highlight td');
    expect(await row.nth(0).textContent()).toBe('85%');
    expect(await row.nth(1).textContent()).toBe(items);
    expect(await page.locator('.kpi--p85 .kpi__value').first().textContent()).toBe(items);
    const chart = page.getByTestId('histogram');
    await chart.waitFor();
    expect(await chart.locator('text.marker').nth(0).textContent()).toBe(`85%: ${items}`);
  });

  it('cost: the headline total equals the P85 card for the same run', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/cost`);
    await page.getByText('Runs and seed').click();
    await page.getByLabel('Seed', { exact: true }).fill('5');
    await page.locator('.layout > form button[type="submit"]').click();
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    const cost = /^85% chance the total stays within (.+)$/.exec(
      (await headline.textContent()) ?? '',
    )?.[1];
    expect(cost).toBeDefined();
    expect(await page.locator('.kpi--p85 .kpi__value').first().textContent()).toBe(cost);
  });

  it('backtest: the verdict’s coverage equals its level’s row in the calibration table', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/backtest`);
    await page.locator('.layout > form button[type="submit"]').click();
    const table = page.getByTestId('calibration-table');
    await table.waitFor({ timeout: 60_000 });
    const headline = (await page.getByTestId('headline').textContent()) ?? '';
    const m = /at P(\d+): whole-week coverage (\d+%) against the (\d+%) it claims/.exec(headline);
    if (!m) {
      // Every level calibrated: the headline names no level, and every row says so.
      expect(headline).toMatch(/^Verdict: Calibrated/);
      const verdicts = await table.locator('tbody tr td:last-child').allTextContents();
      expect(verdicts.length).toBeGreaterThan(0);
      for (const v of verdicts) expect(v).toBe('Calibrated');
      return;
    }
    const row = table.locator('tbody tr', { has: page.locator(`td:text-is("P${m[1]}")`) });
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe(m[3]);
    expect(cells[3]).toBe(m[2]);
  });

  it('portfolio: the headline count equals the table’s features in the cut line', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/portfolio`);
    await page.getByText('Runs and seed').click();
    await page.getByLabel('Seed', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
    const headline = page.getByTestId('pf-in-count');
    await headline.waitFor({ timeout: 60_000 });
    const m = /^(\d+) of (\d+) features make their date$/.exec(
      (await headline.textContent()) ?? '',
    );
    expect(m).not.toBeNull();
    const table = page.getByTestId('pf-cut-table');
    expect(await table.locator('[data-status="in"]').count()).toBe(Number(m![1]));
    expect(await table.locator('[data-status="in"], [data-status="out"]').count()).toBe(
      Number(m![2]),
    );
  });

  it('accuracy: the headline count equals the pairs table’s on-or-before column', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/accuracy`);
    await page.getByRole('button', { name: 'Compare' }).click();
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    const m = /^(\d+) of (\d+) actuals? on or before the forecast \((\d+)%\)$/.exec(
      (await headline.textContent()) ?? '',
    );
    expect(m).not.toBeNull();
    const column = await page
      .getByTestId('accuracy-pairs')
      .locator('tbody tr td:last-child')
      .allTextContents();
    expect(column).toHaveLength(Number(m![2]));
    const yes = column.filter((c) => c === 'yes').length;
    expect(yes).toBe(Number(m![1]));
    expect(Number(m![3])).toBe(Math.round((yes / column.length) * 100));
  });

  it('when: the self-disagreement help stays inside its table at 1366 px', async () => {
    const { page } = b;
    await page.goto(baseUrl);
    await runWhenForecast(page, { seed: '5' });
    const table = page.getByTestId('input-stats');
    await table.waitFor();
    const fit = await table.evaluate((el) => {
      const wrap = el.closest('.table-wrap') as HTMLElement;
      const help = el.querySelector('[data-testid="term-help"]') as HTMLElement;
      return {
        // Nothing of the table hidden behind a scroll, and the help ends inside the frame.
        hidden: wrap.scrollWidth - wrap.clientWidth,
        helpRight: help.getBoundingClientRect().right,
        wrapRight: wrap.getBoundingClientRect().right,
      };
    });
    expect(fit.hidden).toBeLessThanOrEqual(1);
    expect(fit.helpRight).toBeLessThanOrEqual(fit.wrapRight + 0.5);
  });
});
