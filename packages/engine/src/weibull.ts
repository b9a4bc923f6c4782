/**
 * Two-parameter Weibull (location 0): maximum-likelihood fit and distribution function.
 */

export interface WeibullParams {
  shape: number;
  scale: number;
}

/**
 * Maximum-likelihood fit to positive samples. The shape k is the root of the profile equation
 * Σxᵏ·ln x / Σxᵏ − 1/k − mean(ln x) = 0, which is increasing in k, so a bracketed bisection
 * always converges; the scale follows as (mean xᵏ)^(1/k). Samples are divided by their maximum
 * first so xᵏ cannot overflow for large k. Needs at least two distinct positive samples.
 */
export function fitWeibull(samples: ArrayLike<number>): WeibullParams {
  const n = samples.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = samples[i];
    if (!(x > 0) || !Number.isFinite(x))
      throw new RangeError('Weibull fit needs positive finite samples');
    if (x > max) max = x;
  }
  if (n < 2) throw new RangeError('Weibull fit needs at least two samples');
  const logY = new Float64Array(n);
  let meanLogY = 0;
  let distinct = false;
  for (let i = 0; i < n; i++) {
    logY[i] = Math.log(samples[i] / max);
    meanLogY += logY[i];
    if (samples[i] !== samples[0]) distinct = true;
  }
  meanLogY /= n;
  if (!distinct) throw new RangeError('Weibull fit needs samples that are not all equal');

  // g(k) with y = x / max; the ln(max) terms cancel.
  const g = (k: number): number => {
    let sw = 0;
    let swl = 0;
    for (let i = 0; i < n; i++) {
      const w = Math.exp(k * logY[i]);
      sw += w;
      swl += w * logY[i];
    }
    return swl / sw - 1 / k - meanLogY;
  };

  let lo = 1e-3;
  let hi = 1;
  while (g(hi) < 0 && hi < 1e6) hi *= 2;
  while (g(lo) > 0 && lo > 1e-12) lo /= 2;
  for (let it = 0; it < 200 && hi - lo > 1e-13 * hi; it++) {
    const mid = 0.5 * (lo + hi);
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  const shape = 0.5 * (lo + hi);
  let meanYk = 0;
  for (let i = 0; i < n; i++) meanYk += Math.exp(shape * logY[i]);
  meanYk /= n;
  const scale = max * Math.pow(meanYk, 1 / shape);
  return { shape, scale };
}

/** P(W ≤ x). */
export function weibullCdf(x: number, { shape, scale }: WeibullParams): number {
  if (x <= 0) return 0;
  return -Math.expm1(-Math.pow(x / scale, shape));
}

/** P(W > x), accurate in the far tail where 1 − cdf loses all digits. */
export function weibullSurvival(x: number, { shape, scale }: WeibullParams): number {
  if (x <= 0) return 1;
  return Math.exp(-Math.pow(x / scale, shape));
}
