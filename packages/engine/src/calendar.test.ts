import { describe, expect, it } from 'vitest';
import {
  compileCalendar,
  epochDay,
  isoOfEpochDay,
  isoWeekday,
  lastWorkingDayOfWeek,
  weekKeepFactors,
} from './calendar';
import { forecastWhen } from './when';
import { simulate } from './simulate';
import { forecastHowMany } from './how-many';
import { deadlineAnalysis } from './deadline';
import { historyFromItems } from './history';
import { EngineInputError } from './errors';
import { BLACKOUT_CASE } from '../test/fixtures';

// Brazil's national holidays of 2026 near the reference cases, as the schemas package resolves
// them from date-holidays (the engine takes dates, never a country).
const BR_2026 = [
  { date: '2026-04-03', name: 'Sexta-feira Santa' },
  { date: '2026-04-21', name: 'Tiradentes' },
  { date: '2026-05-01', name: 'Dia do Trabalhador' },
];

describe('calendar model', () => {
  it('numbers days and weekdays in UTC', () => {
    expect(isoWeekday(epochDay('2026-04-06'))).toBe(1);
    expect(isoWeekday(epochDay('2026-04-12'))).toBe(7);
    expect(isoOfEpochDay(epochDay('2024-02-29'))).toBe('2024-02-29');
  });

  it('thins a week by its working days over the usual ones', () => {
    const c = compileCalendar({ holidays: BR_2026 }, '2026-04-27', 21);
    expect([...weekKeepFactors(c, 3)]).toEqual([0.8, 1, 1]);
    expect(lastWorkingDayOfWeek(c, 1)).toBe('2026-04-30');
    expect(lastWorkingDayOfWeek(c, 3)).toBe('2026-05-15');
  });

  it('rejects an inverted blackout and working days outside 1–7, naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof EngineInputError ? e.field : String(e);
      }
      return null;
    };
    expect(
      field(() =>
        compileCalendar({ blackouts: [{ from: '2026-04-08', to: '2026-04-07' }] }, '2026-04-06', 7),
      ),
    ).toBe('calendar.blackouts.0.to');
    expect(field(() => compileCalendar({ workingDays: [1, 8] }, '2026-04-06', 7))).toBe(
      'calendar.workingDays.1',
    );
    expect(field(() => compileCalendar({ workingDays: [] }, '2026-04-06', 7))).toBe(
      'calendar.workingDays',
    );
  });
});

describe('reference cases (spec calendars.md)', () => {
  it('daily model with a blackout: done 2026-04-14 at every percentile, 5 working days', () => {
    const r = forecastWhen({ ...BLACKOUT_CASE, seed: 1 });
    expect(r.completionDates?.p50).toBe('2026-04-14');
    expect(r.completionDates?.p85).toBe('2026-04-14');
    expect(r.completionDates?.p95).toBe('2026-04-14');
    expect(r.completionDates?.p10).toBe('2026-04-14');
    expect(r.workingDays?.p85).toBe(5);
    expect(r.percentile_stats.p85).toBe(1);
    expect(r.calendar?.daysOff.map((d) => d.date)).toEqual(['2026-04-07', '2026-04-08']);
    expect(r.calendar?.blackoutDays).toBe(2);
  });

  it('daily model, Brazil: Tiradentes is skipped, done 2026-04-27', () => {
    const r = forecastWhen({
      backlog: 5,
      tpSamples: [1],
      throughputModel: 'bootstrap',
      resolution: 'day',
      startDate: '2026-04-20',
      calendar: { country: 'BR', holidays: BR_2026 },
      seed: 2,
    });
    expect(r.completionDates?.p50).toBe('2026-04-27');
    expect(r.completionDates?.p95).toBe('2026-04-27');
    expect(r.calendar?.daysOff).toEqual([{ date: '2026-04-21', reason: 'Tiradentes' }]);
    expect(r.calendar?.country).toBe('BR');
  });

  it('weekly model, Brazil: P(done by 2026-05-08) = 0.8^5 and P50 = P95 = 2026-05-15', () => {
    const runs = 100_000;
    const r = forecastWhen({
      backlog: 10,
      tpSamples: [5],
      throughputModel: 'bootstrap',
      startDate: '2026-04-27',
      calendar: { country: 'BR', holidays: BR_2026 },
      numberOfSimulations: runs,
      seed: 42,
    });
    const p = 0.8 ** 5;
    const share = (r.histogram.find((h) => h.weeks === 2)?.count ?? 0) / runs;
    // 4 standard errors of a binomial share over `runs` runs.
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    expect(r.histogram.every((h) => h.weeks === 2 || h.weeks === 3)).toBe(true);
    expect(r.completionDates?.p50).toBe('2026-05-15');
    expect(r.completionDates?.p85).toBe('2026-05-15');
    expect(r.completionDates?.p95).toBe('2026-05-15');
    expect(r.completionDates?.p10).toBe('2026-05-08');
  });

  it('a request without calendar behaves exactly as before', () => {
    const body = { backlog: 50, tpSamples: [5, 6, 7, 4, 8], startDate: '2026-04-06', seed: 7 };
    const r = forecastWhen(body);
    expect(r.calendar).toBeNull();
    expect(r.resolution).toBe('week');
    expect(r.completionDates?.p50).toBe(
      isoOfEpochDay(epochDay('2026-04-06') + r.percentile_stats.p50 * 7),
    );
  });

  it('a calendar without holidays on a full week changes nothing but the date convention', () => {
    const base = { backlog: 50, tpSamples: [5, 6, 7, 4, 8], startDate: '2026-04-06', seed: 7 };
    const plain = forecastWhen(base);
    const cal = forecastWhen({ ...base, calendar: {} });
    expect(cal.percentile_stats).toEqual(plain.percentile_stats);
    expect(cal.histogram).toEqual(plain.histogram);
  });

  it('needs a start date with a calendar', () => {
    expect(() => forecastWhen({ backlog: 5, tpSamples: [1], calendar: {} })).toThrow(
      EngineInputError,
    );
  });
});

