import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

describe('languages', () => {
  let b: Browser;
  beforeEach(async () => {
    b = await openBrowser({ locale: 'en-US' });
  });
  afterEach(async () => {
    await b.close();
  });

  it('switches to Spanish: Spanish labels and formats, kept after a reload', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    await page.getByRole('heading', { name: 'When will it be done?' }).waitFor();
    await page.getByTestId('language').selectOption('es');
    await page.getByRole('heading', { name: '¿Cuándo estará listo?' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.getByLabel('Ítems en el backlog').count()).toBe(1);

    await page.getByLabel('Fecha de inicio').fill('2027-01-04');
    await page.getByRole('button', { name: 'Pronosticar' }).click();
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    // Spanish sentence with a Spanish long date ("… a más tardar el 1 de marzo de 2027").
    expect(await headline.textContent()).toMatch(
      /^85\s%\sde probabilidad de terminar en \d+ semanas o menos — a más tardar el \d{1,2} de [a-z]+ de 2027$/,
    );
    // Decimal comma in the mean, with its unit and the SD named ("8,5 semanas (desviación estándar 0,7)").
    expect(
      await page.locator('.kpi', { hasText: 'Media' }).locator('.kpi__value').textContent(),
    ).toMatch(/^\d+,\d semanas \(desviación estándar \d+,\d\)$/);

    await page.reload();
    await page.getByRole('heading', { name: '¿Cuándo estará listo?' }).waitFor();
    expect(await page.getByTestId('language').inputValue()).toBe('es');
  });

  it('opens in Portuguese for a browser that prefers it', async () => {
    const pt = await openBrowser({ locale: 'pt-BR' });
    try {
      await pt.page.goto(baseUrl);
      await pt.page.getByRole('heading', { name: 'Quando vai ficar pronto?' }).waitFor();
      expect(await pt.page.locator('html').getAttribute('lang')).toBe('pt-BR');
    } finally {
      await pt.close();
    }
  });
});
