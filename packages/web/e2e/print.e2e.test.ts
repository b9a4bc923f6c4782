/**
 * The printed report (issue 14): a forecast prints as one A4 page in the reader's language,
 * the headline and the print header (what was asked, key inputs, date made) on it, the form
 * and the navigation left out.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

/** Pages of a PDF: its page objects, not the /Pages tree node. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

describe('a forecast printed as a report', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ locale: 'pt-BR', viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await b.close();
  });

  it('the deadline forecast is one A4 page in Portuguese, with its headline', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/deadline`);
    await page.getByRole('heading', { name: 'Vamos cumprir o prazo?', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Rodar previsão' }).click();
    const headline = page.getByTestId('headline');
    await headline.waitFor({ timeout: 60_000 });
    const text = (await headline.textContent()) ?? '';
    expect(text).toMatch(/de chance de terminar até/);

    await page.emulateMedia({ media: 'print' });
    // What the paper shows: the headline and the print header, not the form or the nav.
    expect(await headline.isVisible()).toBe(true);
    const header = page.getByTestId('print-header');
    expect(await header.isVisible()).toBe(true);
    expect(await header.textContent()).toContain('Vamos cumprir o prazo?');
    expect(await header.textContent()).toContain('Feito com o Flow Forecaster em');
    expect(await page.locator('.layout > form').isVisible()).toBe(false);
    expect(await page.locator('.app-nav').isVisible()).toBe(false);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });
});
