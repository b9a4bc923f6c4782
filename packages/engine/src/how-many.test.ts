import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  forecastHowMany,
  howManyTable,
  howManyTableFromCounts,
  HOW_MANY_CONFIDENCES,
} from './how-many';
import type { HowManyInput } from './inputs';
import { referenceCases } from '../test/reference-cases';
import { ZERO_OR_TEN } from '../test/fixtures';
import { EngineInputError } from './errors';
import { createThroughputSampler } from './throughput';
import { tableProbabilities } from './discrete-sampler';

describe('forecastHowMany', () => {
  for (const c of referenceCases('howMany')) {
    it(`matches ${c.id}`, () => {
      const r = forecastHowMany({ ...(c.input as unknown as HowManyInput), seed: 1 });
      const e = c.expected as { weeks: number; itemsAtConfidence: Record<string, number> };
      expect(r.weeks).toBe(e.weeks);
      for (const [q, items] of Object.entries(e.itemsAtConfidence))
        expect(r.itemsAtConfidence[q]).toBe(items);
    });
  }

  it('reads q % confidence from the pessimistic side [fix]', () => {
    // One week of 0 or 10 items, each half the time.
    const r = forecastHowMany({ ...ZERO_OR_TEN, days: 7, numberOfSimulations: 10_000, seed: 2 });
    expect(r.itemsAtConfidence['85']).toBe(0);
    expect(r.itemsAtConfidence['15']).toBe(10);
    expect(Math.abs(r.mean - 5)).toBeLessThan(4 * Math.sqrt(25 / 10_000));
    expect(
      Object.keys(r.itemsAtConfidence)
        .map(Number)
        .sort((a, b) => b - a),
    ).toEqual([...HOW_MANY_CONFIDENCES]);
  });

  it('sums weeks drawn from the fitted Weibull: mean within 4 standard errors of 10 × its mean', () => {
    const tp = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];
    const table = tableProbabilities(createThroughputSampler({ tpSamples: tp }).table);
    let mean = 0;
    let second = 0;
    for (const [v, p] of table) {
      mean += v * p;
      second += v * v * p;
    }
    const n = 20_000;
    const r = forecastHowMany({ tpSamples: tp, days: 70, numberOfSimulations: n, seed: 11 });
    expect(r.weeks).toBe(10);
    const sdOfSum = Math.sqrt(10 * (second - mean * mean));
    expect(Math.abs(r.mean - 10 * mean)).toBeLessThan((4 * sdOfSum) / Math.sqrt(n));
    // The median of a sum of 10 such weeks is near its mean (skew is small): within 1 item.
    expect(Math.abs(r.itemsAtConfidence['50'] - 10 * mean)).toBeLessThan(1);
  });

  it('higher confidence never promises more items', () => {
    const r = forecastHowMany({ tpSamples: [2, 7, 4, 0, 9, 5], days: 45, seed: 8 });
    for (let i = 1; i < HOW_MANY_CONFIDENCES.length; i++) {
      const hi = r.itemsAtConfidence[String(HOW_MANY_CONFIDENCES[i - 1])];
      const lo = r.itemsAtConfidence[String(HOW_MANY_CONFIDENCES[i])];
      expect(hi).toBeLessThanOrEqual(lo);
    }
    expect(r.histogram.reduce((s, h) => s + h.count, 0)).toBe(10_000);
  });

  it('scales by focus and needs a time window', () => {
    expect(
      forecastHowMany({ tpSamples: [10], days: 14, teamFocus: 0.5, seed: 1 }).itemsAtConfidence[
        '50'
      ],
    ).toBe(10);
    expect(() => forecastHowMany({ tpSamples: [10] })).toThrow(EngineInputError);
    expect(() =>
      forecastHowMany({ tpSamples: [10], startDate: '2025-10-10', endDate: '2025-10-01' }),
    ).toThrow(EngineInputError);
  });
});

describe('howManyTableFromCounts', () => {
  it('gives the same table as the expanded, sorted runs', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 30 }), (raw) => {
        // Trailing zero counts, as in the engine's grown histograms.
        const counts = new Float64Array(raw.length + 5);
        counts.set(raw);
        const n = raw.reduce((a, b) => a + b, 0);
        const sorted = new Float64Array(n);
        let o = 0;
        for (let k = 0; k < counts.length; k++) sorted.fill(k, o, (o += counts[k]));
        expect(howManyTableFromCounts(counts, n, 30, 5)).toEqual(howManyTable(sorted, 30, 5));
      }),
    );
  });
});
