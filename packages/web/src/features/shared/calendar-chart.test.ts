import { describe, expect, it } from 'vitest';
import { simulate } from '@flow-forecaster/engine';
import { daysOffOnWorkWeeks } from './calendar-chart';

describe('daysOffOnWorkWeeks', () => {
  it('places each day off after the weeks of work done before it', () => {
    // Start Monday Dec 14: Christmas (Fri 25) comes after 9 working days, New Year (Fri Jan 1)
    // after 13 (Dec 28–31), so 1.8 and 2.6 weeks of work.
    const r = simulate({
      tpSamples: [5],
      throughputModel: 'bootstrap',
      numberOfTasks: 30,
      startDate: '2026-12-14',
      numberOfSimulations: 200,
      seed: 3,
      calendar: {
        holidays: [
          { date: '2026-12-25', name: 'Christmas' },
          { date: '2027-01-01', name: 'New Year' },
        ],
      },
    });
    const days = daysOffOnWorkWeeks(r.calendar!, '2026-12-14');
    expect(days).toEqual([
      { week: 1.8, width: 0.2, date: '2026-12-25', reason: 'Christmas' },
      { week: 2.6, width: 0.2, date: '2027-01-01', reason: 'New Year' },
    ]);
  });

  it('counts a Monday–Thursday week and skips days off before the start', () => {
    const days = daysOffOnWorkWeeks(
      {
        country: null,
        region: null,
        workingDays: [1, 2, 3, 4],
        blackoutDays: 2,
        daysOff: [
          { date: '2026-04-09', reason: 'offsite' },
          { date: '2026-04-01', reason: 'before' },
          { date: '2026-04-08', reason: 'offsite' },
        ],
      },
      '2026-04-06',
    );
    // Mon 6 and Tue 7 worked: half a four-day week before both offsite days.
    expect(days.map((d) => [d.date, d.week, d.width])).toEqual([
      ['2026-04-08', 0.5, 0.25],
      ['2026-04-09', 0.5, 0.25],
    ]);
  });
});
