import { describe, expect, it } from 'vitest';
import { calendarMove, type CalendarSummary } from './calendar';
import { forecastWhen } from './when';
import { simulate } from './simulate';

const summary = (daysOff: string[], workingDays = [1, 2, 3, 4, 5]): CalendarSummary => ({
  country: null,
  region: null,
  workingDays,
  blackoutDays: 0,
  daysOff: daysOff.map((date) => ({ date, reason: 'off' })),
});

describe('calendarMove', () => {
  it('the spec’s blackout case: the same 5 working days end on Apr 10 without the blackout', () => {
    const day = (calendar?: { blackouts: { from: string; to: string }[] }) =>
      forecastWhen({
        backlog: 10,
        tpSamples: [2],
        throughputModel: 'bootstrap',
        resolution: 'day',
        startDate: '2026-04-06',
        ...(calendar ? { calendar } : {}),
        seed: 1,
      });
    const withIt = day({ blackouts: [{ from: '2026-04-07', to: '2026-04-08' }] });
    const without = day();
    const move = calendarMove(withIt.calendar!, withIt.completionDates!.p85!);
    expect(move).toEqual({ from: without.completionDates!.p85, to: '2026-04-14', workingDays: 2 });
    expect(move?.from).toBe('2026-04-10');
  });

  it('agrees with the full simulation run without the calendar (same seed)', () => {
    const base = {
      tpSamples: [3, 5, 4, 6, 2],
      throughputModel: 'bootstrap' as const,
      numberOfTasks: 40,
      startDate: '2026-11-30',
      numberOfSimulations: 2000,
      seed: 7,
    };
    const holidays = [
      { date: '2026-12-25', name: 'Christmas' },
      { date: '2027-01-01', name: 'New Year' },
    ];
    const withIt = simulate({ ...base, calendar: { holidays } });
    const weekdays = simulate({ ...base, calendar: {} });
    const p85 = withIt.completionDates?.p85;
    expect(p85).toBeTruthy();
    const move = calendarMove(withIt.calendar!, p85!);
    // About ten weeks of work from Nov 30: both holidays come before P85.
    expect(p85! > '2027-01-01').toBe(true);
    expect(move).toEqual({ from: weekdays.completionDates?.p85, to: p85, workingDays: 2 });
  });

  it('steps back over weekends and only over working weekdays', () => {
    // Monday 2026-12-28 after Christmas (Fri 25) and a blackout Thu 24: two days off.
    expect(calendarMove(summary(['2026-12-24', '2026-12-25']), '2026-12-28')).toEqual({
      from: '2026-12-24',
      to: '2026-12-28',
      workingDays: 2,
    });
    // A Monday–Thursday team: Friday is not a working weekday to land on.
    expect(calendarMove(summary(['2026-12-24'], [1, 2, 3, 4]), '2026-12-28')?.from).toBe(
      '2026-12-24',
    );
    expect(calendarMove(summary(['2026-12-24'], [1, 2, 3, 4]), '2026-12-29')?.from).toBe(
      '2026-12-28',
    );
  });

  it('is null with no day off before the date (or no working weekday)', () => {
    expect(calendarMove(summary(['2027-01-01']), '2026-12-31')).toBeNull();
    expect(calendarMove(summary([]), '2026-12-31')).toBeNull();
    expect(calendarMove(summary(['2026-12-24'], []), '2026-12-31')).toBeNull();
  });
});
