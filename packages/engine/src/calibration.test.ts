import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  binomialBand,
  calibrationVerdict,
  cdfFromCounts,
  completionWeeks,
  coverageScore,
  driftWarnings,
  effectiveFoldCount,
} from './calibration';

describe('calibration helpers', () => {
  it('counts the weeks the history took, the finishing week whole', () => {
    expect(completionWeeks([5, 5, 5, 5], 0, 10)).toBe(2);
    expect(completionWeeks([5, 5, 5, 5], 1, 11)).toBe(3);
    expect(completionWeeks([5, 5], 0, 11)).toBeNull();
    expect(completionWeeks([5], 0, 0)).toBe(0);
  });

  it('reads the CDF of week counts', () => {
    const counts = [0, 0, 2, 5, 3];
    expect(cdfFromCounts(counts, 10, 1)).toBe(0);
    expect(cdfFromCounts(counts, 10, 2)).toBe(0.2);
    expect(cdfFromCounts(counts, 10, 3.7)).toBe(0.7);
    expect(cdfFromCounts(counts, 10, 99)).toBe(1);
  });

  it('scores whole-week coverage by where q falls in the actual week', () => {
    // P(W ≤ 2) = 0.2, P(W ≤ 3) = 0.7: an actual of 3 covers q = 0.45 half-way.
    const counts = [0, 0, 2, 5, 3];
    expect(coverageScore(counts, 10, 3, 0.45)).toBeCloseTo(0.5, 12);
    expect(coverageScore(counts, 10, 3, 0.85)).toBe(1);
    expect(coverageScore(counts, 10, 3, 0.1)).toBe(0);
    expect(coverageScore(counts, 10, 5, 0.5)).toBe(0);
  });

  it('has a mean coverage score of q when the actual is drawn from the forecast (property)', () => {
    // E[score] = Σ_a P(a)·clamp((q − F(a−1))/P(a)) = q exactly.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (counts, q) => {
          const total = counts.reduce((s, c) => s + c, 0);
          fc.pre(total > 0);
          let mean = 0;
          counts.forEach((c, a) => (mean += (c / total) * coverageScore(counts, total, a, q)));
          expect(mean).toBeCloseTo(q, 9);
        },
      ),
    );
  });

  it('bands with the binomial spread and gives verdicts', () => {
    const band = binomialBand(0.85, 100);
    expect(band.low).toBeCloseTo(0.85 - 1.96 * Math.sqrt(0.1275 / 100), 3);
    expect(band.high).toBeCloseTo(0.85 + 1.96 * Math.sqrt(0.1275 / 100), 3);
    expect(calibrationVerdict(0.7, band, 100)).toBe('overconfident');
    expect(calibrationVerdict(0.97, band, 100)).toBe('underconfident');
    expect(calibrationVerdict(0.86, band, 100)).toBe('calibrated');
    expect(calibrationVerdict(0.2, band, 4)).toBe('insufficient data');
  });

  it('counts non-overlapping completion periods as the effective folds', () => {
    expect(effectiveFoldCount([10, 11, 12, 13], [10, 10, 10, 10])).toBeCloseTo(1.3, 12);
    expect(effectiveFoldCount([0, 10, 20], [5, 5, 5])).toBe(3);
    expect(effectiveFoldCount([], [])).toBe(0);
  });

  it('warns of a mean shift and of process signals, and not of a steady history', () => {
    const steady = [5, 6, 5, 7, 6, 5, 6, 4, 6, 5, 7, 5, 6, 5, 6, 6, 5, 7, 4, 6];
    expect(driftWarnings(steady)).toEqual([]);
    const shifted = [...steady.slice(0, 10), 12, 13, 11, 12, 14, 12, 13, 11, 12, 13];
    const w = driftWarnings(shifted);
    expect(w.map((x) => x.code)).toEqual(['throughputShifted', 'throughputSignals']);
    expect(w[0].params).toMatchObject({ from: '5.5', to: '12.3' });
  });
});
