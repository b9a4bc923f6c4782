/**
 * Summary statistics of the history a forecast was made from, shown beside the forecast so
 * users can judge their inputs (`input_stats` in the API).
 */
import { percentileSorted, percentileStats, type PercentileStats } from './percentile';

export interface SampleStats extends PercentileStats {
  count: number;
  mean: number;
  median: number;
  /** Population standard deviation (NumPy's default, as the original). */
  sd: number;
  min: number;
  max: number;
}

export interface MedianRankWeibull {
  shape: number;
  scale: number;
  r2: number;
}

export interface LeadTimeStats extends SampleStats {
  /** Lead times above Q3 + 1.5·IQR. */
  outliers: number;
  outlierThreshold: number;
  /** Median-rank regression fit; null with fewer than 2 distinct positive lead times. */
  weibull: MedianRankWeibull | null;
}

export interface InputStats {
  throughput: SampleStats;
  leadTime: LeadTimeStats | null;
}

export function sampleStats(values: ArrayLike<number>): SampleStats {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i];
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (s[i] - mean) * (s[i] - mean);
  const q = (p: number) => percentileSorted(s, p);
  return {
    count: n,
    mean,
    median: q(0.5),
    sd: n > 0 ? Math.sqrt(ss / n) : 0,
    min: n > 0 ? s[0] : 0,
    max: n > 0 ? s[n - 1] : 0,
    ...percentileStats(q),
  };
}

/**
 * Weibull by median-rank regression: with F = (i − 0.3)/(n + 0.4) (Benard's approximation),
 * regress ln(−ln(1 − F)) on ln t; shape = slope, scale = exp(−intercept/shape). Zero lead times
 * have no logarithm and are left out.
 */
export function medianRankWeibull(values: ArrayLike<number>): MedianRankWeibull | null {
  const t = Float64Array.from(values)
    .filter((x) => x > 0)
    .sort();
  const n = t.length;
  if (n < 2 || t[0] === t[n - 1]) return null;
  let sx = 0;
  let sy = 0;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = (i + 1 - 0.3) / (n + 0.4);
    xs[i] = Math.log(t[i]);
    ys[i] = Math.log(-Math.log(1 - f));
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
    syy += (ys[i] - my) * (ys[i] - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  return { shape: slope, scale: Math.exp(-intercept / slope), r2: (sxy * sxy) / (sxx * syy) };
}

export function leadTimeStats(values: ArrayLike<number>): LeadTimeStats {
  const base = sampleStats(values);
  const threshold = base.p75 + 1.5 * (base.p75 - base.p25);
  let outliers = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > threshold) outliers++;
  return { ...base, outliers, outlierThreshold: threshold, weibull: medianRankWeibull(values) };
}

export function inputStats(tpSamples: ArrayLike<number>, ltSamples: ArrayLike<number>): InputStats {
  return {
    throughput: sampleStats(tpSamples),
    leadTime: ltSamples.length > 0 ? leadTimeStats(ltSamples) : null,
  };
}
