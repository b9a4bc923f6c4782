/**
 * "When will N items be done?" with the team's throughput as is: one contributor, no S-curve,
 * lead times, splits or risks (the original's `simulate_throughput_forecast`).
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { WhenInput } from './inputs';
import type { DiscreteTable } from './discrete-sampler';
import {
  weeksUntilDone,
  countThinnedWeeks,
  thinnedBatchable,
  weeksUntilDoneThinned,
  weeksUntilDoneThinnedWithItemsBy,
  weeksUntilDoneWithItemsBy,
} from './draw-loops';
import {
  datesUnlessBeyond,
  finishedMoments,
  runsFinished,
  type RunsFinished,
} from './beyond-max-weeks';
import {
  compileCalendar,
  lastWorkingDayOfWeek,
  summariseCalendar,
  thinningPlan,
  type ThinningPlan,
  workingDayDate,
  type CalendarSummary,
  type CompiledCalendar,
  type Resolution,
} from './calendar';
import type { RandomSource } from './prng';
import { createRng, requestSeed } from './prng';
import { createThroughputSampler, type ThroughputSampler } from './throughput';
import { mapPercentiles, percentileFromCounts, percentileStats } from './percentile';
import { addWeeks, parseDate } from './dates';
import { EngineInputError, STOP_CHECK_MASK, abortError } from './errors';
import type { StopSignal } from './errors';
import { roundTo } from './round';
import { DEFAULT_MAX_WEEKS, DEFAULT_SIMULATIONS, MAX_SIMULATIONS } from './simulation-plan';
import type { PercentileInterval, PercentileStats } from './percentile';
import { intervalFromCounts, percentileIntervals } from './percentile';

/** Weeks each run took, as counts: counts[w] runs took w weeks (unfinished runs count at maxWeeks). */
export interface WeeksDistribution {
  counts: Uint32Array;
  runs: number;
  unfinished: number;
  /** With `itemsByWeek`: each run's items of the backlog done after that many weeks. */
  itemsBy?: Float64Array;
}

/**
 * The core of every throughput-only forecast (also used by backtesting): `runs` times, draw
 * weeks until `backlog` items are done, each week's draw scaled by `focus`, stopping at
 * `maxWeeks`. The table must be able to draw a positive value (see createThroughputSampler).
 */
export function weeksToFinish(
  sampler: DiscreteTable,
  backlog: number,
  runs: number,
  rng: RandomSource,
  focus = 1,
  maxWeeks = DEFAULT_MAX_WEEKS,
  signal?: StopSignal,
  itemsByWeek?: number,
): WeeksDistribution {
  return countWeeks(
    runs,
    maxWeeks,
    signal,
    itemsByWeek,
    () => weeksUntilDone(rng, sampler, backlog, focus, maxWeeks),
    (byWeek) => weeksUntilDoneWithItemsBy(rng, sampler, backlog, focus, maxWeeks, byWeek),
  );
}

/**
 * Runs `one` (or, with `itemsByWeek`, `withItemsBy`) `runs` times and counts the weeks each run
 * took; a run that gave up (-1) counts at `cap`. One loop for the plain and the calendar paths.
 */
function countWeeks(
  runs: number,
  cap: number,
  signal: StopSignal | undefined,
  itemsByWeek: number | undefined,
  one: () => number,
  withItemsBy: (byWeek: number) => { weeks: number; itemsBy: number },
): WeeksDistribution {
  const counts = new Uint32Array(cap + 1);
  let unfinished = 0;
  const itemsBy = itemsByWeek === undefined ? undefined : new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    // A run may go on to the cap whatever the mean throughput: the caller's budget applies.
    if ((r & STOP_CHECK_MASK) === 0 && signal?.aborted) throw abortError();
    let weeks: number;
    if (itemsBy !== undefined && itemsByWeek !== undefined) {
      const run = withItemsBy(itemsByWeek);
      weeks = run.weeks;
      itemsBy[r] = run.itemsBy;
    } else weeks = one();
    if (weeks < 0) {
      unfinished++;
      counts[cap]++;
    } else counts[weeks]++;
  }
  return { counts, runs, unfinished, itemsBy };
}

