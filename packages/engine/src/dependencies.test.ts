import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dependencyAnalysis,
  dependencyRiskLevel,
  prepareDependencies,
  probabilityOdds,
  probabilityOddsParts,
} from './dependencies';
import type { DependencyInput } from './inputs';
import { createRng } from './prng';
import { referenceCases } from '../test/reference-cases';

describe('dependencyAnalysis', () => {
  for (const c of referenceCases('dependencyAnalysis')) {
    it(`matches reference case ${c.id}`, () => {
      const input = c.input as { dependencies: DependencyInput[] };
      const e = c.expected as { onTimeProbability: number; odds: string };
      const r = dependencyAnalysis({ ...input, seed: 1 });
      expect(Math.abs(r.onTimeProbability - e.onTimeProbability)).toBeLessThanOrEqual(
        c.tolerance ?? 1e-9,
      );
      expect(r.odds).toBe(e.odds);
    });
  }

  const two = [
    { name: 'API', onTimeProbability: 0.7 },
    { name: 'Data', onTimeProbability: 0.7 },
  ];
  const n = 40_000;

  it('simulates the on-time share and the mean delay within binomial / CLT tolerances', () => {
    const r = dependencyAnalysis({ dependencies: two, nSimulations: n, seed: 123 });
    // Binomial sd of a share: √(p(1−p)/n); allow 4 sd.
    expect(Math.abs(r.simulatedOnTimeShare - 0.49)).toBeLessThan(4 * Math.sqrt((0.49 * 0.51) / n));
    // Sum mode: each late with prob 0.3, delay U(4.9, 9.1) mean 7 → E = 2·0.3·7 = 4.2 days.
    expect(Math.abs(r.meanDelayDays - 4.2)).toBeLessThan((4 * r.sdDelayDays) / Math.sqrt(n));
    expect(r.maxDelayDays).toBeLessThanOrEqual(2 * 9.1);
    // 49 % of runs have no delay: P25 is 0, the median is a delay.
    expect(r.delayDays.p25).toBe(0);
    expect(r.delayDays.p50).toBeGreaterThan(4.9);
    expect(r.delayWeeks.p95).toBe(2);
  });

  it("awaits parallel dependencies by the longest delay in 'max' mode", () => {
    const r = dependencyAnalysis({ dependencies: two, nSimulations: n, seed: 123, mode: 'max' });
    // E[max] = P(one late)·7 + P(both late)·E[max of two U(4.9, 9.1)] = 0.42·7 + 0.09·(4.9 + 4.2·2/3)
    const expected = 0.42 * 7 + 0.09 * (4.9 + (4.2 * 2) / 3);
    expect(Math.abs(r.meanDelayDays - expected)).toBeLessThan((4 * r.sdDelayDays) / Math.sqrt(n));
    expect(r.maxDelayDays).toBeLessThanOrEqual(9.1);
    expect(r.mode).toBe('max');
  });

  it('draws late delays from the samples when given, and U(5, 15) without an expected delay', () => {
    const fromSamples = dependencyAnalysis({
      dependencies: [{ onTimeProbability: 0, delaySamples: [3, 10] }],
      nSimulations: 5000,
      seed: 5,
    });
    expect(fromSamples.simulatedOnTimeShare).toBe(0);
    expect(fromSamples.delayDays.p10).toBe(3);
    expect(fromSamples.delayDays.p90).toBe(10);
    expect(fromSamples.dependencies[0].meanDelayWhenLate).toBe(6.5);
    const fallback = dependencyAnalysis({
      dependencies: [{ onTimeProbability: 0, expectedDelayDays: 0 }],
      nSimulations: 5000,
      seed: 5,
    });
    expect(fallback.delayDays.p10).toBeGreaterThanOrEqual(5);
    expect(fallback.maxDelayDays).toBeLessThanOrEqual(15);
    expect(Math.abs(fallback.meanDelayDays - 10)).toBeLessThan((4 * 10) / Math.sqrt(12 * 5000));
    expect(fallback.warnings).toHaveLength(1);
  });

  it('computes the risk score from its parts and levels it', () => {
    const r = dependencyAnalysis({ dependencies: two, nSimulations: 10_000, seed: 8 });
    const cv = r.sdDelayDays / r.meanDelayDays;
    const score =
      0.4 * 51 +
      0.3 * Math.min((r.meanDelayDays / 30) * 100, 100) +
      0.2 * Math.min(cv * 100, 100) +
      0.1 * 20;
    expect(r.riskScore).toBeCloseTo(score, 9);
    expect(r.riskLevel).toBe(dependencyRiskLevel(score));
    expect(dependencyRiskLevel(24.99)).toBe('LOW');
    expect(dependencyRiskLevel(25)).toBe('MEDIUM');
    expect(dependencyRiskLevel(50)).toBe('HIGH');
    expect(dependencyRiskLevel(75)).toBe('CRITICAL');
    const none = dependencyAnalysis({ dependencies: [], nSimulations: 100, seed: 1 });
    expect(none.riskScore).toBe(0);
    expect(none.onTimeProbability).toBe(1);
    expect(none.odds).toBe('10 in 10');
  });

  it('is reproducible from its seed', () => {
    const a = dependencyAnalysis({ dependencies: two, nSimulations: 1000, seed: 77 });
    expect(dependencyAnalysis({ dependencies: two, nSimulations: 1000, seed: 77 })).toEqual(a);
  });
});

