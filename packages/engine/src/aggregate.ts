/**
 * Merging simulation batches and turning the merged histograms into the API's result.
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { SimulationPlan } from './simulation-plan';
import type { KeptRuns, SimulationBatch } from './simulate-run';
import {
  errorRate,
  mapPercentiles,
  percentileFromCounts,
  percentileSorted,
  percentileStats,
} from './percentile';
import type { PercentileInterval, PercentileStats } from './percentile';
import { intervalFromCounts, percentileIntervals } from './percentile';
import { roundHalfEven, roundTo } from './round';
import { addWeeks } from './dates';
import { calendarDates, compileCalendar, workingDayDate, type CalendarSummary } from './calendar';
import { burnDownBands, type BurnDownBand } from './burn-down';
import { inputStats, type InputStats } from './input-stats';
import { howManyTableFromCounts, type HowManyTable } from './how-many';
import { ITEMS_30_DAYS_WEEKS } from './simulate-run';
import {
  datesUnlessBeyond,
  finishedMoments,
  maskBeyond,
  isBeyondMaxWeeks,
  runsFinished,
  type RunsFinished,
} from './beyond-max-weeks';
import type { ThroughputModel } from './inputs';
import type { WeibullParams } from './weibull';

export type { PercentileStats } from './percentile';

export interface ResultsTableRow {
  /** Percent of runs that finished within this row's figures. */
  Likelihood: number;
  Duration: number;
  TotalTasks: number;
  Effort: number;
  LT: number;
  /** The row reads runs stopped at maxWeeks: its weeks and effort are "more than", not forecasts. */
  beyondMaxWeeks: boolean;
  /**
   * The row's date, reckoned as `completionDates` and the headline are (on the calendar's working
   * days when there is one), so a table never disagrees with them; null without a startDate or
   * beyond maxWeeks. Absent from results made before it was added.
   */
  Date?: string | null;
}

export interface RunSummary {
  totalTasks: number;
  durationInCalendarWeeks: number;
  leadTime: number;
  effortWeeks: number;
}

export interface SimulationResult extends RunsFinished {
  /** Weeks; Pn = n % of runs finished within this many weeks. */
  percentile_stats: PercentileStats;
  /** Each weeks percentile's 95 % sampling interval from the runs' order statistics. */
  percentileIntervals: Record<keyof PercentileStats, PercentileInterval>;
  resultsTable: ResultsTableRow[];
  /**
   * Runs per duration in weeks, every week from the shortest to the longest finished run; the
   * runs stopped at maxWeeks come last as one entry marked `unfinished` (a cap, not a week).
   */
  histogram: { weeks: number; count: number; unfinished?: true }[];
  burnDownBands: BurnDownBand[];
  /** Items per burn-down bin (1 = exact; see the README). */
  burnDownBinWidth: number;
  /** Start + the percentile's weeks, when a startDate was given; null where beyond maxWeeks. */
  completionDates: Record<keyof PercentileStats, string | null> | null;
  /** The calendar the dates count working days of, with its days off; null without one. */
  calendar: CalendarSummary | null;
  /** Person-weeks. */
  effort: PercentileStats;
  /**
   * True when no team size was given, so effort is one person's weeks (the trust rules: effort
   * is shown with a team size or labelled "for one person").
   */
  effortForOnePerson: boolean;
  cost: (PercentileStats & { currency: string; costPerPersonWeek: number }) | null;
  totalTasks: PercentileStats;
  /** Days; null without lead-time samples. */
  leadTime: PercentileStats | null;
  /**
   * Mean and SD of weeks over the runs that finished (`finishedShare` says how many): the
   * stopped runs have no duration to average. Null when no run finished.
   */
  meanWeeks: number | null;
  sdWeeks: number | null;
  /** The percentile the summary sentence headlines (`confidence`, default 0.85). */
  headline: {
    confidence: number;
    weeks: number;
    effortPersonWeeks: number;
    date: string | null;
    /** The headline percentile reads runs stopped at maxWeeks: "more than maxWeeks". */
    beyondMaxWeeks: boolean;
  };
  input_stats: InputStats;
  tpErrorRate: number;
  ltErrorRate: number;
  /** Items of each run's own total done after ceil(30/7) weeks, from the same runs. */
  items_forecast_30_days: HowManyTable;
  throughput: {
    model: ThroughputModel;
    requestedModel: ThroughputModel;
    weibull: WeibullParams | null;
    zeroShare: number | null;
    meanPerWeek: number;
  };
  team: {
    minContributors: number;
    maxContributors: number;
    historicalTeamSize: number;
    teamFocus: number;
  };
  numberOfSimulations: number;
  unfinishedRuns: number;
  seed: number;
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
  runs?: RunSummary[];
  burnDowns?: number[][];
}

