/**
 * Backtesting a weeks-to-finish forecast over the team's own throughput history.
 *
 * Folds: training windows end at i = minTrainSize, minTrainSize + foldStride, … while
 * i ≤ n − testSize (Python's range(minTrain, n − test + 1, stride)). Walk-forward trains on the
 * last minTrainSize weeks before i (a fixed window), expanding on every week before i. Each
 * fold forecasts the weeks to finish `backlog` from its training window with the "when" engine
 * (`createThroughputSampler` + `weeksToFinish`, the same code as `forecastWhen`) at each
 * requested confidence, and is scored two ways:
 * - classic (as the original): actual = backlog / mean(test window); MAE, RMSE, MAPE, bias
 *   (mean of forecast − actual) and hit rate (share of folds with actual ≤ forecast), per level;
 * - calibration [fix]: actual = the weeks the history after the training window really took to
 *   finish the backlog; see `calibration.ts` for the coverage, band and verdict.
 *
 * Decisions where the spec is silent:
 * - Rates (hit rate, coverage, nominal, band) are percents, like the accuracy rate.
 * - Folds whose test window has a mean of 0 have no classic actual; folds whose remaining
 *   history never reaches the backlog have no calibration actual; folds whose training window
 *   has no positive week cannot be forecast. Each is kept in `folds` with a reason and counted.
 * - Fold k draws from PRNG stream k of the seed, so a fold's forecast does not depend on the
 *   other folds. `numberOfSimulations` (default 10,000) is per fold; when folds × runs × the
 *   expected weeks per run (backlog / mean throughput + 1) would exceed 20 million simulated
 *   weeks, the runs per fold are lowered (not below 200) and a warning says so.
 * - Calibration always uses P50, P85 and P95, whatever `confidenceLevels` asks for.
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { BacktestInput, BacktestMethod, ThroughputModel } from './inputs';
import { createRng, requestSeed } from './prng';
import { createThroughputSampler } from './throughput';
import { thinnedWeeksToFinish, weeksPercentile, weeksToFinish } from './when';
import {
  compileCalendar,
  lastWorkingDayOfWeek,
  shiftCalendar,
  summariseCalendar,
  thinningPlan,
  type CalendarSummary,
  type CompiledCalendar,
} from './calendar';
import { parseDate } from './dates';
import { EngineInputError } from './errors';
import type { StopSignal } from './errors';
import {
  binomialBand,
  calibrationVerdict,
  cdfFromCounts,
  completionWeeks,
  coverageScore,
  driftWarnings,
  effectiveFoldCount,
} from './calibration';
import type { BinomialBand, CalibrationVerdict } from './calibration';

export const BACKTEST_DEFAULT_MIN_TRAIN = 5;
export const BACKTEST_DEFAULT_TEST_SIZE = 1;
export const BACKTEST_DEFAULT_STRIDE = 1;
export const BACKTEST_CALIBRATION_LEVELS = [50, 85, 95] as const;
const DEFAULT_RUNS = 10_000;
/** Budget of simulated weeks over all folds (about a second on a laptop). */
const MAX_TOTAL_DRAWS = 20_000_000;
const MIN_RUNS = 200;
const MAX_WEEKS = 520;

export interface BacktestFold {
  index: number;
  /** Training window [trainStart, trainEnd) and test window [trainEnd, testEnd) in weeks. */
  trainStart: number;
  trainEnd: number;
  testEnd: number;
  trainMean: number;
  /** Forecast weeks by confidence percent ("85" → weeks); empty when the fold was skipped. */
  forecasts: Record<string, number>;
  /** Classic actual, backlog / mean(test window); null when the test mean is 0. */
  actual: number | null;
  /** Whether the classic actual was within each forecast. */
  hits: Record<string, boolean>;
  /** Calibration actual: weeks the later history took to finish the backlog. */
  completionWeeks: number | null;
  /** Whole-week corrected coverage scores at 50/85/95 (see calibration.ts). */
  coverageScores: Record<string, number>;
  /** The model's own P(W ≤ forecast) at 50/85/95. */
  claimedProbability: Record<string, number>;
  skipped: string | null;
  /** With a calendar: training weeks with fewer working days than usual. */
  shortTrainingWeeks?: number;
  /** With a calendar: each forecast as the last working day of its week. */
  forecastDates?: Record<string, string>;
  /** With a calendar: the day the history really finished the backlog (its week's last working day). */
  completionDate?: string | null;
}