describe('probabilityOddsParts', () => {
  it('gives the numbers of the odds, for a sentence in any language', () => {
    expect(probabilityOddsParts(0.49)).toEqual({ k: 1, n: 2, lessThan: false });
    expect(probabilityOddsParts(0.7)).toEqual({ k: 7, n: 10, lessThan: false });
    expect(probabilityOddsParts(0.97)).toEqual({ k: 97, n: 100, lessThan: false });
    expect(probabilityOddsParts(0.0001)).toEqual({ k: 1, n: 1000, lessThan: true });
  });
});

describe('probabilityOdds', () => {
  it('phrases probabilities as the documented odds', () => {
    expect(probabilityOdds(0.49)).toBe('1 in 2');
    expect(probabilityOdds(0.343)).toBe('1 in 3');
    expect(probabilityOdds(0.05)).toBe('1 in 20');
    expect(probabilityOdds(0.5)).toBe('5 in 10');
    expect(probabilityOdds(0.7)).toBe('7 in 10');
    expect(probabilityOdds(0.97)).toBe('97 in 100');
    expect(probabilityOdds(0.9999)).toBe('99 in 100');
    expect(probabilityOdds(1)).toBe('10 in 10');
    expect(probabilityOdds(0.0001)).toBe('less than 1 in 1,000');
  });
});

describe('prepareDependencies', () => {
  it('never gives more than the sum in max mode, on the same stream (property)', () => {
    const dep = fc.record({
      onTimeProbability: fc.double({ min: 0, max: 1, noNaN: true }),
      expectedDelayDays: fc.double({ min: 0, max: 60, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(dep, { maxLength: 8 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (deps, seed) => {
          const sum = prepareDependencies(deps, 'sum');
          const max = prepareDependencies(deps, 'max');
          const r1 = createRng(seed);
          const r2 = createRng(seed);
          for (let k = 0; k < 20; k++) {
            const s = sum(r1);
            const m = max(r2);
            expect(m).toBeLessThanOrEqual(s + 1e-9);
            expect(m).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('returns 0 without drawing when there are no dependencies', () => {
    const rng = createRng(1);
    const before = rng.getState();
    expect(prepareDependencies(undefined)(rng)).toBe(0);
    expect(rng.getState()).toEqual(before);
  });

  it('rejects an on-time probability outside [0, 1]', () => {
    expect(() => prepareDependencies([{ onTimeProbability: 1.5 }])).toThrow(/onTimeProbability/);
  });
});
