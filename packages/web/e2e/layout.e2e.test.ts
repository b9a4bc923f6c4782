/**
 * Layout in real Chromium at the two sizes people use most (issue 14): a 1366 × 768 laptop and
 * a 390 px phone. The run button is reachable without scrolling, the headline comes into view
 * after a run, tables fit, risk and dependency rows stay on screen with their labels, and the
 * phone's nav shows that it scrolls.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}/#${path}`);
  await page.locator('.layout > form button[type="submit"]').waitFor();
}

/** Every part of the rows editor (inputs, errors, remove buttons) that ends past `right`. */
/** Opens a rows page, adds a row with "abc" in a number and runs it: the row is refused. */
async function openWithRefusedRow(page: Page, path: string): Promise<void> {
  await open(page, path);
  await page.getByRole('button', { name: /Add/ }).first().click();
  await page
    .locator('.rows-editor tbody tr:last-child input[inputmode="decimal"]')
    .first()
    .fill('abc');
  await page.locator('.layout > form button[type="submit"]').click();
  await page.locator('.rows-editor .field__error').first().waitFor();
}

async function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const form = document.querySelector('.layout > form') as HTMLElement;
    const edge = Math.min(form.getBoundingClientRect().right, window.innerWidth);
    return [
      ...document.querySelectorAll(
        '.rows-editor input, .rows-editor .field__error, .rows-editor button',
      ),
    ]
      .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
      .map((el) => el.getAttribute('aria-label') ?? el.textContent ?? el.tagName);
  });
}

describe('layout on a 1366 × 768 laptop', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ viewport: LAPTOP });
  });
  afterAll(async () => {
    await b.close();
  });

  it.each(['/when', '/how-many', '/deadline', '/cost', '/risks', '/dependencies', '/backtest'])(
    '%s: the run button is on screen without scrolling',
    async (path) => {
      const { page } = b;
      await open(page, path);
      const box = await page.locator('.layout > form button[type="submit"]').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(LAPTOP.height);
    },
  );

  it('the backtest calibration table fits beside the form', async () => {
    const { page } = b;
    await open(page, '/backtest');
    await page.locator('.layout > form button[type="submit"]').click();
    const table = page.getByTestId('calibration-table');
    await table.waitFor({ timeout: 60_000 });
    const fit = await table.evaluate((t) => {
      const wrap = t.parentElement as HTMLElement;
      return {
        right: t.getBoundingClientRect().right,
        overflow: wrap.scrollWidth - wrap.clientWidth,
      };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(LAPTOP.width);
  });

  it.each(['/risks', '/dependencies'])(
    '%s: rows, their errors and remove buttons stay inside the form',
    async (path) => {
      const { page } = b;
      // An empty row blocks the run: its errors must be readable where they are.
      await openWithRefusedRow(page, path);
      expect(await pastTheEdge(page)).toEqual([]);
    },
  );
});

describe('layout on a 390 px phone', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ viewport: PHONE });
  });
  afterAll(async () => {
    await b.close();
  });

  it.each(['/risks', '/dependencies'])(
    '%s: each row is a labelled card inside the screen',
    async (path) => {
      const { page } = b;
      await openWithRefusedRow(page, path);
      expect(await pastTheEdge(page)).toEqual([]);
      // Every field carries its column's name above it, as the table header is gone.
      const labels = await page.evaluate(() =>
        [...document.querySelectorAll('.rows-editor td[data-label]')].map((td) => ({
          want: td.getAttribute('data-label'),
          shown: getComputedStyle(td, '::before').content,
        })),
      );
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) expect(l.shown).toBe(`"${l.want}"`);
    },
  );

  it('brings the headline into view after a run', async () => {
    const { page } = b;
    await open(page, '/when');
    // Run from the top of the page without scrolling to the button (as a keyboard's Enter in
    // the first field would): the results below the long form are out of view until the page
    // brings them in.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Forecast', exact: true }).dispatchEvent('click');
    const headline = page.getByTestId('headline');
    await headline.waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const h = document.querySelector('.layout section .headline');
        if (!h) return false;
        const r = h.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      },
      undefined,
      { timeout: 10_000 },
    );
  });

  it('shows that the nav scrolls: it is wider than the screen and fades at the edge', async () => {
    const { page } = b;
    await open(page, '/when');
    const nav = await page.locator('.app-nav ul').evaluate((ul) => ({
      scrolls: ul.scrollWidth > ul.clientWidth,
      mask: getComputedStyle(ul).maskImage || getComputedStyle(ul).webkitMaskImage,
    }));
    expect(nav.scrolls).toBe(true);
    expect(nav.mask).toContain('gradient');
  });
});
