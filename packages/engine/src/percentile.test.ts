import { describe, expect, it } from 'vitest';
import { errorRate, percentileFromCounts, percentileSorted } from './percentile';
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