describe('the full simulation on a calendar', () => {
  const team = {
    tpSamples: [5],
    throughputModel: 'bootstrap' as const,
    numberOfTasks: 10,
    startDate: '2026-12-14',
    numberOfSimulations: 1000,
    seed: 9,
  };

  it('counts weeks of work as working days: Christmas moves the date one working day', () => {
    const plain = simulate(team);
    expect(plain.calendar).toBeNull();
    expect(plain.completionDates?.p85).toBe('2026-12-28');
    const weekdays = simulate({ ...team, calendar: {} });
    expect(weekdays.percentile_stats).toEqual(plain.percentile_stats);
    expect(weekdays.completionDates?.p85).toBe('2026-12-25');
    const br = simulate({
      ...team,
      calendar: { country: 'BR', holidays: [{ date: '2026-12-25', name: 'Natal' }] },
    });
    expect(br.completionDates?.p85).toBe('2026-12-28');
    expect(br.headline.date).toBe('2026-12-28');
    expect(br.calendar?.daysOff).toEqual([{ date: '2026-12-25', reason: 'Natal' }]);
  });
});

describe('how many with a calendar', () => {
  it('weekly model: a week with one holiday keeps 4/5 of its items on average', () => {
    const runs = 50_000;
    const r = forecastHowMany({
      tpSamples: [5],
      throughputModel: 'bootstrap',
      startDate: '2026-04-27',
      days: 14,
      calendar: { holidays: BR_2026 },
      numberOfSimulations: runs,
      seed: 4,
    });
    // Week 1 is Binomial(5, 0.8), week 2 is 5: the mean is 9, the sd sqrt(0.8).
    expect(Math.abs(r.mean - 9)).toBeLessThan(4 * Math.sqrt(0.8 / runs));
    expect(r.workingDays).toBe(9);
    expect(r.calendar?.daysOff).toEqual([{ date: '2026-05-01', reason: 'Dia do Trabalhador' }]);
    const all5 = r.histogram.find((h) => h.items === 10)?.count ?? 0;
    const p = 0.8 ** 5;
    expect(Math.abs(all5 / runs - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
  });

  it('daily model: items per working day over the window’s working days', () => {
    const r = forecastHowMany({
      tpSamples: [2],
      throughputModel: 'bootstrap',
      resolution: 'day',
      startDate: '2026-04-06',
      endDate: '2026-04-20',
      calendar: { blackouts: [{ from: '2026-04-07', to: '2026-04-08' }] },
      seed: 1,
    });
    // 10 weekdays from Apr 6 to Apr 17, less the two blackout days: 8 × 2 items.
    expect(r.itemsAtConfidence['85']).toBe(16);
    expect(r.workingDays).toBe(8);
  });

  it('without a calendar nothing changes', () => {
    const body = { tpSamples: [3, 5, 7], days: 30, seed: 2 };
    const r = forecastHowMany(body);
    expect(r.calendar).toBeUndefined();
    expect(r.resolution).toBeUndefined();
  });
});

describe('deadline with a calendar', () => {
  it('Labour Day makes a two-week deadline unlikely where a plain forecast meets it', () => {
    const body = {
      tpSamples: [5],
      throughputModel: 'bootstrap' as const,
      backlog: 10,
      startDate: '2026-04-27',
      deadlineDate: '2026-05-11',
      numberOfSimulations: 2000,
      seed: 6,
    };
    expect(deadlineAnalysis(body).canMeet).toBe(true);
    const br = deadlineAnalysis({ ...body, calendar: { holidays: BR_2026 } });
    expect(br.canMeet).toBe(false);
    expect(br.completionDates.p85).toBe('2026-05-15');
    expect(br.calendar?.daysOff.map((d) => d.date)).toEqual(['2026-05-01']);
  });
});

describe('history with a calendar', () => {
  const items = [
    // Week of 2026-04-20 (Tiradentes on Tuesday 21): 3 items; week of 2026-04-27: 5 items.
    ...['2026-04-20', '2026-04-22', '2026-04-24'].map((done) => ({ done })),
    ...['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01'].map((done) => ({
      done,
    })),
  ];
  const calendar = { holidays: BR_2026.filter((h) => h.date === '2026-04-21') };

  it('marks short weeks and gives items per working day, days off left out', () => {
    const r = historyFromItems({ items, from: '2026-04-20', to: '2026-05-03', calendar });
    expect(r.weekStarts).toEqual(['2026-04-20', '2026-04-27']);
    expect(r.weekWorkingDays).toEqual([4, 5]);
    expect(r.shortWeeks).toEqual(['2026-04-20']);
    // Apr 20, 22, 23, 24, 27, 28, 29, 30, May 1: nine working days (the 21st is left out).
    expect(r.dailyThroughput).toEqual([1, 1, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('leaves short weeks out of the weekly samples when asked', () => {
    const r = historyFromItems({
      items,
      from: '2026-04-20',
      to: '2026-05-03',
      calendar,
      excludeShortWeeks: true,
    });
    expect(r.weekStarts).toEqual(['2026-04-27']);
    expect(r.weeklyThroughput).toEqual([5]);
  });
});
