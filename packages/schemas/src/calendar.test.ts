import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runForecast } from '@flow-forecaster/engine';
import { parseRequest } from './requests';
import { setHolidayProvider } from './calendar';
import { holidayCountries, installHolidays } from './holidays';
import { BLACKOUT_CASE } from '../test/calendar-cases';

const base = { tpSamples: [1], throughputModel: 'bootstrap', seed: 3 };

describe('calendar request fields (when)', () => {
  beforeEach(() => installHolidays());
  afterEach(() => setHolidayProvider(null));

  it('reference case 1 through the schema: blackout, daily model → 2026-04-14', () => {
    const r = parseRequest('when', BLACKOUT_CASE);
    if (!r.ok) throw new Error(r.error.message);
    const out = runForecast('when', r.value);
    expect(out.completionDates?.p50).toBe('2026-04-14');
    expect(out.completionDates?.p95).toBe('2026-04-14');
  });

  it('resolves Brazil from date-holidays: Tiradentes is a day off, Carnival only on request', () => {
    const r = parseRequest('when', {
      ...base,
      backlog: 5,
      resolution: 'day',
      startDate: '2026-04-20',
      calendar: { country: 'br' },
    });
    if (!r.ok) throw new Error(r.error.message);
    const cal = r.value.calendar;
    expect(cal?.country).toBe('BR');
    // English unless the request asks for another language.
    expect(cal?.holidays).toContainEqual({ date: '2026-04-21', name: "Tiradentes' Day" });
    expect(runForecast('when', r.value).completionDates?.p85).toBe('2026-04-27');

    const carnival = (optionalHolidays: unknown) => {
      const p = parseRequest('when', {
        ...base,
        backlog: 5,
        startDate: '2026-01-05',
        calendar: { country: 'BR', optionalHolidays },
      });
      if (!p.ok) throw new Error(p.error.message);
      return (p.value.calendar?.holidays ?? []).filter((h) => h.date === '2026-02-17').length;
    };
    expect(carnival(undefined)).toBe(0);
    expect(carnival('include')).toBe(1);
    // A switch matches the name in English or in the country's own language.
    expect(carnival(['Carnaval'])).toBe(1);
    expect(carnival(['carnival'])).toBe(1);
  });

  it('names holidays in calendar.language, and the numbers do not depend on it', () => {
    const parse = (language?: string) => {
      const r = parseRequest('when', {
        ...base,
        seed: undefined,
        backlog: 30,
        tpSamples: [1, 3, 5, 8],
        startDate: '2026-04-20',
        calendar: {
          country: 'BR',
          optionalHolidays: ['Carnival'],
          ...(language ? { language } : {}),
        },
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const name = (v: ReturnType<typeof parse>, date: string) =>
      v.calendar?.holidays?.find((h) => h.date === date)?.name;
    expect(name(parse(), '2026-05-01')).toBe('Labour Day');
    expect(name(parse('pt-BR'), '2026-05-01')).toBe('Dia do trabalhador');
    expect(name(parse('es'), '2026-05-01')).toBe('Día del Trabajador');
    expect(name(parse('pt-BR'), '2027-02-09')).toBe('Carnaval');
    // The seed hashes the holidays' dates, not their names: every reader gets the same numbers.
    const en = runForecast('when', parse('en'));
    const pt = runForecast('when', parse('pt'));
    expect(pt.seed).toBe(en.seed);
    expect(pt.completionDates).toEqual(en.completionDates);
    expect(pt.calendar?.daysOff[0]).toEqual({ date: '2026-04-21', reason: 'Dia de Tiradentes' });
    expect(en.calendar?.daysOff[0]).toEqual({ date: '2026-04-21', reason: "Tiradentes' Day" });
  });

  it('refuses a malformed language, naming the field', () => {
    const r = parseRequest('when', {
      ...base,
      backlog: 5,
      startDate: '2026-04-20',
      calendar: { country: 'BR', language: 'portuguese!' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('calendar.language');
  });

  it('knows Spain and Brazil, and many countries', () => {
    const c = holidayCountries();
    expect(c.BR).toBe('Brazil');
    expect(c.ES).toBe('Spain');
    expect(Object.keys(c).length).toBeGreaterThan(100);
  });

  it.each([
    [{ country: 'XX' }, 'calendar.country'],
    [{ country: 'BR', region: 'ZZ' }, 'calendar.region'],
    [{ country: 'BRA' }, 'calendar.country'],
    [{ workingDays: [1, 8] }, 'calendar.workingDays.1'],
    [{ workingDays: [] }, 'calendar.workingDays'],
    [{ workingDays: [1, 1] }, 'calendar.workingDays'],
    [{ blackouts: [{ from: '2026-04-08', to: '2026-04-07' }] }, 'calendar.blackouts.0.to'],
    [{ blackouts: [{ from: '2026-04-08', to: 'soon' }] }, 'calendar.blackouts.0.to'],
    [{ region: 'SP' }, 'calendar.country'],
  ])('rejects %j naming %s', (calendar, field) => {
    const r = parseRequest('when', { ...base, backlog: 5, startDate: '2026-04-06', calendar });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe(field);
  });

  it('needs a start date with a calendar', () => {
    const r = parseRequest('when', { ...base, backlog: 5, calendar: {} });
    expect(r.ok ? null : r.error.field).toBe('startDate');
  });

  it('a request carrying resolved holidays needs no holiday data (worker threads, share links)', () => {
    const first = parseRequest('when', {
      ...base,
      backlog: 5,
      startDate: '2026-04-20',
      calendar: { country: 'BR' },
    });
    if (!first.ok) throw new Error(first.error.message);
    setHolidayProvider(null);
    const again = parseRequest('when', first.value);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toEqual(first.value);
    const missing = parseRequest('when', {
      ...base,
      backlog: 5,
      startDate: '2026-04-20',
      calendar: { country: 'BR' },
    });
    expect(missing.ok ? null : missing.error.field).toBe('calendar.country');
  });

  it('a request without calendar is unchanged', () => {
    const r = parseRequest('when', { ...base, backlog: 5 });
    expect(r.ok && 'calendar' in r.value).toBe(false);
  });

  it('history: a calendar needs from, and resolves the holidays from it', () => {
    const items = [{ done: '2026-04-22' }];
    const missing = parseRequest('history', { items, calendar: { country: 'BR' } });
    expect(missing.ok ? null : missing.error.field).toBe('from');
    const r = parseRequest('history', {
      items,
      from: '2026-04-20',
      calendar: { country: 'BR', language: 'pt-BR' },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calendar?.holidays).toContainEqual({
      date: '2026-04-21',
      name: 'Dia de Tiradentes',
    });
  });
});