export interface BacktestLevelMetrics {
  confidence: number;
  folds: number;
  mae: number;
  rmse: number;
  /** Percent. */
  mape: number;
  /** Mean of forecast − actual: positive forecasts run long. */
  bias: number;
  /** Percent of folds whose actual was ≤ the forecast. */
  hitRate: number;
}

export interface CalibrationLevel {
  confidence: number;
  /** Percent: the level itself. */
  nominal: number;
  folds: number;
  /** Percent of folds with actual ≤ forecast (literal). */
  hitRate: number;
  /** Percent the model claimed for its whole-week forecasts, on average. */
  expectedHitRate: number;
  /** Whole-week corrected coverage, percent; a calibrated model averages `nominal`. */
  coverage: number;
  /** 95 % binomial band around nominal for `effectiveFolds`, percent. */
  band: BinomialBand;
  verdict: CalibrationVerdict;
}

export interface BacktestCalibration {
  folds: number;
  /** Folds whose remaining history was too short to finish the backlog. */
  skippedFolds: number;
  effectiveFolds: number;
  levels: CalibrationLevel[];
  /**
   * Error metrics of the forecasts against the real completion weeks, over the same folds as
   * `levels`, at every level forecast (the requested ones and 50/85/95), so a page shows one
   * set of folds: its hit rate at 50/85/95 is `levels`' literal hit rate.
   */
  metrics: BacktestLevelMetrics[];
  /**
   * The trust rules' verdict: "calibrated" only when every level is inside its band; otherwise
   * the verdict of the level farthest outside its band, named by `verdictLevel`.
   */
  verdict: CalibrationVerdict;
  /** The level the verdict is about (null when calibrated or not judged). */
  verdictLevel: number | null;
}

export interface BacktestResult {
  method: BacktestMethod;
  backlog: number;
  seed: number;
  throughputModel: ThroughputModel;
  numberOfSimulations: number;
  minTrainSize: number;
  testSize: number;
  foldStride: number;
  confidenceLevels: number[];
  foldCount: number;
  /** Folds without a classic actual or without a forecast. */
  skippedFolds: number;
  folds: BacktestFold[];
  metrics: BacktestLevelMetrics[];
  calibration: BacktestCalibration;
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
  /** The calendar applied over the history, with its days off; null without one. */
  calendar: CalendarSummary | null;
  /** With a calendar: working days of each history week (the usual count is `calendar`'s). */
  weekWorkingDays?: number[];
}

/**
 * A backtest's calendar laid over the history and the longest future a fold may forecast:
 * history week i starts at day 7·i, so fold k's future is the calendar shifted by its end.
 */
interface BacktestCalendar {
  compiled: CompiledCalendar;
  /** Working days of each history week. */
  weekDays: number[];
  excludeShort: boolean;
}

function backtestCalendar(input: BacktestInput, weeks: number): BacktestCalendar | null {
  if (input.calendar === undefined) return null;
  const start = input.startDate ? parseDate(input.startDate) : null;
  if (start === null) {
    throw new EngineInputError(
      'startDate (the first history week) is needed with a calendar',
      'startDate',
    );
  }
  const compiled = compileCalendar(input.calendar, start, (weeks + MAX_WEEKS) * 7);
  const weekDays: number[] = [];
  for (let w = 0; w < weeks; w++) {
    let d = 0;
    for (let i = w * 7; i < w * 7 + 7; i++) d += compiled.working[i];
    weekDays.push(d);
  }
  return { compiled, weekDays, excludeShort: input.excludeShortWeeks === true };
}

function intParam(v: number | undefined, fallback: number, field: string, min: number): number {
  if (v === undefined || v === null) return fallback;
  if (!Number.isInteger(v) || v < min) {
    throw new EngineInputError(`${field} must be an integer ≥ ${min}`, field);
  }
  return v;
}

function levelMetrics(confidence: number, pairs: { f: number; a: number }[]): BacktestLevelMetrics {
  const n = pairs.length;
  if (n === 0) return { confidence, folds: 0, mae: 0, rmse: 0, mape: 0, bias: 0, hitRate: 0 };
  let abs = 0;
  let sq = 0;
  let ape = 0;
  let err = 0;
  let hits = 0;
  for (const { f, a } of pairs) {
    const e = f - a;
    abs += Math.abs(e);
    sq += e * e;
    ape += a > 0 ? Math.abs(e) / a : 0;
    err += e;
    if (a <= f) hits++;
  }
  return {
    confidence,
    folds: n,
    mae: abs / n,
    rmse: Math.sqrt(sq / n),
    mape: (ape / n) * 100,
    bias: err / n,
    hitRate: (hits / n) * 100,
  };
}

