import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from './simulate';
import { planSimulation, simulationBatchCount } from './simulation-plan';
import { runSimulationBatch } from './simulate-run';
import { createBatchMerger, finishSimulation } from './aggregate';
import type { SimulateInput } from './inputs';
import { referenceCases } from '../test/reference-cases';
import { EngineInputError } from './errors';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe('simulate: reference cases', () => {
  for (const c of referenceCases('simulate')) {
    it(`matches ${c.id} at ${String(c.input.numberOfSimulations)} runs`, () => {
      const r = simulate({ ...(c.input as unknown as SimulateInput), seed: 20251001 });
      const e = c.expected as {
        p50Weeks: number;
        p85Weeks: number;
        p95Weeks: number;
        p85EffortPersonWeeks: number;
      };
      const tol = c.absoluteTolerance ?? 0;
      expect(Math.abs(r.percentile_stats.p50 - e.p50Weeks)).toBeLessThanOrEqual(tol);
      expect(Math.abs(r.percentile_stats.p85 - e.p85Weeks)).toBeLessThanOrEqual(tol);
      expect(Math.abs(r.percentile_stats.p95 - e.p95Weeks)).toBeLessThanOrEqual(tol);
      expect(Math.abs(r.effort.p85 - e.p85EffortPersonWeeks)).toBeLessThanOrEqual(tol);
      const row85 = r.resultsTable.find((row) => row.Likelihood === 85);
      expect(row85?.Duration).toBe(e.p85Weeks);
      expect(r.team.historicalTeamSize).toBe(10);
    });
  }
});