/** Running totals of merged batches; memory depends on output ranges, not on the run count. */
export interface SimulationAccumulator {
  runs: number;
  unfinished: number;
  weeks: Float64Array;
  tasksCounts: Float64Array;
  tasksValues: Float64Array[];
  effortCounts: Float64Array;
  effortValues: Float64Array[];
  leadTimes: Float64Array[];
  burnDown: Float64Array;
  burnDownRows: number;
  finishedAt: Float64Array;
  itemsBy30Days: Float64Array;
  kept: KeptRuns[];
}

export function createAccumulator(): SimulationAccumulator {
  return {
    runs: 0,
    unfinished: 0,
    weeks: new Float64Array(0),
    tasksCounts: new Float64Array(0),
    tasksValues: [],
    effortCounts: new Float64Array(0),
    effortValues: [],
    leadTimes: [],
    burnDown: new Float64Array(0),
    burnDownRows: 0,
    finishedAt: new Float64Array(0),
    itemsBy30Days: new Float64Array(0),
    kept: [],
  };
}

function addCounts(into: Float64Array, from: ArrayLike<number>): Float64Array {
  let last = from.length - 1;
  while (last >= 0 && from[last] === 0) last--;
  const out = last + 1 > into.length ? growTo(into, last + 1) : into;
  for (let i = 0; i <= last; i++) out[i] += from[i];
  return out;
}

function growTo(a: Float64Array, length: number): Float64Array {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}

/** Adds one batch. Batches must be added in batch order for `includeRuns` output. */
export function addBatch(
  acc: SimulationAccumulator,
  plan: SimulationPlan,
  batch: SimulationBatch,
): void {
  acc.runs += batch.runs;
  acc.unfinished += batch.unfinished;
  acc.weeks = addCounts(acc.weeks, batch.weeks);
  if (plan.tasksAsCounts) acc.tasksCounts = addCounts(acc.tasksCounts, batch.tasks);
  else acc.tasksValues.push(batch.tasks as Float64Array);
  if (plan.effortAsCounts) acc.effortCounts = addCounts(acc.effortCounts, batch.effort);
  else acc.effortValues.push(batch.effort as Float64Array);
  if (batch.leadTimes.length > 0) acc.leadTimes.push(batch.leadTimes);
  if (batch.burnDownRows > acc.burnDownRows) {
    acc.burnDown = growTo(acc.burnDown, batch.burnDownRows * plan.burnDownBins);
    acc.burnDownRows = batch.burnDownRows;
  }
  for (let i = 0; i < batch.burnDown.length; i++) acc.burnDown[i] += batch.burnDown[i];
  acc.finishedAt = addCounts(acc.finishedAt, batch.finishedAt);
  acc.itemsBy30Days = addCounts(acc.itemsBy30Days, batch.itemsBy30Days);
  if (batch.kept) acc.kept.push(batch.kept);
}

function concatSorted(chunks: Float64Array[]): Float64Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Float64Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out.sort();
}

/** A percentile function over either a count histogram or sorted values. */
type Quantile = (p: number) => number;

function countsQuantile(counts: Float64Array, total: number): Quantile {
  return (p) => percentileFromCounts(counts, total, p);
}

function sortedQuantile(sorted: Float64Array): Quantile {
  return (p) => percentileSorted(sorted, p);
}

function mapStats(s: PercentileStats, f: (v: number) => number): PercentileStats {
  return mapPercentiles((k) => f(s[k]));
}

/** The merged outputs as percentile functions. */
interface Quantiles {
  weeks: Quantile;
  tasks: Quantile;
  effort: Quantile;
  /** Sorted per-run lead times; null without lead-time samples. */
  leadTimes: Float64Array | null;
  leadTime: Quantile;
}

