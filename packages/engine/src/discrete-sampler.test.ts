import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createDiscreteTable,
  drawDiscrete,
  roundedTriangularTable,
  sampleDiscrete,
  tableMean,
  tableProbabilities,
  uniformTable,
} from './discrete-sampler';
import { createRng } from './prng';
import { triangularCdf } from './triangular';

// Thresholds are stored with the draw's low bits (≥ 2^-32 resolution), so probabilities are
// exact to about 1e-10, not to the last double digit.
describe('alias table', () => {
  it('keeps the probabilities it was given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (w) => {
          fc.pre(w.some((x) => x > 0));
          const values = w.map((_, i) => i * 3);
          const t = createDiscreteTable(values, w);
          const total = w.reduce((a, b) => a + b, 0);
          const probs = tableProbabilities(t);
          values.forEach((v, i) => expect(probs.get(v) ?? 0).toBeCloseTo(w[i] / total, 9));
        },
      ),
    );
  });

  it('draws each outcome with its probability (seeded, within 4 binomial standard errors)', () => {
    const w = [1, 0, 3, 6];
    const t = createDiscreteTable([10, 20, 30, 40], w);
    const rng = createRng(7);
    const n = 200_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = drawDiscrete(t, rng);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect(counts.get(20)).toBeUndefined();
    w.forEach((wi, i) => {
      const p = wi / 10;
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs((counts.get((i + 1) * 10) ?? 0) / n - p)).toBeLessThanOrEqual(4 * se + 1e-12);
    });
  });

  it('maps the extreme uint32s inside the table', () => {
    const t = createDiscreteTable([1, 2, 3], [1, 1, 1]);
    expect(sampleDiscrete(t, 0)).toBe(1);
    expect(sampleDiscrete(t, 0xffffffff)).toBe(3);
  });

  it('bootstrap is uniform over the samples, duplicates counted', () => {
    const p = tableProbabilities(uniformTable([5, 5, 7, 9]));
    expect(p.get(5)).toBeCloseTo(0.5, 12);
    expect(p.get(7)).toBeCloseTo(0.25, 12);
    expect(tableMean(uniformTable([5, 5, 7, 9]))).toBeCloseTo(6.5, 12);
  });

  it('rounded triangular matches the CDF over half-integer cells', () => {
    const tri = { low: 2, mode: 5, high: 11 };
    const p = tableProbabilities(roundedTriangularTable(tri));
    for (let k = 2; k <= 11; k++) {
      const exp = triangularCdf(k + 0.5, tri) - triangularCdf(k - 0.5, tri);
      expect(p.get(k) ?? 0).toBeCloseTo(exp, 9);
    }
    expect(tableMean(roundedTriangularTable({ low: 3, mode: 3, high: 3 }))).toBe(3);
    // A degenerate range rounds half to even.
    expect(tableMean(roundedTriangularTable({ low: 2.5, mode: 2.5, high: 2.5 }))).toBe(2);
  });
});