/** Percentile p (0–1) of a weeks distribution. */
export function weeksPercentile(d: WeeksDistribution, p: number): number {
  return percentileFromCounts(d.counts, d.runs, p);
}

export function percentileStatsOf(d: WeeksDistribution): PercentileStats {
  return percentileStats((p) => weeksPercentile(d, p));
}

export interface WhenResult extends RunsFinished {
  percentile_stats: PercentileStats;
  /** Each percentile's 95 % sampling interval from the runs' order statistics (trust rules). */
  percentileIntervals: Record<keyof PercentileStats, PercentileInterval>;
  /**
   * Mean weeks over the runs that finished (`finishedShare` says how many), one decimal; null
   * when none finished: a stopped run has no duration to average.
   */
  mean: number | null;
  /** Population standard deviation of the finished runs' weeks, one decimal; null likewise. */
  std: number | null;
  /** In the daily model `weeks` is working days over working days per week (2 decimals). */
  histogram: { weeks: number; count: number; workingDays?: number }[];
  /**
   * Start + weeks per percentile (fractional weeks become whole days), with a startDate. With a
   * calendar: the last working day of the completion week (weekly model) or the completion
   * working day (daily model). Null for a percentile beyond maxWeeks (a cap is never a date).
   */
  completionDates: Record<keyof PercentileStats, string | null> | null;
  resolution: Resolution;
  /** Daily model only: percentiles in working days (percentile_stats are then in weeks). */
  workingDays: PercentileStats | null;
  /** The calendar applied, with its days off up to the P95 date; null without one. */
  calendar: CalendarSummary | null;
  backlog: number;
  throughput: { model: ThroughputSampler['model']; meanPerWeek: number };
  numberOfSimulations: number;
  unfinishedRuns: number;
  seed: number;
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
}

export function forecastWhen(input: WhenInput, opts: { signal?: StopSignal } = {}): WhenResult {
  return runWhen(input, opts).result;
}

/**
 * forecastWhen, also giving each run's items done after `itemsByWeek` weeks (for deadline
 * analysis: its scope that fits and its probability come from the same runs), and the date
 * rule of the result (a calendar's completion day, or start + weeks), so a caller dates any
 * other week count the same way.
 */
export function runWhen(
  input: WhenInput,
  opts: { signal?: StopSignal; itemsByWeek?: number } = {},
): {
  result: WhenResult;
  itemsBy: Float64Array | undefined;
  dateOfWeeks: ((weeks: number) => string) | null;
} {
  const t = whenTerms(input);
  const { sampler, seed, backlog, n, maxWeeks, resolution, calendarIn, compiled } = t;
  const d = drawWeeks(t, opts);
  const steps = percentileStatsOf(d);
  const daily = compiled !== null && resolution === 'day';
  const perWeek = daily && compiled !== null ? compiled.perWeek : 1;
  const stats: PercentileStats = daily ? mapStats(steps, (v) => roundTo(v / perWeek, 1)) : steps;
  const histogram = weeksHistogram(d.counts, daily ? perWeek : null);
  const moments = finishedMoments(d.counts, d.unfinished);
  const warnings = [...sampler.warnings];
  // Every run done at step 0: an empty backlog, said as such rather than "within 0 weeks".
  if (n > 0 && d.counts[0] === n) warnings.unshift(warning('emptyBacklog', {}));
  if (d.unfinished > 0) {
    warnings.push(warning('unfinishedRuns', { unfinished: d.unfinished, runs: n, maxWeeks }));
  }
  const finished = runsFinished(n, d.unfinished, maxWeeks);
  const dating = t.start === null ? null : completionDating(t.start, compiled, daily, steps);
  const p95Date = dating === null ? null : dating.p95Date;
  const result: WhenResult = {
    percentile_stats: stats,
    percentileIntervals: percentileIntervals((p) => {
      const iv = intervalFromCounts(d.counts, n, p);
      return daily
        ? { low: roundTo(iv.low / perWeek, 1), high: roundTo(iv.high / perWeek, 1) }
        : iv;
    }),
    mean: moments === null ? null : roundTo(moments.mean / perWeek, 1),
    std: moments === null ? null : roundTo(moments.sd / perWeek, 1),
    histogram,
    completionDates:
      dating === null ? null : datesUnlessBeyond(dating.at, steps, finished.beyondMaxWeeks),
    backlog,
    throughput: { model: sampler.model, meanPerWeek: sampler.mean },
    numberOfSimulations: n,
    unfinishedRuns: d.unfinished,
    seed,
    resolution,
    workingDays: daily ? steps : null,
    calendar:
      compiled !== null && calendarIn !== undefined && p95Date !== null
        ? summariseCalendar(calendarIn, compiled, p95Date)
        : null,
    ...finished,
    ...warningFields(warnings),
  };
  return { result, itemsBy: d.itemsBy, dateOfWeeks: dating === null ? null : dating.dateOfWeeks };
}

