/**
 * Calibration of weeks-to-finish forecasts against what the history really did [fix].
 *
 * The original's backtest compares each forecast with backlog ÷ mean(test window), a number far
 * noisier than a real completion time. Here the actual of a fold is the number of weeks the
 * history after the training window took to finish the backlog, and for each level q (P50,
 * P85, P95) we ask: in what share of folds was the actual within the forecast?
 *
 * Decisions where the spec is silent:
 * - Whole weeks: simulated and actual completion times are whole weeks, so a P85 forecast of
 *   10 weeks usually claims more than 85 % (say P(T ≤ 10) = 0.90 in the simulation). Next to
 *   the literal hit rate (actual ≤ forecast) we report `expectedHitRate`, the mean of what the
 *   model itself claimed for its whole-week forecasts, and a `coverage` corrected for whole
 *   weeks that a calibrated model puts at exactly q on average: each fold scores
 *   clamp((q − F(a − 1)) / (F(a) − F(a − 1)), 0, 1), with F the fold's simulated distribution
 *   and a its actual — the probability that the fold's randomized PIT value falls below q.
 *   The verdict compares this coverage with q.
 * - Tolerance band: q ± 1.96·√(q(1 − q)/n_eff), the 95 % binomial band. Folds that share
 *   future weeks are not independent, so n_eff is the number of non-overlapping completion
 *   periods, min(folds, (last fold start − first fold start)/mean actual + 1), not the number
 *   of folds. Below the band the model is "overconfident" (its forecasts are too short),
 *   above it "underconfident" (too cautious); with fewer than 5 effective folds the verdict
 *   is "insufficient data".
 * - Drift: a mean shift between the two halves of the history with Welch |t| > 2.58 (1 % two-
 *   sided) and any XmR signal (points beyond limits, runs, trends) each add a warning, because
 *   a model fitted to one regime cannot be calibrated on another.
 */
import { warning, type EngineWarning } from './warnings';
import { pbcAnalysis } from './pbc';

export type CalibrationVerdict =
  'calibrated' | 'overconfident' | 'underconfident' | 'insufficient data';

/** Minimum effective number of folds for a verdict. */
export const CALIBRATION_MIN_EFFECTIVE_FOLDS = 5;
const Z95 = 1.959963984540054;
const DRIFT_T = 2.576;

/**
 * Weeks the history took to finish `backlog` items from `start` on (the week in which the
 * running total reaches the backlog counts as a whole week), or null when it never does.
 */
export function completionWeeks(
  history: readonly number[],
  start: number,
  backlog: number,
): number | null {
  if (backlog <= 0) return 0;
  let done = 0;
  for (let i = start; i < history.length; i++) {
    done += history[i];
    if (done >= backlog) return i - start + 1;
  }
  return null;
}

/** P(W ≤ w) of a distribution given as counts by whole week (counts[w] runs took w weeks). */
export function cdfFromCounts(counts: ArrayLike<number>, total: number, w: number): number {
  if (total <= 0) return 0;
  const top = Math.min(Math.floor(w), counts.length - 1);
  let s = 0;
  for (let i = 0; i <= top; i++) s += counts[i];
  return s / total;
}

/** Whole-week corrected coverage score of one fold at level q (see the module note). */
export function coverageScore(
  counts: ArrayLike<number>,
  total: number,
  actual: number,
  q: number,
): number {
  const below = cdfFromCounts(counts, total, actual - 1);
  const upTo = cdfFromCounts(counts, total, actual);
  if (upTo <= below) return q >= upTo ? 1 : 0;
  return Math.min(1, Math.max(0, (q - below) / (upTo - below)));
}

export interface BinomialBand {
  low: number;
  high: number;
}

/** 95 % band of an observed share around q with n independent trials. */
export function binomialBand(q: number, n: number): BinomialBand {
  if (n <= 0) return { low: 0, high: 1 };
  const half = Z95 * Math.sqrt((q * (1 - q)) / n);
  return { low: Math.max(0, q - half), high: Math.min(1, q + half) };
}

export function calibrationVerdict(
  coverage: number,
  band: BinomialBand,
  effectiveFolds: number,
): CalibrationVerdict {
  if (effectiveFolds < CALIBRATION_MIN_EFFECTIVE_FOLDS) return 'insufficient data';
  if (coverage < band.low) return 'overconfident';
  if (coverage > band.high) return 'underconfident';
  return 'calibrated';
}

/** Folds whose completion periods do not overlap, roughly; see the module note. */
export function effectiveFoldCount(
  foldStarts: readonly number[],
  actuals: readonly number[],
): number {
  const n = foldStarts.length;
  if (n === 0) return 0;
  let sum = 0;
  for (const a of actuals) sum += a;
  const meanActual = Math.max(1, sum / n);
  const span = foldStarts[n - 1] - foldStarts[0];
  return Math.min(n, span / meanActual + 1);
}

/** Warnings about a history that is drifting, so no single model can be calibrated on it. */
export function driftWarnings(history: readonly number[]): EngineWarning[] {
  const out: EngineWarning[] = [];
  const n = history.length;
  if (n >= 8) {
    const half = Math.floor(n / 2);
    const a = history.slice(0, half);
    const b = history.slice(n - half);
    const stats = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
      return { m, v };
    };
    const sa = stats(a);
    const sb = stats(b);
    const se = Math.sqrt(sa.v / a.length + sb.v / b.length);
    const t = se > 0 ? (sb.m - sa.m) / se : sb.m === sa.m ? 0 : Infinity;
    if (Math.abs(t) > DRIFT_T) {
      out.push(warning('throughputShifted', { from: sa.m.toFixed(1), to: sb.m.toFixed(1) }));
    }
  }
  if (n >= 2) {
    const pbc = pbcAnalysis({ values: [...history] });
    const s = pbc.signals;
    if (!pbc.predictable) {
      out.push(
        warning('throughputSignals', {
          points: s.pointsBeyondLimits,
          runs: s.runs.length,
          trends: s.trends.length,
        }),
      );
    }
  }
  return out;
}
