/**
 * Burn-down percentile bands from per-week histograms of remaining items.
 *
 * Each simulated week adds a run's ceil(remaining) to that week's histogram; runs that have
 * finished count as 0 remaining in every later week. When a backlog is too large for one bin
 * per item, bins are `binWidth` items wide and a band value is the middle of its bin, so bands
 * of large backlogs are accurate to ±binWidth/2 items (exact when binWidth is 1). With a huge
 * maxWeeks only every `stride`-th week is recorded, so the histograms stay a few megabytes.
 */

export interface BurnDownBand {
  /** Weeks of work done (0 = the start, before any work). */
  week: number;
  p5: number;
  p50: number;
  p85: number;
  p95: number;
}

const BAND_PERCENTILES = [0.05, 0.5, 0.85, 0.95] as const;

/** Value at a rank of a row whose slot 0 holds the finished runs (0 left) and slot b + 1 bin b. */
function valueAtRank(
  zeros: number,
  row: Float64Array,
  offset: number,
  bins: number,
  rank: number,
  binWidth: number,
): number {
  if (rank < zeros) return 0;
  let seen = zeros;
  for (let b = 0; b < bins; b++) {
    seen += row[offset + b];
    if (seen > rank) return binWidth === 1 ? b : b * binWidth + (binWidth - 1) / 2;
  }
  return (bins - 1) * binWidth;
}

export function burnDownBands(
  counts: Float64Array,
  rows: number,
  bins: number,
  binWidth: number,
  finishedAt: ArrayLike<number>,
  stride = 1,
): BurnDownBand[] {
  const bands: BurnDownBand[] = [];
  let zeros = 0;
  let finishedUpTo = 0;
  for (let w = 0; w < rows; w++) {
    // Runs whose work loop took L ≤ this row's week have nothing left.
    const week = w * stride;
    for (; finishedUpTo <= week && finishedUpTo < finishedAt.length; finishedUpTo++) {
      zeros += finishedAt[finishedUpTo];
    }
    let inProgress = 0;
    for (let b = 0; b < bins; b++) inProgress += counts[w * bins + b];
    const total = zeros + inProgress;
    const v = BAND_PERCENTILES.map((p) => {
      const i = (total - 1) * p;
      const lo = Math.floor(i);
      const frac = i - lo;
      const a = valueAtRank(zeros, counts, w * bins, bins, lo, binWidth);
      if (frac === 0) return a;
      const c = valueAtRank(zeros, counts, w * bins, bins, lo + 1, binWidth);
      return a * (1 - frac) + c * frac;
    });
    bands.push({ week, p5: v[0], p50: v[1], p85: v[2], p95: v[3] });
  }
  return bands;
}
