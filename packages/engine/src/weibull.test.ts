import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitWeibull, weibullCdf } from './weibull';
import { referenceCases } from '../test/reference-cases';

describe('fitWeibull', () => {
  for (const c of referenceCases('weibullFit')) {
    it(`matches reference case ${c.id}`, () => {
      const { samples } = c.input as { samples: number[] };
      const expected = c.expected as { shape: number; scale: number };
      const tol = c.tolerance ?? 1e-4;
      const fit = fitWeibull(samples);
      expect(Math.abs(fit.shape - expected.shape)).toBeLessThanOrEqual(tol);
      expect(Math.abs(fit.scale - expected.scale)).toBeLessThanOrEqual(tol);
    });
  }

  it('solves the profile likelihood equation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (xs) => {
          // Nearly equal samples fit k in the millions, where this check's own xᵏ overflows.
          fc.pre(Math.max(...xs) / Math.min(...xs) > 1.01);
          const { shape: k, scale } = fitWeibull(xs);
          const n = xs.length;
          // Sums of (x/max)ᵏ: the same equation (maxᵏ cancels) without overflowing for large k
          // (two samples 2 % apart fit k ≈ 200, and 600²⁰⁰ is beyond a double).
          const m = Math.max(...xs);
          const sxk = xs.reduce((s, x) => s + (x / m) ** k, 0);
          const sxkl = xs.reduce((s, x) => s + (x / m) ** k * Math.log(x), 0);
          const meanLog = xs.reduce((s, x) => s + Math.log(x), 0) / n;
          expect(Math.abs(sxkl / sxk - 1 / k - meanLog)).toBeLessThan(1e-6 * Math.max(1, 1 / k));
          expect(scale / m).toBeCloseTo((sxk / n) ** (1 / k), 6);
        },
      ),
    );
  });

  it('recovers the parameters of a large seeded Weibull sample within its standard error', () => {
    // Inverse-CDF draws from a fixed LCG sequence of uniforms: k = 2, λ = 10, n = 20,000.
    // The MLE's standard errors are about 0.78·k/√n ≈ 0.011 for k and 1.1·λ/(k√n) ≈ 0.04 for λ.
    let s = 12345;
    const xs: number[] = [];
    for (let i = 0; i < 20000; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const u = (s + 0.5) / 4294967296;
      xs.push(10 * (-Math.log(1 - u)) ** 0.5);
    }
    const fit = fitWeibull(xs);
    expect(Math.abs(fit.shape - 2)).toBeLessThan(4 * 0.011);
    expect(Math.abs(fit.scale - 10)).toBeLessThan(4 * 0.04);
  });

  it('rejects what it cannot fit', () => {
    expect(() => fitWeibull([3])).toThrow();
    expect(() => fitWeibull([3, 3, 3])).toThrow();
    expect(() => fitWeibull([0, 3])).toThrow();
  });

  it('cdf is a distribution function', () => {
    const p = { shape: 1.5, scale: 4 };
    expect(weibullCdf(0, p)).toBe(0);
    expect(weibullCdf(4, p)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(weibullCdf(1e6, p)).toBe(1);
  });
});
