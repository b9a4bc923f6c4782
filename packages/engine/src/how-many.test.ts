import { describe, expect, it } from 'vitest';
import { forecastHowMany, HOW_MANY_CONFIDENCES } from './how-many';
import type { HowManyInput } from './inputs';
import { referenceCases } from '../test/reference-cases';
import { EngineInputError } from './errors';

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
    const r = forecastHowMany({
      tpSamples: [0, 10],
      throughputModel: 'bootstrap',
      days: 7,
      numberOfSimulations: 10_000,
      seed: 2,
    });
    expect(r.itemsAtConfidence['85']).toBe(0);
    expect(r.itemsAtConfidence['15']).toBe(10);
    expect(Math.abs(r.mean - 5)).toBeLessThan(4 * Math.sqrt(25 / 10_000));
    expect(
      Object.keys(r.itemsAtConfidence)
        .map(Number)
        .sort((a, b) => b - a),
    ).toEqual([...HOW_MANY_CONFIDENCES]);
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
