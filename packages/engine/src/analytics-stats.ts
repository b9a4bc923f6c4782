/**
 * Small summaries shared by the analytics modules (cost, dependencies, backtesting). Kept out
 * of the public index on purpose: callers get these figures inside results, not as helpers.
 */
import { percentileSorted, percentileStats } from './percentile';
import type { PercentileStats } from './percentile';

/** The percentiles every result reports, as fractions. */
export const REPORTED_PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.85, 0.9, 0.95] as const;

export type PercentileSummary = PercentileStats;

export function summarizePercentiles(sorted: ArrayLike<number>): PercentileSummary {
  return percentileStats((p) => percentileSorted(sorted, p));
}

/** Mean and population standard deviation in one pass (Welford, stable for large sums). */
export function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    mean += d / (i + 1);
    m2 += d * (values[i] - mean);
  }
  return { mean, sd: values.length > 0 ? Math.sqrt(m2 / values.length) : 0 };
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Upper edge; inclusive for the last bin only. */
  to: number;
  count: number;
}

/** Equal-width bins over [min, max] of already sorted values; one bin when all are equal. */
export function histogramSorted(sorted: ArrayLike<number>, bins: number): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0];
  const max = sorted[n - 1];
  if (max === min) return [{ from: min, to: max, count: n }];
  const width = (max - min) / bins;
  const out: HistogramBin[] = [];
  for (let k = 0; k < bins; k++) {
    out.push({ from: min + k * width, to: k === bins - 1 ? max : min + (k + 1) * width, count: 0 });
  }
  for (let i = 0; i < n; i++) {
    const k = Math.min(bins - 1, Math.floor((sorted[i] - min) / width));
    out[k].count++;
  }
  return out;
}
