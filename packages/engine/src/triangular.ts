/**
 * Triangular distribution on [low, high] with mode `mode`, used for three-point estimates
 * (weekly throughput, risk impacts).
 */

export interface TriangularParams {
  low: number;
  mode: number;
  high: number;
}

/** Sorts any three points so low ≤ mode ≤ high, as users enter them in every order. */
export function triangularFromPoints(a: number, b: number, c: number): TriangularParams {
  const [low, mode, high] = [a, b, c].sort((x, y) => x - y);
  return { low, mode, high };
}

/** P(X ≤ x). Degenerate ranges (low = high) are a point mass. */
export function triangularCdf(x: number, { low, mode, high }: TriangularParams): number {
  if (x < low) return 0;
  if (x >= high) return 1;
  const width = high - low;
  if (x <= mode) return mode > low ? ((x - low) * (x - low)) / (width * (mode - low)) : 0;
  return high > mode ? 1 - ((high - x) * (high - x)) / (width * (high - mode)) : 1;
}

/** Inverse CDF, for callers that need a continuous draw from a uniform u in [0, 1). */
export function triangularQuantile(u: number, { low, mode, high }: TriangularParams): number {
  const width = high - low;
  if (width <= 0) return low;
  const split = (mode - low) / width;
  if (u < split) return low + Math.sqrt(u * width * (mode - low));
  return high - Math.sqrt((1 - u) * width * (high - mode));
}
