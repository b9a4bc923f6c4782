/**
 * The spec's trust rules ("What every result must say"): caps are never forecasts, every
 * figure of a result comes from the same runs, the deadline question is answered as asked.
 */
import { describe, expect, it } from 'vitest';
import { forecastWhen } from './when';
import { simulate } from './simulate';
import { deadlineAnalysis } from './deadline';
import { isBeyondMaxWeeks } from './beyond-max-weeks';
import { addDays as addDaysIso } from './dates';
import { SOME_STOPPED } from '../test/fixtures';
import type { DeadlineInput } from './inputs';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

/** A 500-item backlog from 2026-01-05 that throughput this thin never finishes (seed 1). */
function neverFinished(input: Omit<DeadlineInput, 'backlog' | 'startDate' | 'seed'>) {
  return deadlineAnalysis({ ...input, backlog: 500, startDate: '2026-01-05', seed: 1 });
}

describe('runs stopped at maxWeeks', () => {
  it('says every percentile is beyond the cap when no run finished, and gives no date', () => {
    const r = forecastWhen({
      tpSamples: [1, 2],
      backlog: 1000,
      maxWeeks: 10,
      numberOfSimulations: 500,
      startDate: '2026-01-05',
      seed: 1,
    });
    expect(r.unfinishedRuns).toBe(500);
    expect(r.finishedShare).toBe(0);
    expect(r.maxWeeks).toBe(10);
    expect(Object.values(r.beyondMaxWeeks).every(Boolean)).toBe(true);
    expect(Object.values(r.completionDates ?? {}).every((d) => d === null)).toBe(true);
  });

  it('flags only the percentiles that read a stopped run', () => {
    expect(isBeyondMaxWeeks(100, 0, 0.95)).toBe(false);
    // 10 of 100 stopped: ranks 90..99; P85 reads ranks 84 and 85, P95 ranks 94 and 95.
    expect(isBeyondMaxWeeks(100, 10, 0.85)).toBe(false);
    expect(isBeyondMaxWeeks(100, 10, 0.9)).toBe(true);
    expect(isBeyondMaxWeeks(100, 10, 0.95)).toBe(true);
    // P90 = rank 89.1 interpolates with rank 90, a stopped run.
    expect(isBeyondMaxWeeks(100, 10, 0.899)).toBe(true);
  });

  it('gives the simulate headline no date when it is a cap', () => {
    const r = simulate({
      tpSamples: [0, 0, 0, 1],
      throughputModel: 'bootstrap',
      numberOfTasks: 200,
      maxWeeks: 52,
      numberOfSimulations: 300,
      startDate: '2026-01-05',
      seed: 3,
    });
    expect(r.finishedShare).toBe(0);
    expect(r.headline.beyondMaxWeeks).toBe(true);
    expect(r.headline.date).toBeNull();
    expect(r.completionDates?.p85).toBeNull();
    expect(r.beyondMaxWeeks.p50).toBe(true);
  });

  it('keeps dates for finished forecasts', () => {
    const r = forecastWhen({ tpSamples: T12, backlog: 50, startDate: '2026-01-05', seed: 2 });
    expect(r.finishedShare).toBe(1);
    expect(r.beyondMaxWeeks.p95).toBe(false);
    expect(r.completionDates?.p95).toMatch(/^2026-/);
  });
});

describe('simulate: every figure from the same runs', () => {
  it('starts the burn-down fan after the lead time, like the durations', () => {
    // Lead times of 14 days: every run starts 2 weeks in with its whole backlog left.
    const r = simulate({
      tpSamples: [10],
      numberOfTasks: 50,
      ltSamples: [14, 14],
      numberOfSimulations: 200,
      seed: 5,
    });
    expect(r.percentile_stats.p50).toBe(7);
    const fan = r.burnDownBands;
    expect(fan.slice(0, 3).map((b) => b.p50)).toEqual([50, 50, 50]);
    expect(fan[3].p50).toBe(40);
    // Done when the duration says so: week 7 has nothing left.
    expect(fan.find((b) => b.p95 === 0)?.week ?? 7).toBe(7);
    // 30 days = 5 weeks, 2 of them lead time: 30 items, in every run.
    expect(r.items_forecast_30_days.itemsAtConfidence['85']).toBe(30);
    expect(r.items_forecast_30_days.itemsAtConfidence['5']).toBe(30);
  });

  it('never says more items in 30 days than the backlog holds', () => {
    const r = simulate({
      tpSamples: [20, 30, 25],
      numberOfTasks: 12,
      numberOfSimulations: 1000,
      seed: 7,
    });
    for (const v of Object.values(r.items_forecast_30_days.itemsAtConfidence)) {
      expect(v).toBeLessThanOrEqual(12);
    }
    expect(Math.max(...r.items_forecast_30_days.histogram.map((h) => h.items))).toBe(12);
  });

  it('labels effort for one person when no team size is given', () => {
    expect(simulate({ tpSamples: T12, numberOfTasks: 30, seed: 1 }).effortForOnePerson).toBe(true);
    expect(
      simulate({ tpSamples: T12, numberOfTasks: 30, totalContributors: 4, seed: 1 })
        .effortForOnePerson,
    ).toBe(false);
  });
});

