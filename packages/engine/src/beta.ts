/**
 * The Beta distribution: log-gamma, the regularized incomplete beta function and a fast
 * table-driven sampler.
 *
 * Why a table: a cost forecast draws one Beta variate per backlog item per run (100,000 runs ×
 * 50 items = 5 million draws). Rejection samplers (two Gamma draws per Beta) cost tens of
 * nanoseconds and a variable number of uniforms each; a quantile table built once per request
 * turns every draw into one uniform, one multiply and one linear interpolation, and keeps the
 * number of uniforms per run fixed, so seeded output stays stable if the table is refined.
 */
import type { RandomSource } from './prng';

const HALF_LN_TWO_PI = 0.9189385332046727;

/**
 * ln Γ(x) for x > 0. Shifts x up to at least 10 with Γ(x+1) = x·Γ(x), then uses the Stirling
 * series to the 1/z⁷ term, whose truncation error there is below 1e-12.
 */
export function lnGamma(x: number): number {
  let shift = 0;
  let z = x;
  while (z < 10) {
    shift += Math.log(z);
    z += 1;
  }
  const z2 = 1 / (z * z);
  const series = (1 / z) * (1 / 12 - z2 * (1 / 360 - z2 * (1 / 1260 - z2 / 1680)));
  return (z - 0.5) * Math.log(z) - z + HALF_LN_TWO_PI + series - shift;
}

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * Continued fraction of the incomplete beta function (DLMF 8.17.22), evaluated with the
 * modified Lentz method. Converges quickly for x < (a+1)/(a+b+2).
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)).
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    // Odd step: d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)).
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return f;
}

/** The regularized incomplete beta function I_x(a, b): the CDF of Beta(a, b) at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  }
  // Symmetry I_x(a,b) = 1 − I_{1−x}(b,a) keeps the fraction in its fast-converging region.
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Density of Beta(a, b) at x in (0, 1). */
export function betaPdf(x: number, a: number, b: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnBeta(a, b));
}

/** Inverse CDF of Beta(a, b) by safeguarded Newton steps inside a bisection bracket. */
export function betaQuantile(u: number, a: number, b: number, lo = 0, hi = 1): number {
  if (u <= 0) return 0;
  if (u >= 1) return 1;
  // Start from the left edge of the bracket when it is inside (0, 1) (successive table points
  // are close), else from the power-law tail F(x) ≈ x^a / (a·B(a, b)).
  let x = lo;
  if (lo <= 0) {
    x = Math.exp((Math.log(u * a) + lnBeta(a, b)) / a);
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
  }
  for (let iter = 0; iter < 200; iter++) {
    const f = betaCdf(x, a, b) - u;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const pdf = betaPdf(x, a, b);
    let next = pdf > 0 ? x - f / pdf : NaN;
    // Fall back to bisection whenever Newton would leave the bracket (steep or flat density).
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-14 || hi - lo < 1e-15) return next;
    x = next;
  }
  return x;
}

/** A Beta(a, b) sampler: one uniform in, one variate out. */
export type BetaSampler = (rng: RandomSource) => number;

/** Cells of the quantile table; 4,096 keeps linear-interpolation error far below 1e-4. */
export const BETA_TABLE_SIZE = 4096;

/**
 * Builds a Beta(a, b) sampler from a table of the quantiles at i/N. Between table points the
 * quantile function is interpolated linearly; in the first and last cells, where the density
 * may be infinite (a or b < 1), it follows the power law of the tail (F(x) ∝ x^a near 0,
 * 1 − F(x) ∝ (1 − x)^b near 1), so the extremes are not flattened.
 */
export function createBetaSampler(a: number, b: number, size = BETA_TABLE_SIZE): BetaSampler {
  const q = new Float64Array(size + 1);
  q[size] = 1;
  for (let i = 1; i < size; i++) q[i] = betaQuantile(i / size, a, b, q[i - 1], 1);
  const first = q[1];
  const lastGap = 1 - q[size - 1];
  const invA = 1 / a;
  const invB = 1 / b;
  const last = size - 1;
  return (rng) => {
    const t = rng.nextFloat() * size;
    const i = Math.floor(t);
    const frac = t - i;
    if (i === 0) return first * Math.pow(frac, invA);
    if (i === last) return 1 - lastGap * Math.pow(1 - frac, invB);
    return q[i] + frac * (q[i + 1] - q[i]);
  };
}
