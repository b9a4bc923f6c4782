/**
 * The printable report: the print stylesheet leaves one A4 page with the result only, headed
 * by the question, its key inputs and the date made, in the reader's language.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

describe('printed report', () => {
  let b: Browser;
  beforeEach(async () => {
    b = await openBrowser({ locale: 'pt-BR' });
  });
  afterEach(async () => {
    await b.close();
  });

  it('prints the deadline result on one page, in Portuguese, with its key inputs', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/deadline`);
    await page.locator('form button[type="submit"]').first().click();
    await page.getByTestId('deadline-curve').waitFor();
    await page.emulateMedia({ media: 'print' });

    const header = page.getByTestId('print-header');
    expect(await header.isVisible()).toBe(true);
    const text = (await header.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/Backlog: \d+ itens · Prazo: .+ · Histórico: \d+ semanas/);
    expect(text).toMatch(/Simulações: [\d.]+ · Semente: \d+/);
    expect(text).toMatch(/Feito com o Flow Forecaster em/);
    // The form, the navigation and the buttons are not printed; the headline and chart are.
    expect(await page.locator('form').first().isVisible()).toBe(false);
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    expect(await page.locator('.result-actions').isVisible()).toBe(false);
    expect(await page.getByTestId('headline').isVisible()).toBe(true);
    expect(await page.getByTestId('deadline-curve').isVisible()).toBe(true);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });
});
