import { describe, expect, it } from 'vitest';
import { forecastWhen, weeksPercentile, weeksToFinish } from './when';
import { createThroughputSampler } from './throughput';
import { createRng } from './prng';
import type { WhenInput } from './inputs';
import { referenceCases } from '../test/reference-cases';
import { ZERO_OR_TEN } from '../test/fixtures';

describe('forecastWhen: reference cases', () => {
  for (const c of referenceCases('when')) {
    it(`matches ${c.id}`, () => {
      const r = forecastWhen({ ...(c.input as unknown as WhenInput), seed: 77 });
      const e = c.expected as Record<string, number | string>;
      const tol = c.absoluteTolerance ?? 0;
      if (e.p85Date !== undefined) expect(r.completionDates?.p85).toBe(e.p85Date);
      if (e.p50Weeks !== undefined)
        expect(Math.abs(r.percentile_stats.p50 - Number(e.p50Weeks))).toBeLessThanOrEqual(tol);
      if (e.p85Weeks !== undefined)
        expect(Math.abs(r.percentile_stats.p85 - Number(e.p85Weeks))).toBeLessThanOrEqual(tol);
      if (e.p95Weeks !== undefined)
        expect(Math.abs(r.percentile_stats.p95 - Number(e.p95Weeks))).toBeLessThanOrEqual(tol);
      if (e.meanWeeks !== undefined)
        expect(Math.abs((r.mean ?? Number.NaN) - Number(e.meanWeeks))).toBeLessThanOrEqual(tol);
      if (c.input.nSimulations !== undefined)
        expect(r.numberOfSimulations).toBe(c.input.nSimulations);
    });
  }
});

describe('forecastWhen', () => {
  it('reports mean and population sd of weeks to one decimal', () => {
    // Bootstrap [0, 10] on a 10-item backlog: geometric weeks, mean 2, sd √2 ≈ 1.4.
    const r = forecastWhen({ ...ZERO_OR_TEN, backlog: 10, numberOfSimulations: 50_000, seed: 3 });
    expect(r.mean).toBeCloseTo(2, 1);
    expect(r.std).toBeCloseTo(1.4, 1);
    expect(r.histogram[0]).toEqual({ weeks: 1, count: expect.any(Number) });
  });

  it('is reproducible from its seed and returns the drawn one', () => {
    const input = { tpSamples: [3, 5, 8, 1, 0, 4], backlog: 40, numberOfSimulations: 1000 };
    const a = forecastWhen(input);
    expect(forecastWhen({ ...input, seed: a.seed })).toEqual(a);
  });

  it('stops runs at maxWeeks and warns', () => {
    const r = forecastWhen({
      tpSamples: [1],
      backlog: 1000,
      teamFocus: 1e-6,
      maxWeeks: 30,
      numberOfSimulations: 100,
      seed: 1,
    });
    expect(r.unfinishedRuns).toBe(100);
    expect(r.warnings.join(' ')).toMatch(/30 weeks/);
  });
});

describe('weeksToFinish', () => {
  it('is the building block backtesting reuses', () => {
    const s = createThroughputSampler({ tpSamples: [10] });
    const d = weeksToFinish(s.table, 35, 100, createRng(1), 1, 520);
    expect(weeksPercentile(d, 0.5)).toBe(4);
    expect(d.unfinished).toBe(0);
  });
});