/** A When question checked: its sampler, seed, backlog, focus, runs, horizon and calendar. */
interface WhenTerms {
  sampler: ThroughputSampler;
  seed: number;
  backlog: number;
  focus: number;
  n: number;
  maxWeeks: number;
  start: string | null;
  resolution: Resolution;
  calendarIn: WhenInput['calendar'];
  compiled: CompiledCalendar | null;
}

function whenTerms(input: WhenInput): WhenTerms {
  const sampler = createThroughputSampler(input);
  const seed = requestSeed(input);
  const backlog = input.backlog;
  if (
    typeof backlog !== 'number' ||
    !Number.isFinite(backlog) ||
    backlog < 0 ||
    backlog > 1_000_000
  ) {
    throw new EngineInputError('backlog must be between 0 and 1,000,000', 'backlog');
  }
  const focus = input.teamFocus ?? 1;
  if (!(focus > 0 && focus <= 1))
    throw new EngineInputError('teamFocus must be in (0, 1]', 'teamFocus');
  const n = input.numberOfSimulations ?? input.nSimulations ?? DEFAULT_SIMULATIONS;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_SIMULATIONS)) {
    throw new EngineInputError(
      'numberOfSimulations must be an integer from 1 to 1,000,000',
      'numberOfSimulations',
    );
  }
  const maxWeeks = input.maxWeeks ?? DEFAULT_MAX_WEEKS;
  if (!(Number.isInteger(maxWeeks) && maxWeeks >= 1 && maxWeeks <= 100_000)) {
    throw new EngineInputError('maxWeeks must be an integer from 1 to 100,000', 'maxWeeks');
  }
  let start: string | null = null;
  if (input.startDate !== undefined && input.startDate !== null) {
    start = parseDate(input.startDate);
    if (start === null) throw new EngineInputError('startDate is not a date', 'startDate');
  }

  const resolution: Resolution = input.resolution ?? 'week';
  const calendarIn = input.calendar ?? (resolution === 'day' ? {} : undefined);
  let compiled: CompiledCalendar | null = null;
  if (calendarIn !== undefined) {
    if (start === null) {
      throw new EngineInputError('startDate is needed with a calendar', 'startDate');
    }
    compiled = compileCalendar(calendarIn, start, maxWeeks * 7);
    if (compiled.workingOffsets.length === 0) {
      throw new EngineInputError('calendar has no working day', 'calendar.workingDays');
    }
  }
  return { sampler, seed, backlog, focus, n, maxWeeks, start, resolution, calendarIn, compiled };
}

