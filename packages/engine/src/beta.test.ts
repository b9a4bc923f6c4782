import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { betaCdf, betaQuantile, createBetaSampler, lnGamma } from './beta';
import { createRng } from './prng';

describe('lnGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 11);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 11);
    expect(lnGamma(1)).toBeCloseTo(0, 11);
  });
});

describe('betaCdf', () => {
  it('has the closed forms of the special cases', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (x, k) => {
          // Beta(k, 1): F = x^k; Beta(1, k): F = 1 − (1 − x)^k.
          expect(betaCdf(x, k, 1)).toBeCloseTo(x ** k, 9);
          expect(betaCdf(x, 1, k)).toBeCloseTo(1 - (1 - x) ** k, 9);
        },
      ),
    );
  });

  it('is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a), and ½ at the centre of Beta(a, a)', () => {
    expect(betaCdf(0.5, 3.3, 3.3)).toBeCloseTo(0.5, 10);
    expect(betaCdf(0.3, 2.5, 4.1) + betaCdf(0.7, 4.1, 2.5)).toBeCloseTo(1, 12);
    // Arcsine law: Beta(½, ½) has F(x) = (2/π)·asin(√x).
    expect(betaCdf(0.2, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.2)), 9);
  });

  it('is inverted by betaQuantile', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0005, max: 0.9995, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        (u, a, b) => {
          expect(betaCdf(betaQuantile(u, a, b), a, b)).toBeCloseTo(u, 8);
        },
      ),
    );
  });
});

describe('createBetaSampler', () => {
  // Kolmogorov–Smirnov distance of 20,000 seeded draws from the exact CDF: the 99.9 % critical
  // value is 1.95/√n ≈ 0.0138, so a correct sampler passes and a biased table does not.
  const n = 20_000;
  const critical = 1.95 / Math.sqrt(n);
  for (const [a, b] of [
    [2.59475, 4.67055],
    [0.5, 0.5],
    [0.5, 3],
    [12, 1.2],
  ]) {
    it(`draws Beta(${a}, ${b}) (KS distance below the 99.9 % critical value)`, () => {
      const sample = createBetaSampler(a, b);
      const rng = createRng(20251125, 3);
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) xs[i] = sample(rng);
      xs.sort();
      let d = 0;
      for (let i = 0; i < n; i++) {
        const f = betaCdf(xs[i], a, b);
        d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
      }
      expect(d).toBeLessThan(critical);
      expect(xs[0]).toBeGreaterThanOrEqual(0);
      expect(xs[n - 1]).toBeLessThanOrEqual(1);
    });
  }
});