describe('deadline: the question answered as asked', () => {
  const base = {
    tpSamples: T12,
    backlog: 50,
    startDate: '2026-01-05',
    deadlineDate: '2026-03-02', // 56 days = 8 weeks
    numberOfSimulations: 4000,
    seed: 11,
  };

  it('headlines the share of runs finished by the date, with the whole curve', () => {
    const r = deadlineAnalysis(base);
    const when = forecastWhen({ ...base });
    const byWeek8 = when.histogram.filter((h) => h.weeks <= 8).reduce((s, h) => s + h.count, 0);
    expect(r.probabilityByDeadline).toBeCloseTo(byWeek8 / 4000, 12);
    expect(r.probabilityByDeadline).toBeGreaterThan(0.05);
    expect(r.probabilityByDeadline).toBeLessThan(0.95);
    const atDeadline = r.probabilityByDate.find((p) => p.date === '2026-03-02');
    expect(atDeadline?.probability).toBe(r.probabilityByDeadline);
    for (let i = 1; i < r.probabilityByDate.length; i++) {
      expect(r.probabilityByDate[i].probability).toBeGreaterThanOrEqual(
        r.probabilityByDate[i - 1].probability,
      );
    }
    expect(r.probabilityByDate.at(-1)?.probability).toBe(1);
    // Same runs as the plain forecast.
    expect(r.percentile_stats).toEqual(when.percentile_stats);
  });

  it('says what it would take at the chosen confidence, consistently with the probability', () => {
    const r = deadlineAnalysis({ ...base, minContributors: 4, maxContributors: 4 });
    const w = r.whatItWouldTake;
    expect(w.confidence).toBe(0.85);
    expect(r.probabilityByDeadline).toBeLessThan(0.85);
    expect(w.meetsDeadline).toBe(false);
    expect(w.scopeThatFits).toBeLessThan(50);
    expect(w.scopeThatFits).toBeGreaterThan(30);
    expect(w.weeks).toBe(r.p85Weeks);
    expect(w.date).toBe(r.completionDates.p85);
    expect(w.teamSize).toBe(Math.ceil((4 * r.p85Weeks) / 8));
    expect(r.effortForOnePerson).toBe(false);
    expect(r.effortTeamSize).toBe(4);

    const easy = deadlineAnalysis({ ...base, confidence: 0.1 });
    expect(r.probabilityByDeadline).toBeGreaterThanOrEqual(0.1);
    expect(easy.whatItWouldTake.meetsDeadline).toBe(true);
    expect(easy.whatItWouldTake.scopeThatFits).toBe(50);
    expect(easy.whatItWouldTake.teamSize).toBeNull();
    expect(easy.effortForOnePerson).toBe(true);
  });

  it('gives the latest start that still makes the deadline at the confidence', () => {
    const r = deadlineAnalysis(base);
    const start = r.whatItWouldTake.latestStart!;
    expect(start).toBe(addDaysIso(r.deadlineDate, -7 * Math.ceil(r.p85Weeks)));
    // The same runs from that start make it at 85 %; a week later they do not.
    expect(
      deadlineAnalysis({ ...base, startDate: start }).probabilityByDeadline,
    ).toBeGreaterThanOrEqual(0.85);
    expect(
      deadlineAnalysis({ ...base, startDate: addDaysIso(start, 7) }).probabilityByDeadline,
    ).toBeLessThan(0.85);
    // Missed at 85 % from the given start: the latest start is before it.
    expect(r.whatItWouldTake.meetsDeadline).toBe(false);
    expect(start < r.startDate).toBe(true);
    // Looser confidence, later latest start.
    const loose = deadlineAnalysis({ ...base, confidence: 0.5 }).whatItWouldTake.latestStart!;
    expect(loose >= start).toBe(true);
  });

  it('fits the whole scope exactly at the confidences the probability reaches', () => {
    const p = deadlineAnalysis(base).probabilityByDeadline;
    for (const confidence of [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]) {
      if (Math.abs(confidence - p) < 0.002) continue;
      const r = deadlineAnalysis({ ...base, confidence });
      expect(r.whatItWouldTake.scopeThatFits === 50).toBe(p >= confidence);
      expect(r.whatItWouldTake.meetsDeadline).toBe(p >= confidence);
    }
  });

  it('keeps probability, scope that fits and every date on one rule with a calendar', () => {
    // Two holidays in the window: short weeks are thinned, dates fall on working days.
    const calendar = {
      holidays: [
        { date: '2026-01-19', name: 'a' },
        { date: '2026-02-16', name: 'b' },
      ],
    };
    const withCal = { ...base, calendar };
    const r = deadlineAnalysis({ ...withCal, minContributors: 4, maxContributors: 4 });
    expect(r.calendar).not.toBeNull();
    expect(r.whatItWouldTake.date).toBe(r.completionDates.p85);
    // The curve dates weeks as the result does: the last working day of the week.
    const week = r.probabilityByDate.find((pt) => pt.weeks === Math.ceil(r.p85Weeks));
    if (Number.isInteger(r.p85Weeks)) expect(week?.date).toBe(r.completionDates.p85);
    const p = deadlineAnalysis(withCal).probabilityByDeadline;
    for (const confidence of [0.05, 0.35, 0.65, 0.95]) {
      if (Math.abs(confidence - p) < 0.002) continue;
      const c = deadlineAnalysis({ ...withCal, confidence });
      expect(c.whatItWouldTake.scopeThatFits === 50).toBe(p >= confidence);
    }
    // Fewer working days can only lower the chance of making the date.
    expect(p).toBeLessThanOrEqual(deadlineAnalysis(base).probabilityByDeadline);
  });

  it('shows the share of time used raw, above 100 %', () => {
    const r = deadlineAnalysis({ ...base, backlog: 120 });
    expect(r.deadlineCompletionPct).toBe(100);
    expect(r.deadlineCompletionPctRaw).toBeGreaterThan(150);
    expect(r.probabilityByDeadline).toBe(0);
  });

  it('never counts runs stopped at maxWeeks as finished by a later deadline', () => {
    const r = neverFinished({
      tpSamples: [0, 0, 0, 0, 1],
      throughputModel: 'bootstrap',
      deadlineDate: '2046-01-05',
      numberOfSimulations: 200,
    });
    expect(r.finishedShare).toBe(0);
    expect(r.probabilityByDeadline).toBe(0);
    expect(r.completionDates.p85).toBeNull();
    expect(r.whatItWouldTake.date).toBeNull();
    expect(r.whatItWouldTake.beyondMaxWeeks).toBe(true);
  });
});

