import { describe, expect, it } from 'vitest';
import { warningMessage } from './warnings';
import { createThroughputSampler, roundedWeibullTable } from './throughput';
import { tableProbabilities } from './discrete-sampler';
import { weibullCdf } from './weibull';
import { referenceCases } from '../test/reference-cases';
import { EngineInputError } from './errors';

const T12 = (referenceCases('weibullFit')[0].input as { samples: number[] }).samples;

describe('throughput models', () => {
  it('weibull: rounded draws follow the fitted CDF', () => {
    const s = createThroughputSampler({ tpSamples: T12 });
    expect(s.model).toBe('weibull');
    expect(s.weibull?.shape).toBeCloseTo(5.8096, 3);
    const p = tableProbabilities(s.table);
    const w = s.weibull!;
    expect(p.get(0) ?? 0).toBeCloseTo(weibullCdf(0.5, w), 9);
    for (let k = 1; k <= 12; k++) {
      expect(p.get(k) ?? 0).toBeCloseTo(weibullCdf(k + 0.5, w) - weibullCdf(k - 0.5, w), 9);
    }
    let total = 0;
    for (const v of p.values()) total += v;
    expect(total).toBeCloseTo(1, 12);
    // Mean of the rounded Weibull ≈ λ·Γ(1 + 1/k) ≈ 6.17 for T12 (rounding adds almost nothing).
    expect(s.mean).toBeGreaterThan(6.1);
    expect(s.mean).toBeLessThan(6.25);
  });

  it('weibull with zero weeks is zero-inflated', () => {
    const s = createThroughputSampler({ tpSamples: [0, 0, 5, 6, 7, 4] });
    expect(s.zeroShare).toBeCloseTo(1 / 3, 12);
    const fit = s.weibull!;
    const p0 = tableProbabilities(s.table).get(0) ?? 0;
    expect(p0).toBeCloseTo(1 / 3 + (2 / 3) * weibullCdf(0.5, fit), 9);
  });

  it('a constant history draws the constant (with its zero share)', () => {
    expect([
      ...tableProbabilities(createThroughputSampler({ tpSamples: [10, 10, 10] }).table),
    ]).toEqual([[10, 1]]);
    const p = tableProbabilities(createThroughputSampler({ tpSamples: [0, 4, 4, 0] }).table);
    expect(p.get(0)).toBeCloseTo(0.5, 12);
    expect(p.get(4)).toBeCloseTo(0.5, 12);
  });

  it('falls back to bootstrap with fewer than two positive weeks, and says so', () => {
    const s = createThroughputSampler({ tpSamples: [0, 0, 3] });
    expect(s.model).toBe('bootstrap');
    expect(s.warnings.map((w) => w.code)).toEqual(['fewThroughputWeeks', 'weibullFallback']);
    expect(s.warnings.map(warningMessage).join(' ')).toMatch(/fewer than 6.*bootstrap/);
  });

  it('estimate: rounded triangular of the sorted three points', () => {
    const s = createThroughputSampler({
      throughputModel: 'estimate',
      pBest: 9,
      pLikely: 5,
      pWorst: 2,
    });
    expect(s.model).toBe('estimate');
    expect(s.mean).toBeCloseTo((2 + 5 + 9) / 3, 1);
    const p = tableProbabilities(s.table);
    expect(Math.min(...p.keys())).toBe(2);
    expect(Math.max(...p.keys())).toBe(9);
  });

  it('refuses histories that would never finish', () => {
    expect(() => createThroughputSampler({ tpSamples: [0, 0] })).toThrow(EngineInputError);
    expect(() => createThroughputSampler({ tpSamples: [] })).toThrow(EngineInputError);
    expect(() => createThroughputSampler({ tpSamples: [1, Number.NaN] })).toThrow(EngineInputError);
    expect(() =>
      createThroughputSampler({ throughputModel: 'estimate', pBest: 0, pLikely: 0, pWorst: 0 }),
    ).toThrow(EngineInputError);
    expect(() =>
      createThroughputSampler({ throughputModel: 'estimate', pBest: 1e9, pLikely: 5, pWorst: 1 }),
    ).toThrow(EngineInputError);
  });

  it('starts the table near the throughput of a team that finishes thousands a week', () => {
    const s = createThroughputSampler({
      tpSamples: [100_000, 120_000, 95_000, 110_000, 105_000, 98_000],
    });
    const p = tableProbabilities(s.table);
    expect(p.size).toBeLessThan(1 << 18);
    expect(s.mean).toBeGreaterThan(95_000);
    expect(s.mean).toBeLessThan(115_000);
    expect(p.get(0) ?? 0).toBeLessThan(1e-11);
  });

  it('puts the far tail of a heavy Weibull onto its last cell', () => {
    const t = roundedWeibullTable({ shape: 0.2, scale: 5 });
    expect(tableProbabilities(t).size).toBe(1 << 18);
    let total = 0;
    for (const v of tableProbabilities(t).values()) total += v;
    expect(total).toBeCloseTo(1, 9);
  });
});
