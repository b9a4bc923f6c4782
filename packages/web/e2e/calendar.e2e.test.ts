/**
 * Calendars in the When page (spec calendars.md), in pt-BR: the country defaults to Brazil,
 * choosing it moves the completion dates past Christmas, the calendar is named on the result,
 * and a share link reproduces the same dates in a fresh browser.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

async function p85Date(page: Page): Promise<string> {
  const kpi = page.getByTestId('completion-dates').locator('.kpi', { hasText: 'P85' });
  return (await kpi.locator('.kpi__value').textContent()) ?? '';
}

async function forecast(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Prever', exact: true }).click();
  await page.getByTestId('completion-dates').waitFor();
}

/** Every week delivers exactly 5 (replayed), from `start`; with `backlog` items to do. */
async function fillFivePerWeek(page: Page, start: string, backlog?: string): Promise<void> {
  await page.getByLabel('Itens concluídos por semana').fill('5, 5, 5, 5');
  await page.getByLabel('Modelo de vazão').selectOption('bootstrap');
  if (backlog !== undefined) await page.getByLabel('Itens no backlog').fill(backlog);
  await page.getByLabel('Data de início').fill(start);
}

/** Opens the Calendar section and turns on skipping weekends, holidays and days off. */
async function turnOnCalendar(page: Page): Promise<void> {
  await page.locator('summary', { hasText: 'Calendário' }).click();
  await page.getByLabel('Pular fins de semana, feriados e folgas do time nas datas').check();
}

/** Waits until the P85 date shown is no longer `before` (the new forecast is drawn). */
async function p85DateChangedFrom(page: Page, before: string): Promise<void> {
  await page.waitForFunction((previous) => {
    const el = document.querySelector(
      '[data-testid="completion-dates"] .kpi:nth-child(2) .kpi__value',
    );
    return el !== null && el.textContent !== previous;
  }, before);
}