interface BacktestParams {
  tp: number[];
  backlog: number;
  seed: number;
  method: BacktestMethod;
  minTrain: number;
  testSize: number;
  stride: number;
  /** Requested confidence percents, without repeats. */
  levels: number[];
  model: ThroughputModel;
  calendar: BacktestCalendar | null;
}

function backtestParams(input: BacktestInput): BacktestParams {
  const tp = input.tpSamples;
  if (!Array.isArray(tp) || tp.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0)) {
    throw new EngineInputError('tpSamples must be finite numbers ≥ 0', 'tpSamples');
  }
  const backlog = input.backlog;
  if (!(typeof backlog === 'number' && Number.isFinite(backlog) && backlog > 0)) {
    throw new EngineInputError('backlog must be a positive number', 'backlog');
  }
  const seed = requestSeed(input);
  const method: BacktestMethod = input.method ?? 'walk-forward';
  const minTrain = intParam(input.minTrainSize, BACKTEST_DEFAULT_MIN_TRAIN, 'minTrainSize', 1);
  const testSize = intParam(input.testSize, BACKTEST_DEFAULT_TEST_SIZE, 'testSize', 1);
  const stride = intParam(input.foldStride, BACKTEST_DEFAULT_STRIDE, 'foldStride', 1);
  const levels = [...new Set(input.confidenceLevels ?? [85])];
  if (levels.length === 0 || levels.some((l) => !(l > 0 && l <= 100))) {
    throw new EngineInputError('confidenceLevels must be percents in (0, 100]', 'confidenceLevels');
  }
  const model: ThroughputModel = input.throughputModel ?? 'weibull';
  if (model === 'estimate') {
    throw new EngineInputError(
      'backtesting needs a throughput history, not an estimate',
      'throughputModel',
    );
  }
  const calendar = backtestCalendar(input, tp.length);
  return { tp, backlog, seed, method, minTrain, testSize, stride, levels, model, calendar };
}

/**
 * Runs per fold: the requested number, lowered (with a warning) when folds × runs × weeks per
 * run would exceed the budget of simulated weeks.
 */
function runsPerFold(
  requested: number | undefined,
  p: BacktestParams,
  folds: number,
  warnings: EngineWarning[],
): number {
  const runs = intParam(requested, DEFAULT_RUNS, 'numberOfSimulations', 1);
  const n = p.tp.length;
  // Work is folds × runs × weeks per run; estimate the weeks from the whole history's mean.
  const mean = n > 0 ? p.tp.reduce((s, x) => s + x, 0) / n : 0;
  const weeksPerRun = mean > 0 ? Math.min(MAX_WEEKS, Math.ceil(p.backlog / mean) + 1) : MAX_WEEKS;
  const affordable = Math.floor(MAX_TOTAL_DRAWS / Math.max(1, folds * weeksPerRun));
  if (affordable >= runs) return runs;
  const lowered = Math.max(MIN_RUNS, affordable);
  if (lowered >= runs) return runs;
  warnings.push(
    warning('backtestRunsLowered', { folds, weeks: weeksPerRun, from: runs, to: lowered }),
  );
  return lowered;
}

