import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { costAnalysis, costEfficiencyFactor, COST_EXACT_MAX_ITEMS } from './cost';
import { deadlineAnalysis } from './deadline';
import { pertParameters } from './pert';
import { EngineInputError } from './errors';
import { referenceCases } from '../test/reference-cases';

describe('pertParameters', () => {
  for (const c of referenceCases('pertParameters')) {
    it(`matches reference case ${c.id}`, () => {
      const i = c.input as { optimistic: number; mostLikely: number; pessimistic: number };
      const e = c.expected as Record<'alpha' | 'beta' | 'meanPerItem' | 'sdPerItem', number>;
      const p = pertParameters(i.optimistic, i.mostLikely, i.pessimistic);
      const tol = c.tolerance ?? 0.01;
      for (const k of ['alpha', 'beta', 'meanPerItem', 'sdPerItem'] as const) {
        expect(Math.abs(p[k] - e[k]), k).toBeLessThanOrEqual(tol);
      }
    });
  }

  it('keeps both shapes above the 0.5 floor even with the mode at an edge', () => {
    // With m → a the weight w → 1 and α → 2/3: the floor is a guard, never reached for a < m < b.
    expect(pertParameters(0, 1e-9, 100).alpha).toBeCloseTo(2 / 3, 6);
    expect(pertParameters(0, 100 - 1e-9, 100).beta).toBeCloseTo(2 / 3, 6);
  });
});

