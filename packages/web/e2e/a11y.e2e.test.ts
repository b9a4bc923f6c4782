import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/** Every axe-core violation (WCAG 2.1 A/AA rules and best practices) on the page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations;
  });
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

/** Pages with results on screen, so the charts and tables are checked too. */
const PAGES: { path: string; submit: string; ready: string }[] = [
  { path: '/when', submit: 'Forecast', ready: '[data-testid="histogram"]' },
  { path: '/how-many', submit: 'Run forecast', ready: '[data-testid="histogram"]' },
  { path: '/deadline', submit: 'Run forecast', ready: '[data-testid="deadline-table"]' },
  { path: '/cost', submit: 'Run forecast', ready: '[data-testid="cost-chart"]' },
  { path: '/risks', submit: 'Rank risks', ready: '[data-testid="risk-table"]' },
  { path: '/dependencies', submit: 'Run forecast', ready: '.kpis' },
  { path: '/backtest', submit: 'Run forecast', ready: '[data-testid="backtest-chart"]' },
  { path: '/pbc', submit: 'Draw chart', ready: '[data-testid="xmr-chart"]' },
  { path: '/accuracy', submit: 'Compare', ready: '.kpis' },
  { path: '/portfolio', submit: 'Forecast the portfolio', ready: '[data-testid="pf-cut-table"]' },
];

describe('accessibility', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ viewport: { width: 360, height: 800 } });
  });
  afterAll(async () => {
    await b.close();
  });

  it.each(PAGES)('$path has no axe-core violations and fits a 360 px phone', async (p) => {
    const { page } = b;
    await page.goto(`${baseUrl}/#${p.path}`);
    await page.locator('main h1').waitFor();
    expect(await axeViolations(page), 'form').toEqual([]);
    await page.getByRole('button', { name: p.submit, exact: true }).click();
    await page.locator(p.ready).first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.chart__loading').length === 0);
    expect(await axeViolations(page), 'results').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });

  it('the team page and the flow pages, with the example data, have no violations and fit a phone', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/team`);
    await page.locator('main h1').waitFor();
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await page.getByTestId('team-summary').waitFor();
    expect(await axeViolations(page), '/team').toEqual([]);
    for (const [path, ready] of [
      ['/flow/cycle-time', 'flow-scatter'],
      ['/flow/aging', 'flow-aging'],
      ['/flow/throughput', 'flow-throughput'],
      ['/flow/cfd', 'flow-cfd'],
    ]) {
      await page.goto(`${baseUrl}/#${path}`);
      await page.getByTestId(ready).waitFor();
      expect(await axeViolations(page), path).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        path,
      ).toBeLessThanOrEqual(360);
    }
  });

  it('can be used with the keyboard alone: tab to the form, submit with Enter', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    // A fresh document: the previous test left focus inside the page.
    await page.reload();
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.getByLabel('Items in the backlog').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('headline').waitFor();
    // Focus is visible on every control (the stylesheet draws an outline on :focus-visible).
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
  });
});