describe('simulate: model behaviour (exact cases)', () => {
  const constant = { tpSamples: [10, 10, 10], numberOfSimulations: 500, seed: 1 };

  it('finishes a constant-throughput backlog in backlog / throughput weeks', () => {
    const r = simulate({ ...constant, numberOfTasks: 50 });
    expect(r.percentile_stats).toEqual({ p10: 5, p25: 5, p50: 5, p75: 5, p85: 5, p90: 5, p95: 5 });
    expect(r.histogram).toEqual([{ weeks: 5, count: 500 }]);
    expect(r.burnDownBands.map((b) => b.p50)).toEqual([50, 40, 30, 20, 10]);
    expect(r.items_forecast_30_days.itemsAtConfidence['85']).toBe(50);
    expect(r.effort.p50).toBe(5);
  });

  it('bins the burn-down of a large backlog, each band within half a bin of the truth', () => {
    const r = simulate({
      tpSamples: [1000],
      numberOfTasks: 5000,
      numberOfSimulations: 200,
      seed: 1,
    });
    const w = r.burnDownBinWidth;
    expect(w).toBe(5);
    r.burnDownBands.forEach((b, week) => {
      const exact = 5000 - 1000 * week;
      for (const v of [b.p5, b.p50, b.p85, b.p95])
        expect(Math.abs(v - exact)).toBeLessThanOrEqual(w / 2);
    });
  });

  it('draws an estimate-model week from the three points', () => {
    const r = simulate({
      throughputModel: 'estimate',
      pBest: 10,
      pLikely: 10,
      pWorst: 10,
      numberOfTasks: 50,
      numberOfSimulations: 100,
      seed: 1,
    });
    expect(r.percentile_stats.p50).toBe(5);
    expect(r.throughput.model).toBe('estimate');
  });

  it('adds a cost line from effort when a rate is given', () => {
    const r = simulate({
      ...constant,
      numberOfTasks: 50,
      costPerPersonWeek: 2500,
      currency: 'EUR',
    });
    expect(r.cost).toMatchObject({ p85: 12_500, currency: 'EUR', costPerPersonWeek: 2500 });
  });

  it('gives a zero-week forecast for an empty backlog', () => {
    const r = simulate({ ...constant, numberOfTasks: 0 });
    expect(r.percentile_stats.p95).toBe(0);
    expect(r.burnDownBands).toEqual([]);
  });

  it('scales throughput by focus and by curve / historical team size', () => {
    expect(simulate({ ...constant, numberOfTasks: 20, teamFocus: 0.5 }).percentile_stats.p50).toBe(
      4,
    );
    // History measured with 10 people, 10 working: throughput as is ([fix] h = totalContributors).
    const team = {
      ...constant,
      numberOfTasks: 20,
      totalContributors: 10,
      minContributors: 10,
      maxContributors: 10,
    };
    expect(simulate(team).percentile_stats.p50).toBe(2);
    // Half the people: half the throughput.
    expect(simulate({ ...team, minContributors: 5, maxContributors: 5 }).percentile_stats.p50).toBe(
      4,
    );
    // The original's h = 1 would have made the same 10 people ten times as fast.
    expect(simulate({ ...team, historicalTeamSize: 1 }).percentile_stats.p50).toBe(1);
  });

  it('multiplies the backlog by a split rate and rounds the total half to even', () => {
    const r = simulate({ ...constant, numberOfTasks: 25, splitRateSamples: [1.5] });
    // 37.5 → 38 (even) → 4 weeks of 10.
    expect(r.totalTasks.p50).toBe(38);
    expect(r.percentile_stats.p50).toBe(4);
    expect(() => simulate({ ...constant, numberOfTasks: 5, splitRateSamples: [11] })).toThrow(
      EngineInputError,
    );
  });

  it('starts the run after the lead time', () => {
    const r = simulate({ ...constant, numberOfTasks: 50, ltSamples: [14, 14] });
    expect(r.percentile_stats.p50).toBe(7);
    expect(r.leadTime?.p50).toBe(14);
    expect(r.resultsTable[0].LT).toBe(14);
  });

  it('adds late dependencies (sum or longest)', () => {
    const deps = [
      { onTimeProbability: 0, delaySamples: [7] },
      { onTimeProbability: 0, delaySamples: [14] },
    ];
    expect(
      simulate({ ...constant, numberOfTasks: 50, dependencies: deps }).percentile_stats.p50,
    ).toBe(8);
    expect(
      simulate({ ...constant, numberOfTasks: 50, dependencies: deps, dependencyMode: 'max' })
        .percentile_stats.p50,
    ).toBe(7);
    const onTime = [{ onTimeProbability: 1, delaySamples: [70] }];
    expect(
      simulate({ ...constant, numberOfTasks: 50, dependencies: onTime }).percentile_stats.p95,
    ).toBe(5);
  });

  it('reads risk likelihoods ≥ 1 as percents and below 1 as fractions', () => {
    const always = simulate({
      ...constant,
      numberOfTasks: 50,
      risks: [{ likelihood: 100, lowImpact: 10, highImpact: 10 }],
    });
    expect(always.totalTasks.p10).toBe(60);
    const fraction = simulate({
      ...constant,
      numberOfTasks: 50,
      risks: [{ likelihood: 1, lowImpact: 10, highImpact: 10 }],
    });
    // 1 means 1 %, so nearly every run has no impact.
    expect(fraction.totalTasks.p90).toBe(50);
  });

  it('puts completion dates on the calendar', () => {
    const r = simulate({ ...constant, numberOfTasks: 20, startDate: '2025-10-01' });
    expect(r.completionDates?.p85).toBe('2025-10-15');
    expect(r.headline.date).toBe('2025-10-15');
  });

  it("dates the table's rows as the headline: on the calendar's working days", () => {
    // Mon–Thu with a holiday: plain weeks from the start would give a later date than the
    // calendar's, and the table used to show those.
    const r = simulate({
      tpSamples: [3, 5, 4, 6, 2, 5, 4, 3],
      numberOfTasks: 40,
      startDate: '2027-01-04',
      seed: 7,
      calendar: {
        workingDays: [1, 2, 3, 4],
        holidays: [{ date: '2027-01-06', name: 'Epiphany' }],
      },
    });
    const row = (l: number) => r.resultsTable.find((x) => x.Likelihood === l);
    expect(r.headline.date).not.toBeNull();
    expect(row(85)?.Date).toBe(r.headline.date);
    expect(row(85)?.Date).toBe(r.completionDates?.p85);
    expect(row(50)?.Date).toBe(r.completionDates?.p50);
    expect(row(95)?.Date).toBe(r.completionDates?.p95);
    const plain = simulate({ ...constant, numberOfTasks: 20, startDate: '2025-10-01' });
    expect(plain.resultsTable.find((x) => x.Likelihood === 85)?.Date).toBe('2025-10-15');
  });

  it('returns runs and at most 100 burn-downs only when asked', () => {
    expect(simulate({ ...constant, numberOfTasks: 20 }).runs).toBeUndefined();
    const r = simulate({
      ...constant,
      numberOfTasks: 20,
      numberOfSimulations: 300,
      includeRuns: true,
    });
    expect(r.runs).toHaveLength(300);
    expect(r.burnDowns).toHaveLength(100);
    expect(r.burnDowns?.[0]).toEqual([20, 10]);
    expect(r.runs?.[7]).toEqual({
      totalTasks: 20,
      durationInCalendarWeeks: 2,
      leadTime: 0,
      effortWeeks: 2,
    });
  });

  it('warns about short, noisy histories', () => {
    const r = simulate({
      tpSamples: [1, 20, 2],
      numberOfTasks: 30,
      numberOfSimulations: 200,
      seed: 2,
    });
    const all = r.warnings.join('\n');
    expect(all).toMatch(/fewer than 6/);
    expect(r.tpErrorRate).toBeGreaterThan(25);
    expect(all).toMatch(/error rate/);
  });
});

