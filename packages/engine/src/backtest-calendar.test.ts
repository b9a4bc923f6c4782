/** Backtests on a calendar (issue 17): training weeks marked or left out, futures thinned. */
import { describe, expect, it } from 'vitest';
import { backtest } from './backtest';

// 20 weeks from Monday 2026-01-05; week 10 (2026-03-16..20) was the team's offsite: 0 done.
const tp = Array.from({ length: 20 }, (_, i) => (i === 10 ? 0 : 5));
const offsite = { blackouts: [{ from: '2026-03-16', to: '2026-03-20', note: 'offsite' }] };
const base = {
  tpSamples: tp,
  backlog: 10,
  throughputModel: 'bootstrap' as const,
  minTrainSize: 6,
  numberOfSimulations: 2_000,
  seed: 4,
};

describe('backtest with a calendar', () => {
  it('without one, nothing changes and nothing is dated', () => {
    const r = backtest(base);
    expect(r.calendar).toBeNull();
    expect(r.weekWorkingDays).toBeUndefined();
    expect(r.folds[0].forecastDates).toBeUndefined();
    // Fold ending at week 10 trains on [4, 10): all 5s, so 2 weeks at every level.
    expect(r.folds.find((f) => f.trainEnd === 10)?.forecasts['85']).toBe(2);
  });

  it('thins each fold’s future, dates forecasts and actuals on working days', () => {
    const r = backtest({ ...base, startDate: '2026-01-05', calendar: offsite });
    expect(r.weekWorkingDays?.[10]).toBe(0);
    expect(r.weekWorkingDays?.[9]).toBe(5);
    expect(r.calendar?.blackoutDays).toBe(5);
    const at = (end: number) => r.folds.find((f) => f.trainEnd === end)!;
    // The offsite week is the first week of fold 10's future: nothing done in it.
    expect(at(10).forecasts['85']).toBe(3);
    expect(at(10).forecastDates?.['85']).toBe('2026-04-03');
    // Fold 9: week 9 (5 items), the offsite, week 11 (5 items) → 3 weeks, like the history.
    expect(at(9).forecasts['50']).toBe(3);
    expect(at(9).completionWeeks).toBe(3);
    expect(at(9).completionDate).toBe('2026-03-27');
    // Fold 8 finishes before the offsite.
    expect(at(8).forecasts['95']).toBe(2);
    // Fold 11 trains on weeks 5–10: one short week, kept by default (its 0 in the samples).
    expect(at(11).shortTrainingWeeks).toBe(1);
    expect(at(11).trainMean).toBeCloseTo(25 / 6, 10);
    // With the calendar the forecasts meet the actuals at every level: calibrated hits.
    for (const f of r.folds) {
      if (f.completionWeeks !== null && f.trainEnd <= 10) {
        expect(f.forecasts['50']).toBe(f.completionWeeks);
      }
    }
  });

  it('leaves short training weeks out when asked', () => {
    const r = backtest({
      ...base,
      startDate: '2026-01-05',
      calendar: offsite,
      excludeShortWeeks: true,
    });
    const f11 = r.folds.find((f) => f.trainEnd === 11)!;
    expect(f11.shortTrainingWeeks).toBe(1);
    expect(f11.trainMean).toBe(5);
    expect(f11.forecasts['95']).toBe(2);
  });

  it('needs the history’s start date', () => {
    expect(() => backtest({ ...base, calendar: offsite })).toThrow(/startDate/);
  });
});