describe('issue 14: no figure read off the cap', () => {
  it('keeps stopped runs out of the finished weeks and flags the table rows at the cap', () => {
    const r = simulate(SOME_STOPPED);
    expect(r.unfinishedRuns).toBeGreaterThan(0);
    const last = r.histogram.at(-1);
    expect(last).toEqual({ weeks: r.maxWeeks, count: r.unfinishedRuns, unfinished: true });
    const finished = r.histogram.filter((h) => !h.unfinished);
    expect(finished.reduce((s, h) => s + h.count, 0)).toBe(r.finishedShare * 2000);
    for (const row of r.resultsTable) {
      expect(row.beyondMaxWeeks).toBe(
        isBeyondMaxWeeks(2000, r.unfinishedRuns, row.Likelihood / 100),
      );
    }
    expect(r.resultsTable.find((row) => row.Likelihood === 95)?.beyondMaxWeeks).toBe(true);
  });

  it('gives the deadline scope at P85 from the same runs as "what it would take"', () => {
    const input = {
      tpSamples: [0, 5, 3, 6, 4, 2, 7, 1],
      backlog: 50,
      startDate: '2026-01-05',
      deadlineDate: '2026-03-23',
      numberOfSimulations: 5000,
      seed: 4,
    };
    const r = deadlineAnalysis(input);
    expect(r.whatItWouldTake.confidence).toBe(0.85);
    expect(r.scopeByDeadlineP85).toBe(r.whatItWouldTake.scopeThatFits);
    expect(r.scopeByDeadlinePctP85).toBeCloseTo((r.scopeByDeadlineP85 / 50) * 100, 1);
  });

  it('says 0 of the backlog by the deadline when every run stopped', () => {
    const r = neverFinished({
      tpSamples: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      deadlineDate: '2026-03-23',
      numberOfSimulations: 1000,
    });
    expect(r.finishedShare).toBe(0);
    expect(r.scopeByDeadlinePctP85).toBe(0);
    expect(r.scopeByDeadlineP85).toBe(r.whatItWouldTake.scopeThatFits);
  });
});
