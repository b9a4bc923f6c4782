/**
 * Issue 14, "chart text at least 11 px" on a 390 px phone: the charts draw in a viewBox and
 * scale with the screen, so text sized in viewBox units shrinks with them. Each text's size on
 * screen is its font size times the SVG's scale (its screen CTM), measured in real Chromium on
 * the When page's charts, a flow chart and the portfolio's drawings (the delivery and project
 * trend charts, behind an account, are checked the same way in their component tests).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };

/** Every non-empty text of the chart(s) matched by `selector`, with its size on screen in px. */
async function textSizes(page: Page, selector: string): Promise<{ text: string; px: number }[]> {
  return page.evaluate((sel) => {
    const out: { text: string; px: number }[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>(sel)) {
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const text = (t.textContent ?? '').trim();
        const ctm = t.getScreenCTM();
        if (!text || !ctm || t.getBoundingClientRect().width === 0) continue;
        const scale = Math.hypot(ctm.a, ctm.b);
        out.push({ text, px: parseFloat(getComputedStyle(t).fontSize) * scale });
      }
    }
    return out;
  }, selector);
}

function tooSmall(sizes: { text: string; px: number }[]): string[] {
  // A hundredth of a pixel of slack for the scale's floating point.
  return sizes.filter((s) => s.px < 10.99).map((s) => `${s.text}: ${s.px.toFixed(1)} px`);
}

describe('chart text on a 390 px phone', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ viewport: PHONE });
  });
  afterAll(async () => {
    await b.close();
  });

  it('the When page: histogram and burn-down text is at least 11 px', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await page.getByTestId('histogram').waitFor({ timeout: 60_000 });
    await page.getByTestId('burndown').waitFor({ timeout: 60_000 });
    const sizes = await textSizes(page, '[data-testid="histogram"], [data-testid="burndown"]');
    expect(sizes.length).toBeGreaterThan(10);
    expect(tooSmall(sizes)).toEqual([]);
  });

  it('a flow chart (cycle-time scatter) keeps its text at least 11 px', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/team`);
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await page.getByTestId('sample-badge').first().waitFor();
    await page.goto(`${baseUrl}/#/flow/cycle-time`);
    await page.getByTestId('flow-scatter').waitFor({ timeout: 60_000 });
    const sizes = await textSizes(page, '[data-testid="flow-scatter"]');
    expect(sizes.length).toBeGreaterThan(5);
    expect(tooSmall(sizes)).toEqual([]);
  });

  it('the When histogram: its marker lines run clear of every marker label', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await page.getByTestId('histogram').waitFor({ timeout: 60_000 });
    const crossings = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid="histogram"]') as SVGSVGElement;
      const labels = [...svg.querySelectorAll<SVGTextElement>('text.marker')];
      const colours = new Set(labels.map((l) => l.getAttribute('fill')));
      const lines = [...svg.querySelectorAll<SVGLineElement>('line')].filter((l) =>
        colours.has(l.getAttribute('stroke')),
      );
      const out: string[] = [];
      for (const line of lines) {
        const l = line.getBoundingClientRect();
        for (const label of labels) {
          const r = label.getBoundingClientRect();
          const across = l.left < r.right && l.right > r.left;
          const along = l.top < r.bottom && l.bottom > r.top;
          if (across && along) out.push(`${line.getAttribute('stroke')} × ${label.textContent}`);
        }
      }
      return { labels: labels.length, lines: lines.length, out };
    });
    expect(crossings.labels).toBeGreaterThanOrEqual(2);
    expect(crossings.lines).toBe(crossings.labels);
    expect(crossings.out).toEqual([]);
  });

  it('the portfolio: the dependency graph and the timeline keep their text at least 11 px', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/portfolio`);
    await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
    await page.getByTestId('pf-results').waitFor({ timeout: 60_000 });
    const sizes = await textSizes(
      page,
      '[data-testid="pf-graph-svg"], [data-testid="pf-timeline"]',
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(tooSmall(sizes)).toEqual([]);
  });
});