describe('simulate: seeded statistics', () => {
  it('weeks to the first productive week are geometric', () => {
    // Each week delivers 0 or 10 with probability ½ (bootstrap); a 10-item backlog takes
    // k weeks with probability 2^-k. Checked within 4 binomial standard errors.
    const n = 40_000;
    const r = simulate({
      tpSamples: [0, 10],
      throughputModel: 'bootstrap',
      numberOfTasks: 10,
      numberOfSimulations: n,
      seed: 99,
    });
    for (const k of [1, 2, 3, 4]) {
      const p = 2 ** -k;
      const got = (r.histogram.find((h) => h.weeks === k)?.count ?? 0) / n;
      expect(Math.abs(got - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
    expect(Math.abs((r.meanWeeks ?? Number.NaN) - 2)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('risk impacts happen with their likelihood', () => {
    const n = 20_000;
    const r = simulate({
      tpSamples: [10],
      throughputModel: 'bootstrap',
      numberOfTasks: 50,
      risks: [{ likelihood: 30, lowImpact: 10, highImpact: 10 }],
      numberOfSimulations: n,
      seed: 5,
    });
    // 70 % of runs have 50 tasks (5 weeks), 30 % have 60 (6 weeks); SE of the share ≈ 0.0032.
    const six = (r.histogram.find((h) => h.weeks === 6)?.count ?? 0) / n;
    expect(Math.abs(six - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    expect(r.totalTasks.p50).toBe(50);
    expect(r.totalTasks.p85).toBe(60);
  });
});

describe('simulate: batches and determinism', () => {
  const input: SimulateInput = {
    tpSamples: T12,
    numberOfTasks: 60,
    totalContributors: 6,
    minContributors: 2,
    maxContributors: 6,
    sCurveSize: 20,
    ltSamples: [3, 9, 14, 20, 5, 8],
    splitRateSamples: [1, 1.2, 1.5],
    risks: [{ likelihood: 25, lowImpact: 2, mediumImpact: 4, highImpact: 9 }],
    dependencies: [{ onTimeProbability: 0.6 }],
    numberOfSimulations: 40_000,
    includeRuns: true,
    seed: 4242,
  };

  it('gives bit-identical results for the same seed', () => {
    expect(simulate(input)).toEqual(simulate(input));
    expect(simulate({ ...input, seed: 4243 })).not.toEqual(simulate(input));
  });

  it('merges batches run in any order, on any thread, into the same result', () => {
    const plan = planSimulation(input);
    const count = simulationBatchCount(plan);
    expect(count).toBe(3);
    // As two workers would: the plan and batches cross a structured clone, arriving out of order.
    const shipped = structuredClone(plan);
    const batches = [2, 0, 1].map((b) => structuredClone(runSimulationBatch(shipped, b)));
    expect(finishSimulation(plan, batches)).toEqual(simulate(input));
  });

  it('refuses an incomplete set of batches', () => {
    const plan = planSimulation(input);
    expect(() => finishSimulation(plan, [runSimulationBatch(plan, 0)])).toThrow(/batches/);
  });

  it('merges batches as they arrive, holding early ones until the gap fills', () => {
    const plan = planSimulation(input);
    const merger = createBatchMerger(plan);
    merger.add(runSimulationBatch(plan, 2));
    merger.add(runSimulationBatch(plan, 1));
    expect(merger.merged).toBe(0);
    expect(() => merger.result()).toThrow(/batch 0 is missing/);
    merger.add(runSimulationBatch(plan, 0));
    expect(merger.merged).toBe(3);
    expect(merger.result()).toEqual(simulate(input));
  });

  it('reports progress per batch and stops when aborted', () => {
    const seen: number[] = [];
    simulate(input, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
    const signal = { aborted: false };
    let error: unknown;
    try {
      simulate(input, {
        signal,
        onProgress: () => {
          signal.aborted = true;
        },
      });
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).toBe('AbortError');
  });

  it('stays the same seeded result (snapshot)', () => {
    const r = simulate({
      ...input,
      numberOfSimulations: 2_000,
      includeRuns: false,
      startDate: '2026-01-05',
    });
    expect({
      percentile_stats: r.percentile_stats,
      resultsTable: r.resultsTable.filter(
        (row) => row.Likelihood % 25 === 0 || row.Likelihood === 85,
      ),
      histogram: r.histogram,
      burnDownBands: r.burnDownBands.slice(0, 6),
      completionDates: r.completionDates,
      effort: r.effort,
      items: r.items_forecast_30_days.itemsAtConfidence,
      input_stats: r.input_stats,
    }).toMatchSnapshot();
  });
});

describe('simulate: properties', () => {
  const history = fc
    .array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 20 })
    .filter((a) => a.some((x) => x > 0));

  it('percentiles and the results table are monotone', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (tp, backlog, seed) => {
          const r = simulate({
            tpSamples: tp,
            numberOfTasks: backlog,
            numberOfSimulations: 200,
            seed,
          });
          const p = r.percentile_stats;
          const seq = [p.p10, p.p25, p.p50, p.p75, p.p85, p.p90, p.p95];
          for (let i = 1; i < seq.length; i++) expect(seq[i]).toBeGreaterThanOrEqual(seq[i - 1]);
          for (let i = 1; i < r.resultsTable.length; i++) {
            expect(r.resultsTable[i].Duration).toBeLessThanOrEqual(r.resultsTable[i - 1].Duration);
          }
          for (const b of r.burnDownBands) {
            expect(b.p5).toBeLessThanOrEqual(b.p50);
            expect(b.p50).toBeLessThanOrEqual(b.p85);
            expect(b.p85).toBeLessThanOrEqual(b.p95);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a larger backlog never lowers the median by more than noise', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 50 }),
        (tp, backlog, extra) => {
          const base = { tpSamples: tp, numberOfSimulations: 2_000, seed: 7 };
          const small = simulate({ ...base, numberOfTasks: backlog });
          const large = simulate({ ...base, numberOfTasks: backlog + extra });
          // Noise: the median's standard error is about 1.25·sd/√n per forecast; allow 4 of them
          // for the difference of two, and one week for the integer steps.
          const se =
            1.2533 * Math.max(small.sdWeeks ?? 0, large.sdWeeks ?? 0) * Math.sqrt(2 / 2_000);
          expect(large.percentile_stats.p50).toBeGreaterThanOrEqual(
            small.percentile_stats.p50 - Math.max(1, 4 * se),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('same seed, same result; batches merged in any order give the one-at-a-time result', () => {
    const input = fc.record({
      tpSamples: history,
      numberOfTasks: fc.integer({ min: 0, max: 120 }),
      minContributors: fc.integer({ min: 1, max: 4 }),
      extra: fc.integer({ min: 0, max: 4 }),
      sCurveSize: fc.integer({ min: 0, max: 50 }),
      splitRateSamples: fc.array(fc.double({ min: 0.2, max: 3, noNaN: true }), { maxLength: 4 }),
      ltSamples: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    });
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1000 }), ({ extra, ...i }, shuffleSeed) => {
        const req: SimulateInput = {
          ...i,
          maxContributors: i.minContributors + extra,
          numberOfSimulations: 900,
        };
        expect(simulate(req)).toEqual(simulate(req));
        // Small batches (the plan is plain data) make many of them cheaply.
        const plan = { ...planSimulation(req), batchSize: 64 };
        const count = simulationBatchCount(plan);
        const inOrder = Array.from({ length: count }, (_, b) => runSimulationBatch(plan, b));
        const shuffled = [...inOrder].map((b) => structuredClone(b));
        let x = shuffleSeed + 1;
        for (let k = shuffled.length - 1; k > 0; k--) {
          x = (x * 48271) % 2147483647;
          const j = x % (k + 1);
          [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
        }
        expect(finishSimulation(plan, shuffled)).toEqual(finishSimulation(plan, inOrder));
      }),
      { numRuns: 15 },
    );
  });

  it('adversarial inputs finish quickly with a result and warnings', () => {
    const started = performance.now();
    const slow = simulate({
      tpSamples: [1, 2],
      numberOfTasks: 1000,
      teamFocus: 1e-6,
      maxWeeks: 60,
      numberOfSimulations: 1000,
      seed: 1,
    });
    expect(slow.unfinishedRuns).toBe(1000);
    expect(slow.percentile_stats.p50).toBe(60);
    expect(slow.warnings.join(' ')).toMatch(/did not finish within 60 weeks/);

    const one = simulate({ tpSamples: [3], numberOfTasks: 10, numberOfSimulations: 100, seed: 1 });
    expect(one.percentile_stats.p50).toBe(4);
    expect(one.warnings.join(' ')).toMatch(/bootstrap/);

    const huge = simulate({
      tpSamples: [0, 0, 5000, 9000],
      numberOfTasks: 1_000_000,
      numberOfSimulations: 200,
      seed: 1,
      splitRateSamples: [10],
      maxWeeks: 10_000,
    });
    expect(huge.burnDownBinWidth).toBeGreaterThan(1);
    expect(huge.percentile_stats.p50).toBeGreaterThan(1000);
    expect(huge.unfinishedRuns).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);

    // A huge maxWeeks records every stride-th burn-down week, so the histograms stay small.
    const long = simulate({
      tpSamples: [1],
      numberOfTasks: 900,
      teamFocus: 0.01,
      maxWeeks: 100_000,
      numberOfSimulations: 100,
      seed: 1,
    });
    expect(long.unfinishedRuns).toBe(0);
    // 0.01 items a week: 90,000 weeks, give or take the floating-point sum.
    expect(Math.abs(long.percentile_stats.p50 - 90_000)).toBeLessThanOrEqual(1);
    expect(long.burnDownBands.length).toBeLessThan(2_100);
    expect(long.burnDownBands[1].week).toBeGreaterThan(1);
    expect(long.burnDownBands[1].p50).toBeLessThan(1000);

    expect(() => simulate({ tpSamples: [0, 0, 0], numberOfTasks: 5 })).toThrow(EngineInputError);
    expect(() => simulate({ tpSamples: [1], numberOfTasks: 5, teamFocus: 0 })).toThrow(
      EngineInputError,
    );
    expect(() => simulate({ tpSamples: [1], numberOfTasks: Number.NaN })).toThrow(EngineInputError);
  });
});
