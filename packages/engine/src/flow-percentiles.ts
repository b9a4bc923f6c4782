/**
 * Cycle-time statistics by nearest rank, from a histogram of whole days: the smallest `v`
 * such that at least p % of the items took `v` days or less (`sorted[ceil(p/100·n) − 1]`).
 * That is what "85% of items finish within 12 days" means, so no interpolation.
 */

export interface CycleTimeStats {
  n: number;
  /** Keyed `p50`, `p70`, … */
  percentiles: Record<string, number>;
  mean: number;
  min: number;
  max: number;
}

/** Key of a percentile in result objects: 85 → `p85`, 99.9 → `p99.9`. */
export function percentileKey(p: number): string {
  return `p${p}`;
}

/** Value at 1-based rank `rank` of the items counted in `counts` (counts[d] items took d days). */
function valueAtRank(counts: Int32Array, rank: number): number {
  let seen = 0;
  for (let d = 0; d < counts.length; d++) {
    seen += counts[d];
    if (seen >= rank) return d;
  }
  return counts.length - 1;
}

export function nearestRankFromCounts(counts: Int32Array, n: number, p: number): number {
  if (n === 0) return 0;
  const rank = Math.min(n, Math.max(1, Math.ceil((p * n) / 100 - 1e-9)));
  return valueAtRank(counts, rank);
}

export function cycleTimeStats(counts: Int32Array, percentiles: readonly number[]): CycleTimeStats {
  let n = 0;
  let sum = 0;
  let min = 0;
  let max = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d];
    if (c === 0) continue;
    if (n === 0) min = d;
    max = d;
    n += c;
    sum += c * d;
  }
  const out: Record<string, number> = {};
  for (const p of percentiles) out[percentileKey(p)] = nearestRankFromCounts(counts, n, p);
  return { n, percentiles: out, mean: n === 0 ? 0 : Math.round((sum / n) * 100) / 100, min, max };
}
