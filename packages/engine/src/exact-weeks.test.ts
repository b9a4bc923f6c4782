import { describe, expect, it } from 'vitest';
import { createDiscreteTable } from './discrete-sampler';
import {
  exactCdf,
  exactWeeksPercentile,
  exactWeeksToFinish,
  tableDistribution,
  type ExactWeeks,
} from './exact-weeks';
import { createThroughputSampler } from './throughput';
import { forecastWhen } from './when';

function exact(values: number[], weights: number[], backlog: number, focus = 1): ExactWeeks {
  const d = exactWeeksToFinish(createDiscreteTable(values, weights), backlog, focus, 520);
  if (d === null) throw new Error('expected an exact distribution');
  return d;
}

describe('exactWeeksToFinish', () => {
  it('reads the probabilities the alias table really draws', () => {
    const { values, probs } = tableDistribution(createDiscreteTable([3, 1, 3, 2], [1, 1, 1, 1]));
    expect(values).toEqual([1, 2, 3]);
    expect(probs).toEqual([0.25, 0.25, 0.5]);
  });

  it('gives a geometric distribution for one item at half a chance a week', () => {
    const d = exact([0, 1], [1, 1], 1);
    for (let w = 1; w <= 20; w++) expect(d.pmf[w]).toBeCloseTo(0.5 ** w, 15);
    expect(d.pmf[0]).toBe(0);
  });

  it('convolves two-point throughput by hand: 1 or 2 a week, 3 items', () => {
    // Two weeks reach 3 unless both drew 1 (a quarter); then the third week always does.
    const d = exact([1, 2], [1, 1], 3);
    expect(d.pmf[1]).toBe(0);
    expect(d.pmf[2]).toBeCloseTo(0.75, 15);
    expect(d.pmf[3]).toBeCloseTo(0.25, 15);
    expect(d.beyond).toBeCloseTo(0, 15);
  });

  it('applies focus to the items a week does', () => {
    // 4 a week at half focus is 2 items a week: 5 items take 3 weeks, 4 items 2.
    expect(exactWeeksPercentile(exact([4], [1], 5, 0.5), 0.5)).toBe(3);
    expect(exactWeeksPercentile(exact([4], [1], 4, 0.5), 0.5)).toBe(2);
  });

  it('puts what is not done by maxWeeks in beyond, and the total is one', () => {
    const d = exactWeeksToFinish(createDiscreteTable([0, 1], [9, 1]), 5, 1, 30);
    expect(d).not.toBeNull();
    if (d === null) return;
    const inside = d.pmf.reduce((a, b) => a + b, 0);
    expect(d.beyond).toBeGreaterThan(0.1);
    expect(inside + d.beyond).toBeCloseTo(1, 12);
    expect(exactWeeksPercentile(d, 0.95)).toBeNull();
  });

  it('declines fractional throughput and backlogs past its bound', () => {
    expect(exactWeeksToFinish(createDiscreteTable([1.5, 2], [1, 1]), 10)).toBeNull();
    expect(exactWeeksToFinish(createDiscreteTable([1, 2], [1, 1]), 1_000_000, 0.01)).toBeNull();
  });

  it('finishes a zero backlog in zero weeks', () => {
    expect(exact([1, 2], [1, 1], 0).pmf[0]).toBe(1);
  });
});

describe('the Monte Carlo when against the exact distribution', () => {
  // Kolmogorov–Smirnov: the largest gap between the runs' CDF and the true one exceeds
  // 1.95/√n with probability under 0.1 % (less still for a discrete distribution).
  const cases = [
    {
      name: 'bootstrap, zeros in the history',
      tpSamples: [0, 3, 5, 2, 7, 0, 4, 6, 1, 5],
      backlog: 60,
      focus: 1,
      model: 'bootstrap' as const,
    },
    {
      name: 'Weibull fit, focus 0.8',
      tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7],
      backlog: 120,
      focus: 0.8,
      model: 'weibull' as const,
    },
    {
      name: 'small backlog',
      tpSamples: [1, 0, 2, 1, 3],
      backlog: 4,
      focus: 1,
      model: 'bootstrap' as const,
    },
  ];
  for (const c of cases) {
    it(`agrees within sampling error: ${c.name}`, () => {
      const runs = 100_000;
      const input = {
        tpSamples: c.tpSamples,
        backlog: c.backlog,
        teamFocus: c.focus,
        throughputModel: c.model,
        numberOfSimulations: runs,
        seed: 20261206,
      };
      const mc = forecastWhen(input);
      const table = createThroughputSampler(input).table;
      const d = exactWeeksToFinish(table, c.backlog, c.focus, 520);
      expect(d).not.toBeNull();
      if (d === null) return;
      const cdf = exactCdf(d);
      const counts = new Float64Array(cdf.length);
      for (const bin of mc.histogram) counts[bin.weeks] += bin.count;
      let seen = 0;
      let gap = 0;
      for (let w = 0; w < cdf.length; w++) {
        seen += counts[w];
        gap = Math.max(gap, Math.abs(seen / runs - cdf[w]));
      }
      expect(gap).toBeLessThan(1.95 / Math.sqrt(runs));
      // The headline percentiles land within a week of the exact ones.
      for (const [key, p] of [
        ['p50', 0.5],
        ['p85', 0.85],
        ['p95', 0.95],
      ] as const) {
        const want = exactWeeksPercentile(d, p);
        expect(want).not.toBeNull();
        expect(Math.abs(mc.percentile_stats[key] - (want ?? 0))).toBeLessThanOrEqual(1);
      }
    });
  }
});