describe('calendar (pt-BR)', () => {
  let b: Browser;
  let fresh: Browser;
  beforeEach(async () => {
    b = await openBrowser({ locale: 'pt-BR' });
    fresh = await openBrowser({ locale: 'pt-BR' });
  });
  afterEach(async () => {
    await b.close();
    await fresh.close();
  });

  it('choosing Brazil moves the dates past Christmas, names the calendar, and shares', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    await page.getByRole('heading', { name: 'Quando vai ficar pronto?' }).waitFor();
    // Every week delivers exactly 5: 10 items are 2 weeks of work, 10 working days.
    await fillFivePerWeek(page, '2026-12-14', '10');

    await turnOnCalendar(page);
    // The country follows the UI language.
    expect(await page.getByLabel('País (feriados nacionais)').inputValue()).toBe('BR');

    // Weekends only: the 10th working day from Monday 14 Dec is Friday 25 Dec.
    await page.getByLabel('País (feriados nacionais)').selectOption('');
    await forecast(page);
    const weekdaysOnly = await p85Date(page);
    expect(weekdaysOnly).toMatch(/^25 de dez/);

    // Brazil: Christmas is a holiday, so the same work ends on Monday 28 Dec.
    await page.getByLabel('País (feriados nacionais)').selectOption('BR');
    await forecast(page);
    await p85DateChangedFrom(page, weekdaysOnly);
    const brazil = await p85Date(page);
    expect(brazil).toMatch(/^28 de dez/);
    const note = await page.getByTestId('calendar-note').innerText();
    expect(note).toContain('Brasil');
    expect(note).toContain('Natal');
    // The shift is spelled out: Friday 25 → Monday 28 December.
    expect(await page.getByTestId('calendar-moves').innerText()).toMatch(/25 de dez.*28 de dez/);

    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    await fresh.page.goto(link);
    await fresh.page.getByTestId('completion-dates').waitFor();
    expect(await p85Date(fresh.page)).toBe(brazil);
    expect(await fresh.page.getByTestId('calendar-note').innerText()).toContain('Natal');
  });

  it('Spain and the United States run too (their substitute days once stopped the form)', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    await fillFivePerWeek(page, '2026-12-14', '10');
    await turnOnCalendar(page);
    for (const [code, name] of [
      ['ES', 'Espanha'],
      ['US', 'Estados Unidos'],
    ]) {
      await page.getByLabel('País (feriados nacionais)').selectOption(code);
      await forecast(page);
      await page.getByTestId('calendar-note').filter({ hasText: name }).waitFor();
      // Christmas is a holiday in both: the 10th working day is Monday 28 Dec.
      expect(await p85Date(page)).toMatch(/^28 de dez/);
      expect(await page.getByTestId('form-refusal').count()).toBe(0);
    }
  });

  it('a Monday–Thursday week moves the dates, is named, and survives a share link', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    await page.getByRole('heading', { name: 'Quando vai ficar pronto?' }).waitFor();
    await fillFivePerWeek(page, '2026-12-14', '10');
    await turnOnCalendar(page);
    await page.getByLabel('País (feriados nacionais)').selectOption('');
    // Monday to Friday: 10 working days from Monday 14 Dec end on Friday 25 Dec.
    await forecast(page);
    const monFri = await p85Date(page);
    expect(monFri).toMatch(/^25 de dez/);

    // Fridays off: 2 weeks of work are 8 working days, ending on Thursday 24 Dec.
    const week = page.getByTestId('working-days');
    await week.getByRole('checkbox', { name: 'sexta-feira' }).uncheck();
    await forecast(page);
    await p85DateChangedFrom(page, monFri);
    const monThu = await p85Date(page);
    expect(monThu).toMatch(/^24 de dez/);
    expect(await page.getByTestId('calendar-note').innerText()).toContain('seg–qui');

    // No working day at all: said beside the toggles, and the result is marked out of date.
    for (const day of ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira']) {
      await week.getByRole('checkbox', { name: day }).uncheck();
    }
    await page.getByRole('button', { name: 'Prever', exact: true }).click();
    expect(await week.getByRole('alert').innerText()).toMatch(/^Escolha pelo menos um dia útil/);
    await page.getByTestId('stale-notice').waitFor();
    for (const day of ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira']) {
      await week.getByRole('checkbox', { name: day }).check();
    }
    await forecast(page);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();

    // A fresh browser opens the same Monday–Thursday forecast.
    await fresh.page.goto(link);
    await fresh.page.getByTestId('completion-dates').waitFor();
    expect(await p85Date(fresh.page)).toBe(monThu);
    expect(await fresh.page.getByTestId('calendar-note').innerText()).toContain('seg–qui');
    const friday = fresh.page.getByTestId('working-days').getByRole('checkbox', {
      name: 'sexta-feira',
    });
    expect(await friday.isChecked()).toBe(false);
  });

  it('how many by a date: a week with a holiday delivers fewer items', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/how-many`);
    await page.getByRole('heading', { name: 'Quantos itens até uma data?' }).waitFor();
    await fillFivePerWeek(page, '2026-04-27');
    // An end date instead of a number of days: both at once is refused, never one silently winning.
    await page.getByLabel('Dias', { exact: true }).fill('');
    await page.getByLabel('Data final').fill('2026-05-11');
    const median = page.locator('.kpi', { hasText: '50%' }).locator('.kpi__value');
    await page.getByRole('button', { name: 'Rodar previsão' }).click();
    await page.getByTestId('headline').waitFor();
    expect(await median.textContent()).toBe('10');

    // Brazil (the default in pt-BR): Labour Day thins the first week to 4 days of 5.
    await turnOnCalendar(page);
    await page.getByRole('button', { name: 'Rodar previsão' }).click();
    await page.getByTestId('calendar-note').waitFor();
    expect(await median.textContent()).toBe('9');
    expect(await page.getByTestId('calendar-note').innerText()).toContain('Dia do trabalhador');
  });

  it('a forecast across Carnival shifts once Carnaval is switched on as a day off', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/when`);
    await page.getByRole('heading', { name: 'Quando vai ficar pronto?' }).waitFor();
    await fillFivePerWeek(page, '2026-02-09', '10');
    await turnOnCalendar(page);
    // Carnival is optional nationally: a working day until switched on.
    await forecast(page);
    expect(await p85Date(page)).toMatch(/^20 de fev/);
    const carnaval = page.getByTestId('optional-holidays').getByLabel('Carnaval');
    await carnaval.check();
    await forecast(page);
    await page.waitForFunction(() =>
      (
        document.querySelector('[data-testid="completion-dates"] .kpi:nth-child(2) .kpi__value')
          ?.textContent ?? ''
      ).startsWith('25 de fev'),
    );
    expect(await page.getByTestId('calendar-note').innerText()).toContain('Carnaval');
  });

  it('portfolio: dates on working days around Christmas, and the calendar is named', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/#/portfolio`);
    await page.getByRole('heading', { name: 'Portfólio', level: 1 }).waitFor();
    await page.getByLabel('Data de início').first().fill('2026-12-14');
    await page.getByRole('button', { name: 'Prever o portfólio' }).click();
    const p85 = page.getByTestId('pf-p85-0');
    await page.getByTestId('pf-results').waitFor({ timeout: 60_000 });
    const plain = await p85.getAttribute('datetime');
    expect(await page.getByTestId('calendar-note').count()).toBe(0);

    await turnOnCalendar(page);
    expect(await page.getByLabel('País (feriados nacionais)').inputValue()).toBe('BR');
    await page.getByRole('button', { name: 'Prever o portfólio' }).click();
    await page.getByTestId('calendar-note').waitFor({ timeout: 60_000 });
    const note = await page.getByTestId('calendar-note').innerText();
    expect(note).toContain('Natal');
    const onCalendar = (await p85.getAttribute('datetime')) ?? '';
    // Without a calendar a date is start + 7 × weeks (a Monday); on one, the last working day
    // of the completion week: never a weekend, Christmas or New Year's Day.
    expect(new Date(`${plain}T00:00:00Z`).getUTCDay()).toBe(1);
    expect([0, 6]).not.toContain(new Date(`${onCalendar}T00:00:00Z`).getUTCDay());
    expect(onCalendar).not.toMatch(/-12-25$|-01-01$/);
  });
});
