/**
 * Issue 14, "chart text at least 11 px" on a 390 px phone: the charts draw in a viewBox and
 * scale with the screen, so text sized in viewBox units shrinks with them. Each text's size on
 * screen is its font size times the SVG's scale (its screen CTM), measured in real Chromium on
 * the When page's charts and on a flow chart.
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
});
