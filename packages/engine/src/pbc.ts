/**
 * Process behaviour chart (XmR, Wheeler): is this process predictable?
 *
 * x̄ = mean; mR̄ = mean of the n − 1 moving ranges |xᵢ − xᵢ₋₁|; natural process limits
 * UNPL = x̄ + 2.66·mR̄, LNPL = max(0, x̄ − 2.66·mR̄); upper range limit URL = 3.268·mR̄.
 * Signals: a point beyond the limits; a run of ≥ 8 consecutive points on one side of the mean
 * (a point equal to the mean counts as below); a trend of ≥ 6 consecutive points each strictly
 * above (or below) the one before. Predictability score = 100 − 15·points − 10·runs − 8·trends
 * − (10 if n < 10, else 5 if n < 20), floored at 0.
 *
 * Decisions where the spec is silent:
 * - A run or trend is counted once however long it gets (a run of 12 is one run); every point
 *   in it is flagged for the chart.
 * - "Beyond the limits" is strict (x > UNPL or x < LNPL); LNPL is floored at 0 because counts
 *   and durations cannot be negative, so a 0 never signals below it.
 * - Moving ranges above URL are flagged per point (`rangeSignal`) for the mR chart but do not
 *   lower the score, which is defined on the X chart's signals only.
 * - Equal neighbours break a trend.
 * - `predictable` means no signal of any of the three kinds; `verdict` words the score:
 *   ≥ 80 "predictable", ≥ 50 "somewhat predictable", else "unpredictable".
 * - Fewer than 2 values: mR̄ is 0, the limits collapse onto the mean and a warning says so.
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { PbcInput } from './inputs';

export const PBC_RUN_LENGTH = 8;
export const PBC_TREND_LENGTH = 6;

export interface PbcPoint {
  index: number;
  label: string;
  value: number;
  /** |xᵢ − xᵢ₋₁|; null for the first point. */
  movingRange: number | null;
  aboveLimit: boolean;
  belowLimit: boolean;
  inRun: boolean;
  inTrend: boolean;
  rangeSignal: boolean;
}

export interface PbcSignalSpan {
  start: number;
  end: number;
  length: number;
  /** For runs: 'above' | 'below'; for trends: 'up' | 'down'. */
  direction: 'above' | 'below' | 'up' | 'down';
}

export type PbcVerdict = 'predictable' | 'somewhat predictable' | 'unpredictable';

export interface PbcResult {
  n: number;
  average: number;
  averageMovingRange: number;
  unpl: number;
  lnpl: number;
  urlMovingRange: number;
  signals: {
    pointsBeyondLimits: number;
    runs: PbcSignalSpan[];
    trends: PbcSignalSpan[];
    rangePointsBeyondLimit: number;
  };
  score: number;
  predictable: boolean;
  verdict: PbcVerdict;
  points: PbcPoint[];
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
}

/** Maximal spans of at least `minLength` consecutive indices with the same key (non-null). */
function spans<K extends string>(
  keys: (K | null)[],
  minLength: number,
  offset = 0,
): { start: number; end: number; key: K }[] {
  const out: { start: number; end: number; key: K }[] = [];
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      const key = keys[start];
      if (key !== null && i - start >= minLength)
        out.push({ start: start + offset, end: i - 1 + offset, key });
      start = i;
    }
  }
  return out;
}

export function pbcAnalysis(input: PbcInput): PbcResult {
  const xs = input.values;
  const n = xs.length;
  const warnings: EngineWarning[] = [];
  let sum = 0;
  for (const x of xs) sum += x;
  const average = n > 0 ? sum / n : 0;
  let mrSum = 0;
  for (let i = 1; i < n; i++) mrSum += Math.abs(xs[i] - xs[i - 1]);
  const averageMovingRange = n > 1 ? mrSum / (n - 1) : 0;
  if (n < 2) warnings.push(warning('pbcTooFewValues', {}));
  else if (n < 20) warnings.push(warning('pbcProvisional', { count: n }));
  const unpl = average + 2.66 * averageMovingRange;
  const lnpl = Math.max(0, average - 2.66 * averageMovingRange);
  const url = 3.268 * averageMovingRange;

  const points: PbcPoint[] = xs.map((value, index) => {
    const mr = index > 0 ? Math.abs(value - xs[index - 1]) : null;
    return {
      index,
      label: input.labels?.[index] ?? String(index + 1),
      value,
      movingRange: mr,
      aboveLimit: value > unpl,
      belowLimit: value < lnpl,
      inRun: false,
      inTrend: false,
      rangeSignal: mr !== null && mr > url,
    };
  });

  const sides = xs.map((x) => (x > average ? 'above' : 'below') as 'above' | 'below');
  const runs: PbcSignalSpan[] = spans(sides, PBC_RUN_LENGTH).map((s) => ({
    start: s.start,
    end: s.end,
    length: s.end - s.start + 1,
    direction: s.key,
  }));
  for (const r of runs) for (let i = r.start; i <= r.end; i++) points[i].inRun = true;

  // Step directions between neighbours; a trend of k points is k − 1 equal steps.
  const steps = xs
    .slice(1)
    .map((x, i) => (x > xs[i] ? 'up' : x < xs[i] ? 'down' : null) as 'up' | 'down' | null);
  const trends: PbcSignalSpan[] = spans(steps, PBC_TREND_LENGTH - 1).map((s) => ({
    start: s.start,
    end: s.end + 1,
    length: s.end - s.start + 2,
    direction: s.key,
  }));
  for (const t of trends) for (let i = t.start; i <= t.end; i++) points[i].inTrend = true;

  const pointsBeyond = points.filter((p) => p.aboveLimit || p.belowLimit).length;
  const rangeBeyond = points.filter((p) => p.rangeSignal).length;
  const shortPenalty = n < 10 ? 10 : n < 20 ? 5 : 0;
  const score = Math.max(
    0,
    100 - 15 * pointsBeyond - 10 * runs.length - 8 * trends.length - shortPenalty,
  );
  const predictable = pointsBeyond === 0 && runs.length === 0 && trends.length === 0;
  const verdict: PbcVerdict =
    score >= 80 ? 'predictable' : score >= 50 ? 'somewhat predictable' : 'unpredictable';

  return {
    n,
    average,
    averageMovingRange,
    unpl,
    lnpl,
    urlMovingRange: url,
    signals: {
      pointsBeyondLimits: pointsBeyond,
      runs,
      trends,
      rangePointsBeyondLimit: rangeBeyond,
    },
    score,
    predictable,
    verdict,
    points,
    ...warningFields(warnings),
  };
}