/** The runs' weeks to finish: weekly, over a calendar's working days, or thinned by short weeks. */
function drawWeeks(
  t: WhenTerms,
  opts: { signal?: StopSignal; itemsByWeek?: number },
): WeeksDistribution {
  const { sampler, backlog, n, focus, maxWeeks, compiled } = t;
  const rng = createRng(t.seed, 0);
  let horizon = maxWeeks;
  let itemsBy = opts.itemsByWeek;
  if (compiled !== null && t.resolution === 'day') {
    // Every working day is a full one: the daily model is the weekly loop over working days.
    horizon = compiled.workingOffsets.length;
    itemsBy = itemsBy === undefined ? undefined : itemsBy * compiled.perWeek;
  } else if (compiled !== null) {
    const plan = thinningPlan(compiled, maxWeeks, sampler.table);
    // Without a short week in reach the runs are exactly today's (same draws).
    if (plan.shortWeeks > 0) {
      return thinnedWeeksToFinish(
        sampler.table,
        backlog,
        n,
        rng,
        focus,
        plan,
        opts.signal,
        itemsBy,
      );
    }
  }
  return weeksToFinish(sampler.table, backlog, n, rng, focus, horizon, opts.signal, itemsBy);
}

/** Histogram of the runs' steps (in weeks, or working days over `perWeek`). */
function weeksHistogram(
  counts: ArrayLike<number>,
  perWeek: number | null,
): WhenResult['histogram'] {
  let first = -1;
  let last = -1;
  for (let w = 0; w < counts.length; w++) {
    if (counts[w] === 0) continue;
    if (first < 0) first = w;
    last = w;
  }
  const histogram: WhenResult['histogram'] = [];
  for (let w = first; w <= last; w++) {
    histogram.push(
      perWeek !== null
        ? { weeks: roundTo(w / perWeek, 2), count: counts[w], workingDays: w }
        : { weeks: w, count: counts[w] },
    );
  }
  return histogram;
}

/** The date rule of a result with a start date, its P95 date, and weeks → date for callers. */
function completionDating(
  s: string,
  c: CompiledCalendar | null,
  daily: boolean,
  steps: PercentileStats,
): { at: (steps: number) => string; p95Date: string; dateOfWeeks: (weeks: number) => string } {
  // A percentile between two steps is dated by the later one: a date is reached on a whole
  // working day or at the end of a whole week.
  const at =
    c === null
      ? (w: number) => addWeeks(s, w)
      : daily
        ? (k: number) => workingDayDate(c, Math.ceil(k - 1e-9))
        : (w: number) => lastWorkingDayOfWeek(c, Math.ceil(w - 1e-9));
  return {
    at,
    p95Date: at(steps.p95),
    dateOfWeeks: daily && c !== null ? (w: number) => at(w * c.perWeek) : at,
  };
}

function mapStats<T>(s: PercentileStats, f: (v: number) => T): Record<keyof PercentileStats, T> {
  return mapPercentiles((k) => f(s[k]));
}

/** `weeksToFinish` with a calendar's thinning plan (see weeksUntilDoneThinned). */
export function thinnedWeeksToFinish(
  sampler: DiscreteTable,
  backlog: number,
  runs: number,
  rng: RandomSource,
  focus: number,
  plan: ThinningPlan,
  signal?: StopSignal,
  itemsByWeek?: number,
): WeeksDistribution {
  if (itemsByWeek === undefined && thinnedBatchable(rng, plan) && plan.tables !== null) {
    // Batches between the same stop checks as countWeeks makes, with the same draws.
    const counts = new Uint32Array(plan.days.length + 1);
    let unfinished = 0;
    for (let r = 0; r < runs; r += STOP_CHECK_MASK + 1) {
      if (signal?.aborted) throw abortError();
      const batch = Math.min(STOP_CHECK_MASK + 1, runs - r);
      unfinished += countThinnedWeeks(rng, backlog, focus, plan.tables, batch, counts);
    }
    return { counts, runs, unfinished, itemsBy: undefined };
  }
  return countWeeks(
    runs,
    plan.days.length,
    signal,
    itemsByWeek,
    () => weeksUntilDoneThinned(rng, sampler, backlog, focus, plan),
    (byWeek) => weeksUntilDoneThinnedWithItemsBy(rng, sampler, backlog, focus, plan, byWeek),
  );
}