function quantilesOf(plan: SimulationPlan, acc: SimulationAccumulator): Quantiles {
  const n = acc.runs;
  const lt = acc.leadTimes.length > 0 ? concatSorted(acc.leadTimes) : null;
  return {
    weeks: countsQuantile(acc.weeks, n),
    tasks: plan.tasksAsCounts
      ? countsQuantile(acc.tasksCounts, n)
      : sortedQuantile(concatSorted(acc.tasksValues)),
    effort: plan.effortAsCounts
      ? countsQuantile(acc.effortCounts, n)
      : sortedQuantile(concatSorted(acc.effortValues)),
    leadTimes: lt,
    leadTime: lt ? sortedQuantile(lt) : () => 0,
  };
}

/**
 * The date rule of the result's dates for any week count: the calendar's working days (as
 * `calendarDates` counts them) or start + weeks; null without a start date.
 */
function tableDating(plan: SimulationPlan, mostWeeks: number): ((weeks: number) => string) | null {
  const start = plan.startDate;
  if (start === null) return null;
  if (plan.calendar === null) return (w) => addWeeks(start, w);
  // The same horizon rule as calendarDates, for the longest row (the worst run).
  const c = compileCalendar(
    plan.calendar,
    start,
    Math.min(36_500, Math.ceil(mostWeeks * 14) + 366),
  );
  return (w) => workingDayDate(c, Math.ceil(w * c.perWeek - 1e-9));
}

function resultsTableOf(
  q: Quantiles,
  runs: number,
  unfinished: number,
  dateOf: ((weeks: number) => string) | null,
): ResultsTableRow[] {
  const rows: ResultsTableRow[] = [];
  for (let L = 100; L >= 0; L -= 5) {
    // [fix] the L % row reads the L percentile (the original read 100 − L).
    const p = L / 100;
    const beyond = isBeyondMaxWeeks(runs, unfinished, p);
    rows.push({
      Likelihood: L,
      Duration: roundHalfEven(q.weeks(p)),
      TotalTasks: roundHalfEven(q.tasks(p)),
      Effort: roundHalfEven(q.effort(p)),
      LT: roundHalfEven(q.leadTime(p)),
      beyondMaxWeeks: beyond,
      // The unrounded weeks, as the headline and completionDates are dated.
      Date: dateOf === null || beyond ? null : dateOf(q.weeks(p)),
    });
  }
  return rows;
}

/** Every week from the shortest to the longest run. */
function weeksHistogram(weeks: Float64Array): { weeks: number; count: number }[] {
  const histogram: { weeks: number; count: number }[] = [];
  let firstWeek = -1;
  let lastWeek = -1;
  for (let w = 0; w < weeks.length; w++) {
    if (weeks[w] > 0) {
      if (firstWeek < 0) firstWeek = w;
      lastWeek = w;
    }
  }
  for (let w = Math.max(0, firstWeek); w <= lastWeek; w++) {
    histogram.push({ weeks: w, count: weeks[w] });
  }
  return histogram;
}

/**
 * The histogram with its stopped runs apart: they are the `unfinished` longest runs (stopped
 * runs sort last, as `isBeyondMaxWeeks` reads them), taken off the top and given as one entry
 * at maxWeeks marked `unfinished`, so no chart shows them as finishing in a week.
 */
function splitStopped(
  histogram: { weeks: number; count: number }[],
  unfinished: number,
  maxWeeks: number,
): SimulationResult['histogram'] {
  if (unfinished <= 0) return histogram;
  const out: SimulationResult['histogram'] = histogram.map((h) => ({ ...h }));
  let left = unfinished;
  while (left > 0 && out.length > 0) {
    const last = out[out.length - 1];
    const take = Math.min(left, last.count);
    last.count -= take;
    left -= take;
    if (last.count === 0) out.pop();
  }
  out.push({ weeks: maxWeeks, count: unfinished, unfinished: true });
  return out;
}

function calendarOf(plan: SimulationPlan, weeks: PercentileStats, headlineWeeks: number) {
  if (plan.calendar === null || plan.startDate === null) return null;
  const { dates, summary } = calendarDates(plan.calendar, plan.startDate, {
    ...weeks,
    headline: headlineWeeks,
  });
  const { headline, ...percentiles } = dates;
  return { dates: percentiles, headline, summary };
}

