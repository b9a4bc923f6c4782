import { describe, expect, it } from 'vitest';
import { blackoutRanges, calendarMove, compileCalendar, epochDay, isoOfEpochDay } from './calendar';
import { EngineInputError } from './errors';
import { forecastWhen } from './when';

const YEAR_END = { from: '2000-12-24', to: '2001-01-01', note: 'year-end', every: 'year' as const };

describe('yearly blackouts', () => {
  it('repeat the range’s month and day every year of the horizon', () => {
    const ranges = blackoutRanges(YEAR_END, epochDay('2026-06-01'), epochDay('2028-06-01')).map(
      ([f, t]) => [isoOfEpochDay(f), isoOfEpochDay(t)],
    );
    expect(ranges).toEqual([
      ['2026-12-24', '2027-01-01'],
      ['2027-12-24', '2028-01-01'],
    ]);
    // A horizon starting inside a range keeps the part of it still ahead.
    const c = compileCalendar({ blackouts: [YEAR_END] }, '2026-12-30', 10);
    expect([...c.working]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('a daily forecast across two year-ends steps over both', () => {
    const run = (blackouts: (typeof YEAR_END)[]) =>
      forecastWhen({
        backlog: 260,
        tpSamples: [1],
        throughputModel: 'bootstrap',
        resolution: 'day',
        startDate: '2026-12-21',
        calendar: { blackouts },
        seed: 1,
      });
    const plain = run([]);
    const yearly = run([YEAR_END]);
    // 7 weekdays off at the end of 2026 (Dec 24–Jan 1) and 6 at the end of 2027 (Dec 24–31).
    const off = yearly.calendar!.daysOff.map((d) => d.date);
    expect(off.filter((d) => d < '2027-06-01')).toHaveLength(7);
    expect(off.filter((d) => d > '2027-06-01')).toEqual([
      '2027-12-24',
      '2027-12-27',
      '2027-12-28',
      '2027-12-29',
      '2027-12-30',
      '2027-12-31',
    ]);
    // 260 weekdays from Monday Dec 21, 2026 end on Friday Dec 17, 2027.
    expect(plain.completionDates?.p85).toBe('2027-12-17');
    // The first year-end's 7 days push it past the second: Dec 20–23, then Jan 3–5, 2028.
    expect(yearly.completionDates?.p85).toBe('2028-01-05');
    expect(calendarMove(yearly.calendar!, '2028-01-05')).toMatchObject({
      from: '2027-12-17',
      workingDays: 13,
    });
  });

  it('refuses a yearly range over a year, naming its end', () => {
    let err: unknown;
    try {
      compileCalendar(
        { blackouts: [{ from: '2026-01-01', to: '2027-01-02', every: 'year' }] },
        '2026-01-01',
        10,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineInputError);
    expect((err as EngineInputError).field).toBe('calendar.blackouts.0.to');
  });
});
