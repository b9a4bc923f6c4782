/**
 * Trust rules, sampling error: how-many, portfolio and dependency percentiles carry their 95 %
 * interval from the order statistics of the same runs as the figure.
 */
import { describe, expect, it } from 'vitest';
import { forecastHowMany } from './how-many';
import { forecastPortfolio } from './portfolio';
import { dependencyAnalysis } from './dependencies';
import { intervalSorted, percentileSorted } from './percentile';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe('how-many intervals', () => {
  it('brackets every confidence’s items and narrows with more runs', () => {
    const few = forecastHowMany({ tpSamples: T12, days: 70, numberOfSimulations: 200, seed: 4 });
    const many = forecastHowMany({
      tpSamples: T12,
      days: 70,
      numberOfSimulations: 50_000,
      seed: 4,
    });
    for (const r of [few, many]) {
      for (const [q, items] of Object.entries(r.itemsAtConfidence)) {
        const iv = r.itemsIntervals[q];
        expect(iv.low).toBeLessThanOrEqual(items);
        expect(iv.high).toBeGreaterThanOrEqual(items);
      }
    }
    const width = (r: typeof few) => r.itemsIntervals['85'].high - r.itemsIntervals['85'].low;
    expect(width(many)).toBeLessThan(width(few));
    expect(width(few)).toBeGreaterThan(1);
  });
});

describe('portfolio intervals', () => {
  it('brackets each feature’s and team’s percentiles, null where runs did not finish', () => {
    const r = forecastPortfolio({
      teams: [{ name: 'A', tpSamples: [0, 2, 3, 5, 9], featureWip: 1 }],
      features: [
        { name: 'F1', size: 20, team: 'A' },
        { name: 'F2', size: 15, team: 'A' },
      ],
      numberOfSimulations: 400,
      seed: 2,
    });
    for (const f of r.features) {
      for (const k of ['p50', 'p85', 'p95'] as const) {
        const iv = f.percentileIntervals[k];
        const at = f.percentile_stats[k];
        expect(iv).not.toBeNull();
        expect(at).not.toBeNull();
        expect(iv?.low).toBeLessThanOrEqual(at ?? NaN);
        expect(iv?.high).toBeGreaterThanOrEqual(at ?? NaN);
      }
    }
    expect(r.teams[0].lastCompletionIntervals.p85?.low).toBeLessThanOrEqual(
      r.teams[0].lastCompletion.p85 ?? NaN,
    );
    const stuck = forecastPortfolio({
      teams: [{ name: 'A', tpSamples: [1], throughputModel: 'bootstrap' }],
      features: [{ name: 'F', size: 1000, team: 'A' }],
      maxWeeks: 10,
      numberOfSimulations: 100,
      seed: 1,
    });
    expect(stuck.features[0].percentile_stats.p85).toBeNull();
    expect(stuck.features[0].percentileIntervals.p85).toBeNull();
  });
});

describe('dependency intervals', () => {
  it('reads the delay percentiles’ intervals from the same sorted runs', () => {
    const r = dependencyAnalysis({
      dependencies: [
        { name: 'API', onTimeProbability: 0.6, expectedDelayDays: 10 },
        { name: 'Legal', onTimeProbability: 0.8, expectedDelayDays: 20 },
      ],
      nSimulations: 2000,
      seed: 5,
    });
    for (const k of ['p50', 'p85', 'p95'] as const) {
      expect(r.delayDaysIntervals[k].low).toBeLessThanOrEqual(r.delayDays[k]);
      expect(r.delayDaysIntervals[k].high).toBeGreaterThanOrEqual(r.delayDays[k]);
      expect(r.delayWeeksIntervals[k].low).toBeLessThanOrEqual(r.delayWeeks[k]);
      expect(r.delayWeeksIntervals[k].high).toBeGreaterThanOrEqual(r.delayWeeks[k]);
    }
    // Sanity of the helper on known data: 0..99, P50's ranks 49.5 ± 9.8 → 39..60.
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(intervalSorted(sorted, 0.5)).toEqual({ low: 39, high: 60 });
    expect(percentileSorted(sorted, 0.5)).toBe(49.5);
  });
});
