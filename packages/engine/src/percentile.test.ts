import { describe, expect, it } from 'vitest';
import {
  errorRate,
  intervalFromCounts,
  intervalSorted,
  percentileFromCounts,
  percentileSorted,
  rankInterval,
} from './percentile';
import { createRng } from './prng';
import { referenceCases } from '../test/reference-cases';

describe('percentileSorted', () => {
  for (const c of referenceCases('percentile')) {
    it(`matches reference case ${c.id}`, () => {
      const input = c.input as { sorted: number[]; p: number[] };
      const expected = (c.expected as { values: number[] }).values;
      input.p.forEach((p, k) => {
        expect(percentileSorted(input.sorted, p)).toBeCloseTo(expected[k], 9);
      });
    });
  }

  it('gives 0 for an empty list and clamps p', () => {
    expect(percentileSorted([], 0.5)).toBe(0);
    expect(percentileSorted([3, 9], -1)).toBe(3);
    expect(percentileSorted([3, 9], 2)).toBe(9);
  });

  it('agrees with the expanded list when given counts', () => {
    const values = [2, 2, 3, 5, 5, 5, 9];
    const counts = [0, 0, 2, 1, 0, 3, 0, 0, 0, 1];
    for (const p of [0, 0.1, 0.33, 0.5, 0.85, 0.99, 1]) {
      expect(percentileFromCounts(counts, values.length, p)).toBeCloseTo(
        percentileSorted(values, p),
        12,
      );
    }
  });
});

describe('errorRate', () => {
  it('is 0 for one sample or a constant history', () => {
    expect(errorRate([4])).toBe(0);
    expect(errorRate([4, 4, 4])).toBe(0);
  });
  it('compares the odd- and even-index means over the range', () => {
    // sorted 1,2,3,10: even idx mean (1+3)/2=2, odd idx mean (2+10)/2=6 → 4/9 → 44 %
    expect(errorRate([10, 1, 3, 2])).toBe(44);
  });
});

describe('percentile sampling intervals (trust rules)', () => {
  it('brackets the true percentile about 95 % of the time (order statistics of the runs)', () => {
    const rng = createRng(2024);
    const trials = 400;
    const n = 500;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const sorted = Float64Array.from({ length: n }, () => rng.nextFloat()).sort();
      // Uniform(0, 1): the true P85 is 0.85.
      const iv = intervalSorted(sorted, 0.85);
      expect(iv.low).toBeLessThanOrEqual(percentileSorted(sorted, 0.85));
      expect(iv.high).toBeGreaterThanOrEqual(percentileSorted(sorted, 0.85));
      if (iv.low <= 0.85 && 0.85 <= iv.high) covered++;
    }
    // 95 % ± 3 binomial sds over 400 trials (sd ≈ 1.1 %); whole ranks only widen it.
    expect(covered / trials).toBeGreaterThan(0.91);
    expect(covered / trials).toBeLessThanOrEqual(1);
  });

  it('reads the same ranks from counts as from the sorted runs', () => {
    const counts = [0, 3, 10, 40, 30, 12, 5];
    const sorted: number[] = [];
    counts.forEach((c, v) => {
      for (let i = 0; i < c; i++) sorted.push(v);
    });
    for (const p of [0.1, 0.5, 0.85, 0.95]) {
      expect(intervalFromCounts(counts, sorted.length, p)).toEqual(intervalSorted(sorted, p));
    }
    expect(rankInterval(10_000, 0.85)).toEqual({ lo: 8429, hi: 8570 });
  });
});