describe('costAnalysis', () => {
  for (const c of referenceCases('costAnalysis')) {
    it(`matches reference case ${c.id} (seeded)`, () => {
      const input = c.input as {
        optimistic: number;
        mostLikely: number;
        pessimistic: number;
        backlog: number;
        nSimulations: number;
      };
      const e = c.expected as { mean: number; p85: number };
      const rel = c.relativeTolerance ?? 0.01;
      const r = costAnalysis({ ...input, seed: 42 });
      expect(Math.abs(r.mean / e.mean - 1)).toBeLessThan(rel);
      expect(Math.abs(r.percentile_stats.p85 / e.p85 - 1)).toBeLessThan(rel);
      expect(r.nSimulations).toBe(input.nSimulations);
      expect(r.seed).toBe(42);
    });
  }

  it('has the exact mean and sd of a sum of PERT-Beta items, within Monte Carlo error', () => {
    const r = costAnalysis({
      optimistic: 3000,
      mostLikely: 5000,
      pessimistic: 10000,
      backlog: 20,
      nSimulations: 50_000,
      seed: 7,
    });
    // Standard error of the mean is sd/√n; allow 4 of them. The sd's relative standard error
    // is about 1/√(2n) for a near-normal sum; allow 4 of those too.
    expect(Math.abs(r.mean - r.expectedTotal)).toBeLessThan((4 * r.expectedSd) / Math.sqrt(50_000));
    expect(Math.abs(r.sd / r.expectedSd - 1)).toBeLessThan(4 / Math.sqrt(100_000));
    expect(r.expectedTotal).toBeCloseTo(20 * 5500, 6);
  });

  it('is bit-identical for the same seed and different for another seed', () => {
    const base = { optimistic: 1, mostLikely: 2, pessimistic: 6, backlog: 10, nSimulations: 2000 };
    expect(costAnalysis({ ...base, seed: 3 })).toEqual(costAnalysis({ ...base, seed: 3 }));
    expect(costAnalysis({ ...base, seed: 4 }).mean).not.toBe(
      costAnalysis({ ...base, seed: 3 }).mean,
    );
  });

  it('runs 100k runs × 50 items well under a second', () => {
    const t0 = performance.now();
    costAnalysis({
      optimistic: 3000,
      mostLikely: 5000,
      pessimistic: 10000,
      backlog: 50,
      nSimulations: 100_000,
      seed: 1,
    });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('applies the efficiency factor from throughput and team size', () => {
    // mean tp 10, team 5 → e = 1/(1 + 0.1·2) = 1/1.2
    expect(costEfficiencyFactor([8, 12], 5)).toBeCloseTo(1 / 1.2, 12);
    expect(costEfficiencyFactor([8, 12])).toBe(1);
    expect(costEfficiencyFactor([], 5)).toBe(1);
    const base = {
      optimistic: 3,
      mostLikely: 5,
      pessimistic: 10,
      backlog: 10,
      nSimulations: 1000,
      seed: 9,
    };
    const plain = costAnalysis(base);
    const eff = costAnalysis({ ...base, tpSamples: [8, 12], teamSize: 5 });
    expect(eff.efficiencyFactor).toBeCloseTo(1 / 1.2, 12);
    expect(eff.mean).toBeCloseTo(plain.mean / 1.2, 9);
  });

  it('reports budget risk consistent with the distribution', () => {
    const base = {
      optimistic: 3000,
      mostLikely: 5000,
      pessimistic: 10000,
      backlog: 50,
      nSimulations: 20_000,
      seed: 11,
    };
    const atMedian = costAnalysis({ ...base, budget: 275_000 });
    const p50 = atMedian.percentile_stats.p50;
    const r = costAnalysis({ ...base, budget: p50 });
    // Half the runs lie above the median, within one run's share.
    expect(Math.abs(r.risk.probabilityOverBudget! - 0.5)).toBeLessThanOrEqual(1 / 20_000);
    const generous = costAnalysis({ ...base, budget: r.max + 1 });
    expect(generous.risk.probabilityOverBudget).toBe(0);
    expect(generous.risk.expectedOverrun).toBe(0);
    expect(generous.risk.budgetGapP85).toBeLessThan(0);
    const tight = costAnalysis({ ...base, budget: r.min - 1 });
    expect(tight.risk.probabilityOverBudget).toBe(1);
    expect(tight.risk.expectedOverrun).toBeCloseTo(r.mean - (r.min - 1), 6);
    expect(costAnalysis(base).risk.probabilityOverBudget).toBeUndefined();
  });

  it('gives a 50-bin histogram and a cumulative curve ending at 1', () => {
    const r = costAnalysis({
      optimistic: 1,
      mostLikely: 2,
      pessimistic: 4,
      backlog: 5,
      nSimulations: 5000,
      seed: 2,
    });
    expect(r.histogram).toHaveLength(50);
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(5000);
    expect(r.cumulative.at(-1)!.probability).toBe(1);
    for (let i = 1; i < r.cumulative.length; i++) {
      expect(r.cumulative[i].probability).toBeGreaterThanOrEqual(r.cumulative[i - 1].probability);
    }
    expect(r.histogram[0].from).toBe(r.min);
    expect(r.histogram.at(-1)!.to).toBe(r.max);
  });

  it('gives zero cost for an empty backlog and rejects a bad estimate', () => {
    const r = costAnalysis({
      optimistic: 1,
      mostLikely: 2,
      pessimistic: 3,
      backlog: 0,
      nSimulations: 100,
      seed: 1,
    });
    expect(r.mean).toBe(0);
    expect(r.percentile_stats.p95).toBe(0);
    expect(() =>
      costAnalysis({ optimistic: 5, mostLikely: 2, pessimistic: 3, backlog: 1 }),
    ).toThrow(EngineInputError);
  });

  it('approximates big backlogs closely (Cornish–Fisher vs item by item)', () => {
    const base = {
      optimistic: 100,
      mostLikely: 150,
      pessimistic: 900,
      nSimulations: 20_000,
      seed: 5,
    };
    const big = costAnalysis({ ...base, backlog: COST_EXACT_MAX_ITEMS + 1 });
    const exact = costAnalysis({ ...base, backlog: COST_EXACT_MAX_ITEMS });
    expect(big.method).toBe('cornish-fisher');
    expect(exact.method).toBe('per-item');
    expect(big.warningCodes.map((w) => w.code)).toEqual([
      'costNormalApproximation',
      'costIndependentItems',
    ]);
    // Scale the exact run to one more item; its percentiles must agree within a few standard
    // errors of a percentile (≈ 2·sd/√n for the tails).
    const scale = (COST_EXACT_MAX_ITEMS + 1) / COST_EXACT_MAX_ITEMS;
    const se = (2 * big.sd) / Math.sqrt(20_000);
    for (const k of ['p10', 'p50', 'p85', 'p95'] as const) {
      const want =
        big.expectedTotal + (exact.percentile_stats[k] - exact.expectedTotal) * Math.sqrt(scale);
      expect(Math.abs(big.percentile_stats[k] - want), k).toBeLessThan(4 * se);
    }
    expect(Math.abs(big.mean - big.expectedTotal)).toBeLessThan(
      (4 * big.expectedSd) / Math.sqrt(20_000),
    );
  });

  it('has monotone percentiles for any estimate (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (a, d1, d2, backlog, seed) => {
          const r = costAnalysis({
            optimistic: a,
            mostLikely: a + d1,
            pessimistic: a + d1 + d2,
            backlog,
            nSimulations: 200,
            seed,
          });
          const p = r.percentile_stats;
          const seq = [r.min, p.p10, p.p25, p.p50, p.p75, p.p85, p.p90, p.p95, r.max];
          for (let i = 1; i < seq.length; i++) expect(seq[i]).toBeGreaterThanOrEqual(seq[i - 1]);
          expect(r.min).toBeGreaterThanOrEqual(backlog * a * (1 - 1e-12));
          expect(r.max).toBeLessThanOrEqual(backlog * (a + d1 + d2) * (1 + 1e-12));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('duration cost model (trust rules: the deadline page’s cost model)', () => {
  const tp = [3, 5, 4, 6, 2, 5, 4, 7, 3, 5];
  const base = { backlog: 80, tpSamples: tp, teamSize: 4, costPerPersonWeek: 2000, seed: 11 };

  it('costs each run’s weeks × team × rate: the deadline page’s P50/P85/P95 cost for the same runs', () => {
    const c = costAnalysis({ ...base, nSimulations: 5000 });
    expect(c.model).toBe('duration');
    expect(c.pert).toBeNull();
    const d = deadlineAnalysis({
      tpSamples: tp,
      backlog: 80,
      startDate: '2027-01-04',
      deadlineDate: '2027-06-01',
      minContributors: 4,
      maxContributors: 4,
      costPerPersonWeek: 2000,
      numberOfSimulations: 5000,
      seed: 11,
    });
    for (const l of ['p50', 'p85', 'p95'] as const) {
      expect(c.percentile_stats[l]).toBeCloseTo(d.cost![l], 6);
      expect(c.weeks![l]).toBe(d.percentile_stats[l]);
    }
  });

  it('makes team size and throughput matter, and defaults to one person', () => {
    const four = costAnalysis(base);
    const two = costAnalysis({ ...base, teamSize: 2 });
    expect(two.percentile_stats.p85).toBeCloseTo(four.percentile_stats.p85 / 2, 6);
    const faster = costAnalysis({ ...base, tpSamples: tp.map((x) => x * 2) });
    expect(faster.percentile_stats.p85).toBeLessThan(four.percentile_stats.p85);
    const one = costAnalysis({ ...base, teamSize: undefined });
    expect(one.teamSize).toBeNull();
    expect(one.percentile_stats.p85).toBeCloseTo(four.percentile_stats.p85 / 4, 6);
  });

  it('carries the schedule’s spread, unlike independent per-item draws', () => {
    const byDuration = costAnalysis(base);
    const spread = (r: { percentile_stats: { p50: number; p85: number } }) =>
      r.percentile_stats.p85 / r.percentile_stats.p50 - 1;
    const perItem = costAnalysis({
      optimistic: 2000,
      mostLikely: 4000,
      pessimistic: 8000,
      backlog: 80,
      seed: 11,
    });
    expect(perItem.model).toBe('per-item');
    expect(spread(perItem)).toBeLessThan(0.05);
    expect(perItem.warningCodes.map((w) => w.code)).toContain('costIndependentItems');
    expect(spread(byDuration)).toBeGreaterThan(spread(perItem));
  });

  it('refuses a duration model without a rate or a history, naming the field', () => {
    expect(() => costAnalysis({ model: 'duration', backlog: 10, tpSamples: tp })).toThrow(
      expect.objectContaining({ field: 'costPerPersonWeek' }),
    );
    expect(() => costAnalysis({ backlog: 10, costPerPersonWeek: 100 })).toThrow(
      expect.objectContaining({ field: 'tpSamples' }),
    );
  });
});
