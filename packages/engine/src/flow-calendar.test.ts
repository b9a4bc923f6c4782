/** Flow analytics on a calendar (issue 17): the run chart's days off and short weeks. */
import { describe, expect, it } from 'vitest';
import { flowAnalysis } from './flow-kind';

const items = [
  { id: 'A-1', started: '2026-04-13', done: '2026-04-14' },
  { id: 'A-2', started: '2026-04-15', done: '2026-04-20' },
  { id: 'A-3', started: '2026-04-20', done: '2026-04-22' },
  { id: 'A-4', started: '2026-04-22', done: '2026-04-28' },
];

describe('flow with a calendar', () => {
  it('marks holidays and blackouts in the weekly series, metrics unchanged', () => {
    const plain = flowAnalysis({ items, asOf: '2026-05-03' });
    const r = flowAnalysis({
      items,
      asOf: '2026-05-03',
      calendar: {
        holidays: [
          { date: '2026-04-21', name: 'Tiradentes' },
          { date: '2026-05-01', name: 'Labour Day' },
        ],
        blackouts: [{ from: '2026-04-16', to: '2026-04-16', note: 'offsite' }],
      },
    });
    expect(plain.calendar).toBeNull();
    expect(plain.calendarDays).toBeUndefined();
    expect(r.throughput).toEqual(plain.throughput);
    expect(r.calendarDays).toEqual({
      daysOff: [
        { date: '2026-04-16', reason: 'offsite' },
        { date: '2026-04-21', reason: 'Tiradentes' },
        { date: '2026-05-01', reason: 'Labour Day' },
      ],
      workingDays: [1, 2, 3, 4, 5],
      weekWorkingDays: [4, 4, 4],
      shortWeeks: ['2026-04-13', '2026-04-20', '2026-04-27'],
    });
    expect(r.calendar?.blackoutDays).toBe(1);
  });
});
