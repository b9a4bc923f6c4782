/**
 * The portfolio's wide tables at a laptop's 1366 px: scrolled sideways (as clicking a cell far
 * right does), the column naming each feature stays in view (issue 16).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

/** Whether the element is what the reader sees at its own centre (not covered, not scrolled away). */
async function seen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    // The table on screen (the page scrolls, not the table's own sideways scroll).
    el.closest('.table-wrap')?.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    const wrap = el.closest('.table-wrap')?.getBoundingClientRect();
    if (!wrap || r.left < wrap.left - 1 || r.right > wrap.right + 1) return false;
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return at !== null && (at === el || el.contains(at));
  });
}

describe('the portfolio page at 1366 px', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await b.close();
  });

  it('keeps the feature column in view when the tables scroll sideways', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/portfolio`);
    await page.getByRole('button', { name: 'Forecast the portfolio' }).click();
    await page.getByTestId('pf-results').waitFor({ timeout: 60_000 });

    // Editing the last cell of a feature row scrolls the editor to it.
    await page.getByLabel('Waits for (features) (Export)').click();
    await page
      .getByTestId('pf-features')
      .evaluate((t) => ((t.parentElement as HTMLElement).scrollLeft = 10_000));
    expect(await seen(page, '#pf-features-3-name')).toBe(true);

    const table = page.getByTestId('pf-cut-table');
    await table.evaluate((t) => ((t.parentElement as HTMLElement).scrollLeft = 10_000));
    expect(await seen(page, '[data-testid="pf-result-0"] th')).toBe(true);
    // It did scroll: the last column is in view too.
    expect(await seen(page, '[data-testid="pf-result-0"] td:last-child')).toBe(true);
  });
});
