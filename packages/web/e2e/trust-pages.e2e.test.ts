/**
 * The trust rules in real Chromium for the pages trust.e2e does not cover (issue 14): the
 * headline figure of How many, Cost, Backtest, Portfolio, Accuracy, Risks, Dependencies and the
 * flow pages (throughput, cycle time) equals their table, card and chart for the same run, and the When page's term help ("Self-disagreement of the sample")
 * is not cut at 1366 px.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { riskSummary } from '@flow-forecaster/engine';
import { openBrowser, runWhenForecast, type Browser } from './browser';

const baseUrl = inject('baseUrl');

/** An English number as shown ("1,234.5") as a number. */
function num(text: string | null): number {
  return Number((text ?? '').replace(/,/g, '').trim());
}

/** The value of the card labelled `label` (exactly). */
async function kpi(page: Page, label: string): Promise<string | null> {
  return page
    .locator('.kpi', { has: page.locator(`.kpi__label:text-is("${label}")`) })
    .locator('.kpi__value')
    .first()
    .textContent();
}

/** Each row of the rows editor as its inputs' values, in column order. */
async function editorRows(page: Page): Promise<string[][]> {
  await page.locator('.rows-editor tbody tr input').first().waitFor();
  return page.evaluate(() =>
    [...document.querySelectorAll('.rows-editor tbody tr')].map((tr) =>
      [...tr.querySelectorAll('input')].map((i) => i.value),
    ),
  );
}

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

  it('risks: the total cards equal the engine for the editor’s rows and the table’s sums', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/risks`);
    const rows = await editorRows(page);
    expect(rows.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Rank risks' }).click();
    const table = page.getByTestId('risk-table');
    await table.waitFor();
    const expected = riskSummary({
      risks: rows.map(([likelihood, low, medium, high, description]) => ({
        likelihood: Number(likelihood) / 100,
        lowImpact: Number(low),
        mediumImpact: Number(medium),
        highImpact: Number(high),
        description,
      })),
    });
    const total = num(await kpi(page, 'Expected impact'));
    const totalP85 = num(await kpi(page, 'P85 impact'));
    expect(total).toBe(expected.totalExpectedImpact);
    expect(totalP85).toBe(expected.totalP85Impact);
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(cells.map((c) => c[1])).toEqual(expected.risks.map((r) => r.description));
    expect(cells.map((c) => num(c[3]))).toEqual(expected.risks.map((r) => r.expectedImpact));
    // The cards are the table's columns summed (one decimal each, as shown).
    const sum = (k: number) => Math.round(cells.reduce((s, c) => s + num(c[k]), 0) * 10) / 10;
    expect(sum(3)).toBe(total);
    expect(sum(4)).toBe(totalP85);
  });

  it('dependencies: the headline chance is the product of the rows’ on-time chances', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/dependencies`);
    const rows = await editorRows(page);
    expect(rows.length).toBeGreaterThan(1);
    await page.locator('.layout > form button[type="submit"]').click();
    const headline = page.locator('.layout section .headline');
    await headline.waitFor({ timeout: 60_000 });
    const m = /^Chance all arrive on time: (\d+(?:\.\d+)?)%$/.exec(
      ((await headline.textContent()) ?? '').trim(),
    );
    expect(m).not.toBeNull();
    const product = rows.reduce((p, r) => p * (Number(r[1]) / 100), 1);
    const decimals = m![1].split('.')[1]?.length ?? 0;
    expect(Number(m![1])).toBe(Number((product * 100).toFixed(decimals)));
    // A run is on time only when every dependency is: its delay is 0 at the percentiles
    // the headline chance covers, and above 0 beyond them.
    const table = await page
      .locator('.layout section table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    for (const [label, days] of table) {
      const p = Number(/^P(\d+)$/.exec(label)?.[1]);
      if (p / 100 < product - 0.02) expect(num(days), label).toBe(0);
      if (p / 100 > product + 0.02) expect(num(days), label).toBeGreaterThan(0);
    }
  });

  it('flow: the weekly mean card equals the chart’s mean line and its bars; P85 equals the scatter', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/team`);
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await page.getByTestId('sample-badge').first().waitFor();
    await page.goto(`${baseUrl}/#/flow/throughput`);
    const chart = page.getByTestId('flow-throughput');
    await chart.waitFor({ timeout: 60_000 });
    const mean = await kpi(page, 'Mean per week');
    expect(mean).toMatch(/^\d/);
    expect(await page.getByTestId('flow-throughput-mean').locator('text').textContent()).toMatch(
      new RegExp(`: ${mean!.replace('.', '\\.')}$`),
    );
    const counts = (await chart.locator('title').allTextContents())
      .map((t) => /: ([\d,]+)$/.exec(t)?.[1])
      .filter((c): c is string => c !== undefined)
      .map(num);
    expect(counts.length).toBeGreaterThan(1);
    const barsMean = counts.reduce((s, c) => s + c, 0) / counts.length;
    expect(num(mean)).toBe(Math.round(barsMean * 100) / 100);

    await page.goto(`${baseUrl}/#/flow/cycle-time`);
    const scatter = page.getByTestId('flow-scatter');
    await scatter.waitFor({ timeout: 60_000 });
    const percentiles = page.getByTestId('flow-percentiles');
    const p85 = await percentiles
      .locator('.kpi', { has: page.locator('.kpi__label:text-is("P85")') })
      .locator('.kpi__value')
      .textContent();
    expect(await scatter.locator('[data-percentile="p85"] text').textContent()).toBe(`P85: ${p85}`);
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