/** Fold `k`, training up to week `end`: its windows, actuals, forecasts and scores. */
function runFold(
  p: BacktestParams,
  k: number,
  end: number,
  runs: number,
  forecastLevels: number[],
  signal?: StopSignal,
): { fold: BacktestFold; fellBack: boolean } {
  const { tp, backlog } = p;
  const start = p.method === 'expanding' ? 0 : end - p.minTrain;
  const cal = p.calendar;
  const usual = cal?.compiled.perWeek ?? 0;
  const isShort = (i: number) => cal !== null && cal.weekDays[i] < usual;
  let train = tp.slice(start, end);
  let shortTrainingWeeks = 0;
  for (let i = start; i < end; i++) if (isShort(i)) shortTrainingWeeks++;
  if (cal?.excludeShort) train = train.filter((_, j) => !isShort(start + j));
  const test = tp.slice(end, end + p.testSize);
  const trainMean = train.length > 0 ? train.reduce((s, x) => s + x, 0) / train.length : 0;
  const testMean = test.reduce((s, x) => s + x, 0) / test.length;
  const fold: BacktestFold = {
    index: k,
    trainStart: start,
    trainEnd: end,
    testEnd: end + p.testSize,
    trainMean,
    forecasts: {},
    actual: testMean > 0 ? backlog / testMean : null,
    hits: {},
    completionWeeks: completionWeeks(tp, end, backlog),
    coverageScores: {},
    claimedProbability: {},
    skipped: null,
  };
  // The fold's future on the calendar: the weeks after its training window.
  const future = cal === null ? null : shiftCalendar(cal.compiled, end * 7);
  if (cal !== null && future !== null) {
    fold.shortTrainingWeeks = shortTrainingWeeks;
    fold.completionDate =
      fold.completionWeeks === null ? null : lastWorkingDayOfWeek(future, fold.completionWeeks);
  }
  if (!train.some((x) => x > 0)) {
    fold.skipped = 'no positive week in the training window';
    return { fold, fellBack: false };
  }
  const sampler = createThroughputSampler({ tpSamples: train, throughputModel: p.model });
  const rng = createRng(p.seed, k);
  const plan = future === null ? null : thinningPlan(future, MAX_WEEKS, sampler.table);
  // Without a short week ahead, the fold draws exactly as without a calendar.
  const dist =
    plan === null || plan.shortWeeks === 0
      ? weeksToFinish(sampler.table, backlog, runs, rng, 1, MAX_WEEKS, signal)
      : thinnedWeeksToFinish(sampler.table, backlog, runs, rng, 1, plan, signal);
  for (const q of forecastLevels) fold.forecasts[String(q)] = weeksPercentile(dist, q / 100);
  if (future !== null) {
    fold.forecastDates = {};
    for (const q of forecastLevels) {
      // A fractional percentile falls within its week: dated by that week's last working day.
      const weeks = Math.ceil(fold.forecasts[String(q)] - 1e-9);
      fold.forecastDates[String(q)] = lastWorkingDayOfWeek(future, weeks);
    }
  }
  if (fold.actual !== null) {
    for (const q of p.levels) fold.hits[String(q)] = fold.actual <= fold.forecasts[String(q)];
  } else fold.skipped = 'test window without throughput';
  if (fold.completionWeeks !== null) {
    for (const q of BACKTEST_CALIBRATION_LEVELS) {
      const key = String(q);
      fold.coverageScores[key] = coverageScore(
        dist.counts,
        dist.runs,
        fold.completionWeeks,
        q / 100,
      );
      fold.claimedProbability[key] = cdfFromCounts(dist.counts, dist.runs, fold.forecasts[key]);
    }
  }
  return { fold, fellBack: sampler.model !== p.model };
}

/** Coverage, band and verdict at one calibration level over the folds with a completion. */
function calibrationLevel(
  q: number,
  calibrated: BacktestFold[],
  effective: number,
): CalibrationLevel {
  const key = String(q);
  const m = calibrated.length;
  let hits = 0;
  let claimed = 0;
  let score = 0;
  for (const f of calibrated) {
    if ((f.completionWeeks as number) <= f.forecasts[key]) hits++;
    claimed += f.claimedProbability[key];
    score += f.coverageScores[key];
  }
  const band = binomialBand(q / 100, effective);
  const coverage = m > 0 ? score / m : 0;
  return {
    confidence: q,
    nominal: q,
    folds: m,
    hitRate: m > 0 ? (hits / m) * 100 : 0,
    expectedHitRate: m > 0 ? (claimed / m) * 100 : 0,
    coverage: coverage * 100,
    band: { low: band.low * 100, high: band.high * 100 },
    verdict: m > 0 ? calibrationVerdict(coverage, band, effective) : 'insufficient data',
  };
}

/**
 * One verdict for the whole table: a model whose P85 holds but whose P50 holds 93 % of the time
 * is not "calibrated". The level farthest outside its band (in points) names the verdict, so a
 * mixed table (one level over, one under) reports its worst miss.
 */
export function overallVerdict(
  levels: readonly CalibrationLevel[],
): Pick<BacktestCalibration, 'verdict' | 'verdictLevel'> {
  if (levels.length === 0 || levels.some((l) => l.verdict === 'insufficient data')) {
    return { verdict: 'insufficient data', verdictLevel: null };
  }
  let worst: CalibrationLevel | null = null;
  let worstGap = 0;
  for (const l of levels) {
    if (l.verdict === 'calibrated') continue;
    const gap = l.coverage < l.band.low ? l.band.low - l.coverage : l.coverage - l.band.high;
    if (worst === null || gap > worstGap) {
      worst = l;
      worstGap = gap;
    }
  }
  return worst === null
    ? { verdict: 'calibrated', verdictLevel: null }
    : { verdict: worst.verdict, verdictLevel: worst.confidence };
}

