/**
 * Forecast vs actual: how far past forecasts were from what really happened.
 *
 * For pairs (forecastᵢ, actualᵢ): MAE = mean|f − a|, RMSE = √mean (f − a)², MAPE = mean |f − a|/a
 * in percent, R² = 1 − Σ(a − f)²/Σ(a − ā)², accuracy rate = share of pairs within ±20 % of the
 * actual (|f − a| ≤ 0.2·|a|), in percent.
 *
 * Decisions where the spec is silent:
 * - Bias: mean error (f − a) relative to the mean actual. Above +5 % the forecasts run "over"
 *   (too high), below −5 % "under" (too low), otherwise "balanced". With a mean actual of 0
 *   the sign of the mean error decides, and 0 is balanced.
 * - Quality label, from MAPE: ≤ 10 % "excellent", ≤ 20 % "good", ≤ 30 % "fair", above that
 *   "poor". Without a usable MAPE (every actual 0) the accuracy rate decides instead:
 *   ≥ 90 % excellent, ≥ 75 % good, ≥ 50 % fair, else poor.
 * - Pairs with actual 0 are left out of MAPE and counted in `excludedFromMape`; a forecast
 *   of exactly 0 for an actual of 0 is within ±20 %.
 * - Trust rules: the headline is `onOrBefore`, how many actuals landed on or before their
 *   forecast (the forecasts are P85s: the saved-forecast analysis passes each one's P85), with
 *   `n`. The quality label needs {@link ACCURACY_MIN_PAIRS_TO_JUDGE} pairs; below that it is
 *   "insufficient" (one pair that missed must not read "excellent").
 * - One sign convention for a pair's error everywhere: `error` = actual − forecast and
 *   `percentError` = (actual − forecast) / forecast in percent (positive: it took longer than
 *   forecast), the same as a recorded actual's error against its P85. MAPE keeps the spec's
 *   mean |f − a| / a.
 * - R² is null when all actuals are equal (its denominator is 0), unless the forecasts are
 *   all exact, where it is 1.
 * - The lists must have the same, non-zero length (the edge validates; the engine throws).
 */
import type { AccuracyInput } from './inputs';
import { EngineInputError } from './errors';

export type AccuracyBias = 'over' | 'under' | 'balanced';
export type AccuracyQuality = 'excellent' | 'good' | 'fair' | 'poor' | 'insufficient';

/** Fewer pairs than this say nothing about the size of the errors. */
export const ACCURACY_MIN_PAIRS_TO_JUDGE = 5;

export interface AccuracyPair {
  forecast: number;
  actual: number;
  /** Actual − forecast. */
  error: number;
  /** (actual − forecast) / forecast in percent; null when the forecast is 0. */
  percentError: number | null;
  withinTolerance: boolean;
  /** The actual landed on or before the forecast. */
  onOrBefore: boolean;
}

export interface AccuracyResult {
  n: number;
  mae: number;
  rmse: number;
  /** Percent; null when every actual is 0. */
  mape: number | null;
  r2: number | null;
  /** Mean of f − a. */
  meanError: number;
  /** Mean error as a percent of the mean actual; null when that is 0. */
  biasPercent: number | null;
  bias: AccuracyBias;
  /** Percent of pairs within ±20 % of the actual. */
  accuracyRate: number;
  quality: AccuracyQuality;
  /** Pairs whose actual landed on or before the forecast: the headline. */
  onOrBefore: number;
  /** The same as a percent of `n`. */
  onOrBeforeRate: number;
  excludedFromMape: number;
  pairs: AccuracyPair[];
}

export const ACCURACY_TOLERANCE = 0.2;
const BIAS_THRESHOLD_PERCENT = 5;

function qualityFrom(mape: number | null, accuracyRate: number, n: number): AccuracyQuality {
  if (n < ACCURACY_MIN_PAIRS_TO_JUDGE) return 'insufficient';
  if (mape !== null) {
    if (mape <= 10) return 'excellent';
    if (mape <= 20) return 'good';
    if (mape <= 30) return 'fair';
    return 'poor';
  }
  if (accuracyRate >= 90) return 'excellent';
  if (accuracyRate >= 75) return 'good';
  if (accuracyRate >= 50) return 'fair';
  return 'poor';
}

export function accuracyAnalysis(input: AccuracyInput): AccuracyResult {
  const { forecasts, actuals } = input;
  const n = forecasts.length;
  if (n === 0 || actuals.length !== n) {
    throw new EngineInputError(
      'forecasts and actuals must be non-empty lists of the same length',
      'actuals',
    );
  }
  let absSum = 0;
  let sqSum = 0;
  let errSum = 0;
  let actualSum = 0;
  let apeSum = 0;
  let apeCount = 0;
  let within = 0;
  let onOrBefore = 0;
  const pairs: AccuracyPair[] = [];
  for (let i = 0; i < n; i++) {
    const f = forecasts[i];
    const a = actuals[i];
    const e = f - a;
    absSum += Math.abs(e);
    sqSum += e * e;
    errSum += e;
    actualSum += a;
    if (a !== 0) {
      apeSum += (Math.abs(e) / Math.abs(a)) * 100;
      apeCount++;
    }
    const ok = Math.abs(e) <= ACCURACY_TOLERANCE * Math.abs(a);
    if (ok) within++;
    const early = a <= f;
    if (early) onOrBefore++;
    pairs.push({
      forecast: f,
      actual: a,
      error: a - f,
      percentError: f !== 0 ? ((a - f) / Math.abs(f)) * 100 : null,
      withinTolerance: ok,
      onOrBefore: early,
    });
  }
  const meanActual = actualSum / n;
  let ssTot = 0;
  for (const a of actuals) ssTot += (a - meanActual) ** 2;
  const r2 = ssTot > 0 ? 1 - sqSum / ssTot : sqSum === 0 ? 1 : null;
  const meanError = errSum / n;
  const biasPercent = meanActual !== 0 ? (meanError / Math.abs(meanActual)) * 100 : null;
  let bias: AccuracyBias = 'balanced';
  if (biasPercent !== null) {
    if (biasPercent > BIAS_THRESHOLD_PERCENT) bias = 'over';
    else if (biasPercent < -BIAS_THRESHOLD_PERCENT) bias = 'under';
  } else if (meanError > 0) bias = 'over';
  else if (meanError < 0) bias = 'under';
  const mape = apeCount > 0 ? apeSum / apeCount : null;
  const accuracyRate = (within / n) * 100;
  return {
    n,
    mae: absSum / n,
    rmse: Math.sqrt(sqSum / n),
    mape,
    r2,
    meanError,
    biasPercent,
    bias,
    accuracyRate,
    quality: qualityFrom(mape, accuracyRate, n),
    onOrBefore,
    onOrBeforeRate: (onOrBefore / n) * 100,
    excludedFromMape: n - apeCount,
    pairs,
  };
}