/** The plan's warnings, then those only the merged runs can tell. */
function resultWarnings(
  plan: SimulationPlan,
  acc: SimulationAccumulator,
  tpErrorRate: number,
  ltErrorRate: number,
): EngineWarning[] {
  const warnings = [...plan.warnings];
  // Every run done in week 0: there was no work (an empty backlog and no risk adding any).
  if (acc.runs > 0 && acc.weeks[0] === acc.runs) warnings.unshift(warning('emptyBacklog', {}));
  if (tpErrorRate > 25) {
    warnings.push(warning('throughputErrorRate', { rate: tpErrorRate }));
  }
  if (ltErrorRate > 25) {
    warnings.push(warning('leadTimeErrorRate', { rate: ltErrorRate }));
  }
  if (plan.leadTimes.length > 0 && plan.leadTimes.length < 6) {
    warnings.push(warning('fewLeadTimes', { count: plan.leadTimes.length }));
  }
  if (acc.unfinished > 0) {
    warnings.push(
      warning('unfinishedRuns', {
        unfinished: acc.unfinished,
        runs: acc.runs,
        maxWeeks: plan.maxWeeks,
      }),
    );
  }
  return warnings;
}

function costOf(plan: SimulationPlan, effort: PercentileStats): SimulationResult['cost'] {
  const perWeek = plan.costPerPersonWeek;
  if (perWeek === null) return null;
  return {
    ...mapStats(effort, (e) => roundTo(e * perWeek, 2)),
    currency: plan.currency,
    costPerPersonWeek: perWeek,
  };
}

/** The 30-day how-many table from the runs' own items-done counts (never above their total). */
function itemsForecast30Days(counts: Float64Array, n: number): HowManyTable {
  return howManyTableFromCounts(counts, n, 30, ITEMS_30_DAYS_WEEKS);
}

/** The kept first runs (`includeRuns`) as per-run objects and burn-down lists. */
function keptRunsOf(kept: KeptRuns[]): { runs: RunSummary[]; burnDowns: number[][] } {
  const runs: RunSummary[] = [];
  const burnDowns: number[][] = [];
  for (const k of kept) {
    for (let i = 0; i < k.totalTasks.length; i++) {
      runs.push({
        totalTasks: k.totalTasks[i],
        durationInCalendarWeeks: k.durationInCalendarWeeks[i],
        leadTime: k.leadTime[i],
        effortWeeks: k.effortWeeks[i],
      });
    }
    for (let i = 0; i + 1 < k.burnDownOffsets.length; i++) {
      burnDowns.push(
        Array.from(k.burnDownValues.subarray(k.burnDownOffsets[i], k.burnDownOffsets[i + 1])),
      );
    }
  }
  return { runs, burnDowns };
}

