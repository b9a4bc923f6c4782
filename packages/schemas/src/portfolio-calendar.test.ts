/** Portfolio's `calendar`: the same field names and 400s as the single forecasts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseForecast } from './registry';
import { setHolidayProvider } from './calendar';
import { installHolidays } from './holidays';
import { LABOUR_DAY_PORTFOLIO } from '../test/calendar-cases';

const body = LABOUR_DAY_PORTFOLIO;

describe('portfolio request with a calendar', () => {
  beforeEach(() => installHolidays());
  afterEach(() => setHolidayProvider(null));

  it("resolves Brazil's holidays: Labour Day thins the first week, dates on working days", () => {
    const r = parseForecast('portfolio', { ...body, calendar: { country: 'BR' } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input.calendar?.holidays).toContainEqual({
      date: '2026-05-01',
      name: 'Labour Day',
    });
    const out = r.value.run();
    expect(out.features[0].completionDates).toEqual({
      p50: '2026-05-15',
      p85: '2026-05-15',
      p95: '2026-05-15',
    });
    expect(out.calendar).toMatchObject({ country: 'BR', blackoutDays: 0 });
  });

  it.each([
    [{ country: 'XX' }, 'calendar.country'],
    [{ country: 'BR', region: 'ZZ' }, 'calendar.region'],
    [{ workingDays: [1, 8] }, 'calendar.workingDays.1'],
    [{ workingDays: [] }, 'calendar.workingDays'],
    [{ blackouts: [{ from: '2026-05-08', to: '2026-05-07' }] }, 'calendar.blackouts.0.to'],
    [{ blackouts: [{ from: 'soon', to: '2026-05-07' }] }, 'calendar.blackouts.0.from'],
  ])('rejects %j naming %s', (calendar, field) => {
    const r = parseForecast('portfolio', { ...body, calendar });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe(field);
  });

  it('a calendar needs startDate', () => {
    const { startDate: _omit, ...rest } = body;
    const r = parseForecast('portfolio', { ...rest, calendar: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('startDate');
  });
});
