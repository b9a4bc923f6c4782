import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSavedCalendar, setHolidayProvider } from './calendar';
import { installHolidays } from './holidays';
import { saveTeamSchema } from './team';

const team = (calendar: unknown) => ({
  name: 'Checkout',
  source: 'throughput',
  throughput: [3, 5, 4],
  settings: { calendar },
});

/** The first issue's path, dotted like the API's 400 names it. */
function fieldOf(body: unknown): string | null {
  const r = saveTeamSchema.safeParse(body);
  return r.success ? null : r.error.issues[0].path.join('.');
}

describe('a team’s saved calendar', () => {
  beforeEach(() => installHolidays());
  afterEach(() => setHolidayProvider(null));

  it('keeps country, region, working days, blackouts and optional holidays, no resolved dates', () => {
    const cal = {
      country: 'BR',
      region: 'SP',
      workingDays: [1, 2, 3, 4],
      blackouts: [{ from: '2026-12-24', to: '2027-01-01', note: 'year-end' }],
      optionalHolidays: ['Carnaval'],
    };
    const r = saveTeamSchema.safeParse(
      team({ ...cal, holidays: [{ date: '2026-01-01', name: 'x' }] }),
    );
    expect(r.success).toBe(true);
    expect(r.data?.settings.calendar).toEqual(cal);
  });

  it('400s name the field under settings.calendar', () => {
    expect(fieldOf(team({ blackouts: [{ from: '2026-12-24', to: '2026-12-20' }] }))).toBe(
      'settings.calendar.blackouts.0.to',
    );
    expect(fieldOf(team({ blackouts: [{ from: '2026-12-24', to: 'soon' }] }))).toBe(
      'settings.calendar.blackouts.0.to',
    );
    expect(fieldOf(team({ workingDays: [1, 8] }))).toBe('settings.calendar.workingDays.1');
    expect(fieldOf(team({ workingDays: [] }))).toBe('settings.calendar.workingDays');
    expect(fieldOf(team({ workingDays: [1, 1] }))).toBe('settings.calendar.workingDays');
    expect(fieldOf(team({ country: 'QQ' }))).toBe('settings.calendar.country');
    expect(fieldOf(team({ country: 'BR', region: 'XX' }))).toBe('settings.calendar.region');
    expect(fieldOf(team({ region: 'SP' }))).toBe('settings.calendar.country');
    expect(fieldOf(team({ country: 'ES' }))).toBeNull();
  });
});

describe('resolveSavedCalendar', () => {
  afterEach(() => setHolidayProvider(null));

  it('resolves a saved calendar’s holidays from a start date, in a language', () => {
    installHolidays();
    const cal = resolveSavedCalendar(
      { country: 'BR', blackouts: [{ from: '2026-04-07', to: '2026-04-08' }] },
      '2026-04-01',
      'pt',
    );
    expect(cal?.holidays).toContainEqual({ date: '2026-04-21', name: 'Dia de Tiradentes' });
    expect(cal?.holidays?.every((h) => h.date >= '2026-04-01')).toBe(true);
    expect(cal?.blackouts).toEqual([{ from: '2026-04-07', to: '2026-04-08' }]);
  });

  it('is null without the holiday data or for an unknown country', () => {
    expect(resolveSavedCalendar({ country: 'BR' }, '2026-04-01')).toBeNull();
    installHolidays();
    expect(resolveSavedCalendar({ country: 'QQ' }, '2026-04-01')).toBeNull();
    expect(resolveSavedCalendar({ workingDays: [1, 2, 3] }, '2026-04-01')).toEqual({
      workingDays: [1, 2, 3],
    });
  });
});
