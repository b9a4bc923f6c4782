/**
 * PERT-Beta: the three-point estimate (optimistic a, most likely m, pessimistic b) turned into
 * a Beta distribution on [a, b], with the classic PERT weighting of the mode.
 */

export interface PertParameters {
  alpha: number;
  beta: number;
  /** Mean of one item on [a, b]: α/(α+β)·(b−a) + a. */
  meanPerItem: number;
  /** Standard deviation of one item on [a, b]. */
  sdPerItem: number;
}

/** Smallest shape allowed; keeps the density integrable and the sampler's tails sane. */
export const PERT_MIN_SHAPE = 0.5;

/**
 * α and β from a < m < b (the caller validates the order):
 * w = 1 + 4(m−a)(b−m)/(b−a)², α = 2(b+4m−5a)/(3(b−a))·w, β = 2(5b−4m−a)/(3(b−a))·w,
 * each at least 0.5.
 */
export function pertParameters(a: number, m: number, b: number): PertParameters {
  const range = b - a;
  const w = 1 + (4 * (m - a) * (b - m)) / (range * range);
  const alpha = Math.max(PERT_MIN_SHAPE, ((2 * (b + 4 * m - 5 * a)) / (3 * range)) * w);
  const beta = Math.max(PERT_MIN_SHAPE, ((2 * (5 * b - 4 * m - a)) / (3 * range)) * w);
  const s = alpha + beta;
  const meanPerItem = a + (alpha / s) * range;
  const sdPerItem = range * Math.sqrt((alpha * beta) / (s * s * (s + 1)));
  return { alpha, beta, meanPerItem, sdPerItem };
}