/** The folds scored against the weeks the history really took. */
function calibrationOf(
  forecastable: BacktestFold[],
  backlog: number,
  forecastLevels: readonly number[],
  warnings: EngineWarning[],
): BacktestCalibration {
  const calibrated = forecastable.filter((f) => f.completionWeeks !== null);
  const effective = effectiveFoldCount(
    calibrated.map((f) => f.trainEnd),
    calibrated.map((f) => f.completionWeeks as number),
  );
  const levels = BACKTEST_CALIBRATION_LEVELS.map((q) => calibrationLevel(q, calibrated, effective));
  const metrics = forecastLevels.map((q) =>
    levelMetrics(
      q,
      calibrated.map((f) => ({ f: f.forecasts[String(q)], a: f.completionWeeks as number })),
    ),
  );
  const skipped = forecastable.length - calibrated.length;
  if (skipped > 0) {
    warnings.push(warning('calibrationSkippedFolds', { folds: skipped, backlog }));
  }
  if (calibrated.length > 0 && effective < 10) {
    warnings.push(
      warning('calibrationFewPeriods', { periods: Math.max(1, Math.round(effective)) }),
    );
  }
  return {
    folds: calibrated.length,
    skippedFolds: skipped,
    effectiveFolds: effective,
    levels,
    metrics,
    ...overallVerdict(levels),
  };
}

export function backtest(input: BacktestInput, opts: { signal?: StopSignal } = {}): BacktestResult {
  const p = backtestParams(input);
  const { tp, backlog, levels, model, minTrain, testSize } = p;
  const n = tp.length;
  const warnings: EngineWarning[] = [];

  const foldEnds: number[] = [];
  for (let i = minTrain; i < n - testSize + 1; i += p.stride) foldEnds.push(i);
  const runs = runsPerFold(input.numberOfSimulations, p, foldEnds.length, warnings);
  if (foldEnds.length === 0) {
    warnings.push(
      warning('backtestHistoryTooShort', { weeks: n, train: minTrain, test: testSize }),
    );
  }

  const forecastLevels = [...new Set([...levels, ...BACKTEST_CALIBRATION_LEVELS])].sort(
    (a, b) => a - b,
  );
  const folds: BacktestFold[] = [];
  let fallbacks = 0;
  foldEnds.forEach((end, k) => {
    const { fold, fellBack } = runFold(p, k, end, runs, forecastLevels, opts.signal);
    folds.push(fold);
    if (fellBack) fallbacks++;
  });
  if (fallbacks > 0) {
    warnings.push(warning('backtestBootstrapFallback', { folds: fallbacks, model }));
  }
  if (foldEnds.length > 0 && minTrain < 6 && p.method === 'walk-forward') {
    warnings.push(warning('backtestShortTraining', { weeks: minTrain }));
  }

  const forecastable = folds.filter((f) => Object.keys(f.forecasts).length > 0);
  const classic = forecastable.filter((f) => f.actual !== null);
  const metrics = levels.map((q) =>
    levelMetrics(
      q,
      classic.map((f) => ({ f: f.forecasts[String(q)], a: f.actual as number })),
    ),
  );
  const calibration = calibrationOf(forecastable, backlog, forecastLevels, warnings);
  warnings.push(...driftWarnings(tp));

  return {
    method: p.method,
    backlog,
    seed: p.seed,
    throughputModel: model,
    numberOfSimulations: runs,
    minTrainSize: minTrain,
    testSize,
    foldStride: p.stride,
    confidenceLevels: levels,
    foldCount: folds.length,
    skippedFolds: folds.length - classic.length,
    folds,
    metrics,
    calibration,
    ...warningFields(warnings),
    calendar:
      p.calendar !== null && input.calendar !== undefined
        ? summariseCalendar(
            input.calendar,
            p.calendar.compiled,
            lastWorkingDayOfWeek(p.calendar.compiled, n),
          )
        : null,
    ...(p.calendar !== null ? { weekWorkingDays: p.calendar.weekDays } : {}),
  };
}
