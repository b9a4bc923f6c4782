/**
 * Every warning the engine can give, as a code with parameters and an English sentence.
 *
 * Results carry both: `warnings` (the sentences, as the original API had them) and
 * `warningCodes` (code + parameters, in the same order), so an interface in another language
 * translates by code instead of recognising English text.
 */

const MESSAGES = {
  emptyBacklog: () =>
    'The backlog is empty: nothing is left to do, so there is nothing to forecast (every figure is 0 weeks).',
  fewThroughputWeeks: (p: { count: number }) =>
    `Only ${p.count} weeks of throughput history; forecasts from fewer than 6 weeks are unreliable.`,
  weibullFallback: () =>
    'Fewer than 2 weeks with throughput above zero: a Weibull cannot be fitted, so weeks are drawn from the history (bootstrap).',
  throughputErrorRate: (p: { rate: number }) =>
    `The throughput history disagrees with itself (error rate ${p.rate}% > 25%); more history would make the forecast more reliable.`,
  leadTimeErrorRate: (p: { rate: number }) =>
    `The lead-time history disagrees with itself (error rate ${p.rate}% > 25%).`,
  fewLeadTimes: (p: { count: number }) =>
    `Only ${p.count} lead-time samples; fewer than 6 are unreliable.`,
  unfinishedRuns: (p: { unfinished: number; runs: number; maxWeeks: number }) =>
    `${p.unfinished} of ${p.runs} runs did not finish within ${p.maxWeeks} weeks and were stopped there; the forecast's upper percentiles are at least that long.`,
  dependencyDefaultDelay: () =>
    'A dependency without an expected delay was given the default delay of 5–15 days.',
  unreadableDates: (p: { count: number; items: string }) =>
    `${p.count} item(s) with a date that could not be read were ignored (item ${p.items}).`,
  doneWithoutStart: (p: { count: number }) =>
    `${p.count} done item(s) have no start date and no lead time.`,
  startAfterDone: (p: { count: number }) =>
    `${p.count} done item(s) start after they finish; their lead time was left out.`,
  pbcTooFewValues: () =>
    'A process behaviour chart needs at least 2 values; limits are not meaningful.',
  pbcProvisional: (p: { count: number }) =>
    `Only ${p.count} values; limits from fewer than 20 points are provisional.`,
  costIndependentItems: (p: { items: number }) =>
    `Per-item model: the ${p.items} items' costs are drawn independently, so over- and under-runs average out and the range is narrow; if estimates tend to be off together, use the duration model (weeks × team × cost per person-week).`,
  costNormalApproximation: (p: { maxItems: number }) =>
    `Backlog above ${p.maxItems} items: each run's total is drawn from the normal approximation of the sum (with skewness/kurtosis correction), not item by item.`,
  backtestRunsLowered: (p: { folds: number; weeks: number; from: number; to: number }) =>
    `${p.folds} folds of about ${p.weeks} weeks each: runs per fold lowered from ${p.from} to ${p.to} to keep the backtest fast.`,
  backtestHistoryTooShort: (p: { weeks: number; train: number; test: number }) =>
    `History of ${p.weeks} weeks is too short for a training window of ${p.train} and a test window of ${p.test}.`,
  backtestBootstrapFallback: (p: { folds: number; model: string }) =>
    `${p.folds} fold(s) had fewer than 2 positive training weeks and used bootstrap instead of ${p.model}.`,
  backtestShortTraining: (p: { weeks: number }) =>
    `Training windows of ${p.weeks} weeks are short; forecasts from fewer than 6 weeks are unreliable.`,
  calibrationSkippedFolds: (p: { folds: number; backlog: number }) =>
    `${p.folds} fold(s) left out of calibration: the history after them never reached ${p.backlog} items.`,
  calibrationFewPeriods: (p: { periods: number }) =>
    `Calibration rests on about ${p.periods} independent completion period(s); its verdict is rough. A longer history or a smaller backlog gives more.`,
  throughputShifted: (p: { from: string; to: string }) =>
    `Throughput shifted from a mean of ${p.from} to ${p.to} items/week between the halves of the history (beyond week-to-week noise): calibration mixes two regimes.`,
  throughputSignals: (p: { points: number; runs: number; trends: number }) =>
    `The throughput history shows process signals (${p.points} point(s) beyond the limits, ${p.runs} run(s), ${p.trends} trend(s)): it may not be stable enough to forecast from.`,
} as const;

export type WarningCode = keyof typeof MESSAGES;
export type WarningParams<C extends WarningCode> =
  Parameters<(typeof MESSAGES)[C]> extends []
    ? Record<string, never>
    : Parameters<(typeof MESSAGES)[C]>[0];

/** A warning as data: what happened (`code`) and its numbers (`params`). */
export interface EngineWarning {
  code: WarningCode;
  params: Record<string, string | number>;
}

/** Every code, e.g. for checking that an interface translates them all. */
export const WARNING_CODES = Object.keys(MESSAGES) as WarningCode[];

export function warning<C extends WarningCode>(code: C, params: WarningParams<C>): EngineWarning {
  return { code, params: params as Record<string, string | number> };
}

/** The English sentence of a warning. */
export function warningMessage(w: EngineWarning): string {
  const render = MESSAGES[w.code] as (p: Record<string, string | number>) => string;
  return render(w.params);
}

/** The two views of a result's warnings, in the same order. */
export function warningFields(list: readonly EngineWarning[]): {
  warnings: string[];
  warningCodes: EngineWarning[];
} {
  return { warnings: list.map(warningMessage), warningCodes: [...list] };
}
