import { describe, expect, it } from 'vitest';
import { leadTimeStats, medianRankWeibull, sampleStats } from './input-stats';

describe('input statistics', () => {
  it('summarises a sample', () => {
    const s = sampleStats([5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7]);
    expect(s.count).toBe(12);
    expect(s.mean).toBeCloseTo(74 / 12, 12);
    expect(s.median).toBe(6);
    expect(s.min).toBe(4);
    expect(s.max).toBe(8);
    const m = 74 / 12;
    const sd = Math.sqrt(
      [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7].reduce((a, x) => a + (x - m) ** 2, 0) / 12,
    );
    expect(s.sd).toBeCloseTo(sd, 12);
  });

  it('counts lead-time outliers beyond Q3 + 1.5·IQR', () => {
    const s = leadTimeStats([1, 2, 3, 4, 5, 100]);
    // Q1 2.25, Q3 4.75 → threshold 8.5.
    expect(s.outlierThreshold).toBeCloseTo(8.5, 12);
    expect(s.outliers).toBe(1);
  });

  it('recovers a Weibull from its own median-rank quantiles', () => {
    const n = 30;
    const t = Array.from(
      { length: n },
      (_, i) => 12 * (-Math.log(1 - (i + 1 - 0.3) / (n + 0.4))) ** (1 / 1.7),
    );
    const w = medianRankWeibull(t)!;
    expect(w.shape).toBeCloseTo(1.7, 9);
    expect(w.scale).toBeCloseTo(12, 9);
    expect(w.r2).toBeCloseTo(1, 12);
    expect(medianRankWeibull([3, 3])).toBeNull();
  });
});