export function resultFromAccumulator(
  plan: SimulationPlan,
  acc: SimulationAccumulator,
): SimulationResult {
  const n = acc.runs;
  const q = quantilesOf(plan, acc);
  const histogram = weeksHistogram(acc.weeks);
  const moments = finishedMoments(acc.weeks, acc.unfinished);
  const percentile_stats = percentileStats(q.weeks);
  const effort = percentileStats(q.effort);
  const start = plan.startDate;
  const tpErrorRate = errorRate(plan.tpSamples);
  const ltErrorRate = errorRate(plan.leadTimes);
  const warnings = resultWarnings(plan, acc, tpErrorRate, ltErrorRate);
  const conf = plan.confidence;
  const headlineWeeks = q.weeks(conf);
  const finished = runsFinished(n, acc.unfinished, plan.maxWeeks);
  const headlineBeyond = isBeyondMaxWeeks(n, acc.unfinished, conf);
  const onCalendar = calendarOf(plan, percentile_stats, headlineWeeks);

  const result: SimulationResult = {
    percentile_stats,
    percentileIntervals: percentileIntervals((p) => intervalFromCounts(acc.weeks, n, p)),
    resultsTable: resultsTableOf(q, n, acc.unfinished, tableDating(plan, q.weeks(1))),
    histogram: splitStopped(histogram, acc.unfinished, plan.maxWeeks),
    burnDownBands: burnDownBands(
      acc.burnDown,
      acc.burnDownRows,
      plan.burnDownBins,
      plan.burnDownBinWidth,
      acc.finishedAt,
      plan.burnDownStride,
    ),
    burnDownBinWidth: plan.burnDownBinWidth,
    completionDates: start
      ? onCalendar
        ? maskBeyond(onCalendar.dates, finished.beyondMaxWeeks)
        : datesUnlessBeyond((w) => addWeeks(start, w), percentile_stats, finished.beyondMaxWeeks)
      : null,
    calendar: onCalendar?.summary ?? null,
    effort,
    effortForOnePerson: plan.maxContributors === 1,
    cost: costOf(plan, effort),
    totalTasks: percentileStats(q.tasks),
    leadTime: q.leadTimes ? percentileStats(q.leadTime) : null,
    meanWeeks: moments?.mean ?? null,
    sdWeeks: moments?.sd ?? null,
    headline: {
      confidence: conf,
      weeks: headlineWeeks,
      effortPersonWeeks: q.effort(conf),
      date:
        start === null || headlineBeyond
          ? null
          : onCalendar
            ? onCalendar.headline
            : addWeeks(start, headlineWeeks),
      beyondMaxWeeks: headlineBeyond,
    },
    input_stats: inputStats(plan.tpSamples, plan.leadTimes),
    tpErrorRate,
    ltErrorRate,
    items_forecast_30_days: itemsForecast30Days(acc.itemsBy30Days, n),
    throughput: {
      model: plan.throughputModel,
      requestedModel: plan.requestedThroughputModel,
      weibull: plan.weibull,
      zeroShare: plan.zeroShare,
      meanPerWeek: plan.throughputMean,
    },
    team: {
      minContributors: plan.minContributors,
      maxContributors: plan.maxContributors,
      historicalTeamSize: plan.historicalTeamSize,
      teamFocus: plan.teamFocus,
    },
    numberOfSimulations: n,
    unfinishedRuns: acc.unfinished,
    ...finished,
    seed: plan.seed,
    ...warningFields(warnings),
  };
  if (plan.includeRuns) {
    const { runs, burnDowns } = keptRunsOf(acc.kept);
    result.runs = runs;
    result.burnDowns = burnDowns;
  }
  return result;
}

/** Merges batches in batch order (whatever order they arrived in) into the final result. */
/**
 * Merges a plan's batches as they arrive, in any order: each is added strictly in batch order
 * (the order that makes the result independent of the thread count), early arrivals are held
 * only until the gap before them fills. `result()` needs every batch.
 */
export interface BatchMerger {
  add(batch: SimulationBatch): void;
  /** Batches merged so far (all batches before the first gap). */
  readonly merged: number;
  result(): SimulationResult;
}

export function createBatchMerger(plan: SimulationPlan): BatchMerger {
  const acc = createAccumulator();
  const early = new Map<number, SimulationBatch>();
  const expected = Math.ceil(plan.numberOfSimulations / plan.batchSize);
  let merged = 0;
  return {
    add(batch) {
      early.set(batch.batchIndex, batch);
      for (let b = early.get(merged); b !== undefined; b = early.get(merged)) {
        early.delete(merged);
        addBatch(acc, plan, b);
        merged++;
      }
    },
    get merged() {
      return merged;
    },
    result() {
      if (merged !== expected) throw new RangeError(`batch ${merged} is missing`);
      return resultFromAccumulator(plan, acc);
    },
  };
}

export function finishSimulation(
  plan: SimulationPlan,
  batches: SimulationBatch[],
): SimulationResult {
  const acc = createAccumulator();
  const ordered = [...batches].sort((a, b) => a.batchIndex - b.batchIndex);
  ordered.forEach((b, i) => {
    if (b.batchIndex !== i) throw new RangeError(`batch ${i} is missing`);
    addBatch(acc, plan, b);
  });
  const expected = Math.ceil(plan.numberOfSimulations / plan.batchSize);
  if (ordered.length !== expected)
    throw new RangeError(`expected ${expected} batches, got ${ordered.length}`);
  return resultFromAccumulator(plan, acc);
}
