/**
 * Percentiles by linear interpolation between closest ranks (NumPy's default).
 * `p` is a fraction in [0, 1]; p ≤ 0 gives the minimum, p ≥ 1 the maximum, an empty list 0.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  if (p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const i = (n - 1) * p;
  const lo = Math.floor(i);
  const frac = i - lo;
  if (lo + 1 >= n) return sorted[n - 1];
  return sorted[lo] * (1 - frac) + sorted[lo + 1] * frac;
}

/** Percentile of unsorted values; sorts a copy. Prefer `percentileSorted` in loops. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return percentileSorted(sorted, p);
}

/**
 * Percentile of integer values given as counts (`counts[v]` runs had value `offset + v`),
 * with the same interpolation as `percentileSorted` over the expanded list. Lets us aggregate
 * millions of integer outcomes (weeks, items) exactly in a small, mergeable histogram.
 */
export function percentileFromCounts(
  counts: ArrayLike<number>,
  total: number,
  p: number,
  offset = 0,
): number {
  if (total <= 0) return 0;
  const pc = p <= 0 ? 0 : p >= 1 ? 1 : p;
  const i = (total - 1) * pc;
  const lo = Math.floor(i);
  const frac = i - lo;
  const a = valueAtRank(counts, lo) + offset;
  if (frac === 0) return a;
  const b = valueAtRank(counts, lo + 1) + offset;
  return a * (1 - frac) + b * frac;
}

/** A percentile's 95 % sampling interval: the values at the low and high ranks. */
export interface PercentileInterval {
  low: number;
  high: number;
}

const Z95 = 1.959963984540054;

/**
 * Trust rules: the 95 % distribution-free interval of the p-quantile from the order statistics
 * of n runs. The rank of the p-quantile among n draws is Binomial(n, p), so the ranks
 * (n − 1)·p ± 1.96·√(n·p·(1 − p)), widened to whole ranks and clamped to the runs, bracket
 * the true percentile 95 % of the time. 0-based ranks into the sorted runs.
 */
export function rankInterval(n: number, p: number): { lo: number; hi: number } {
  if (n <= 0) return { lo: 0, hi: 0 };
  const pc = p <= 0 ? 0 : p >= 1 ? 1 : p;
  const center = (n - 1) * pc;
  const half = Z95 * Math.sqrt(n * pc * (1 - pc));
  return {
    lo: Math.max(0, Math.floor(center - half)),
    hi: Math.min(n - 1, Math.ceil(center + half)),
  };
}

/** The 95 % interval of percentile p of integer values given as counts (see rankInterval). */
export function intervalFromCounts(
  counts: ArrayLike<number>,
  total: number,
  p: number,
  offset = 0,
): PercentileInterval {
  if (total <= 0) return { low: 0, high: 0 };
  const { lo, hi } = rankInterval(total, p);
  return { low: valueAtRank(counts, lo) + offset, high: valueAtRank(counts, hi) + offset };
}

/** The 95 % interval of percentile p of sorted values (see rankInterval). */
export function intervalSorted(sorted: ArrayLike<number>, p: number): PercentileInterval {
  if (sorted.length === 0) return { low: 0, high: 0 };
  const { lo, hi } = rankInterval(sorted.length, p);
  return { low: sorted[lo], high: sorted[hi] };
}

/** Every reported percentile's interval. */
export function percentileIntervals(
  interval: (p: number) => PercentileInterval,
): Record<keyof PercentileStats, PercentileInterval> {
  return {
    p10: interval(0.1),
    p25: interval(0.25),
    p50: interval(0.5),
    p75: interval(0.75),
    p85: interval(0.85),
    p90: interval(0.9),
    p95: interval(0.95),
  };
}

function valueAtRank(counts: ArrayLike<number>, rank: number): number {
  let seen = 0;
  for (let v = 0; v < counts.length; v++) {
    seen += counts[v];
    if (seen > rank) return v;
  }
  return counts.length - 1;
}

/**
 * "How much the sample disagrees with itself": sort, compare the mean of odd-index items with
 * the mean of even-index items, as a percent of the range. Above 25 % we ask for more history.
 */
export function errorRate(samples: ArrayLike<number>): number {
  const n = samples.length;
  if (n <= 1) return 0;
  const s = Float64Array.from(samples).sort();
  const range = s[n - 1] - s[0];
  if (range === 0) return 0;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) even += s[i];
    else odd += s[i];
  }
  const evenMean = even / Math.ceil(n / 2);
  const oddMean = odd / Math.floor(n / 2);
  return Math.round((100 * Math.abs(evenMean - oddMean)) / range);
}

/** The percentiles every forecast reports (weeks, items, cost, …). */
export interface PercentileStats {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p85: number;
  p90: number;
  p95: number;
}

/** The reported percentiles of any distribution, given its quantile function (p in 0–1). */
export function percentileStats(quantile: (p: number) => number): PercentileStats {
  return {
    p10: quantile(0.1),
    p25: quantile(0.25),
    p50: quantile(0.5),
    p75: quantile(0.75),
    p85: quantile(0.85),
    p90: quantile(0.9),
    p95: quantile(0.95),
  };
}

/** The same function applied to every reported percentile (weeks → dates, days → weeks, …). */
export function mapPercentiles<T>(
  f: (key: keyof PercentileStats) => T,
): Record<keyof PercentileStats, T> {
  return {
    p10: f('p10'),
    p25: f('p25'),
    p50: f('p50'),
    p75: f('p75'),
    p85: f('p85'),
    p90: f('p90'),
    p95: f('p95'),
  };
}
