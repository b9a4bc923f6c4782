/**
 * Merging simulation batches and turning the merged histograms into the API's result.
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { SimulationPlan } from './simulation-plan';
import type { KeptRuns, SimulationBatch } from './simulate-run';
import { percentileFromCounts, percentileSorted, percentileStats, errorRate } from './percentile';
import type { PercentileStats } from './percentile';
import { roundHalfEven, roundTo } from './round';
import { addWeeks } from './dates';
import { calendarDates, type CalendarSummary } from './calendar';
import { burnDownBands, type BurnDownBand } from './burn-down';
import { inputStats, type InputStats } from './input-stats';
import { howManyTable, itemsDistribution, type HowManyTable } from './how-many';
import { createRng } from './prng';
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
}

export interface RunSummary {
  totalTasks: number;
  durationInCalendarWeeks: number;
  leadTime: number;
  effortWeeks: number;
}

export interface SimulationResult {
  /** Weeks; Pn = n % of runs finished within this many weeks. */
  percentile_stats: PercentileStats;
  resultsTable: ResultsTableRow[];
  /** Runs per duration in weeks, every week from the shortest to the longest run. */
  histogram: { weeks: number; count: number }[];
  burnDownBands: BurnDownBand[];
  /** Items per burn-down bin (1 = exact; see the README). */
  burnDownBinWidth: number;
  /** Start + the percentile's weeks, when a startDate was given. */
  completionDates: Record<keyof PercentileStats, string> | null;
  /** The calendar the dates count working days of, with its days off; null without one. */
  calendar: CalendarSummary | null;
  /** Person-weeks. */
  effort: PercentileStats;
  cost: (PercentileStats & { currency: string; costPerPersonWeek: number }) | null;
  totalTasks: PercentileStats;
  /** Days; null without lead-time samples. */
  leadTime: PercentileStats | null;
  meanWeeks: number;
  sdWeeks: number;
  /** The percentile the summary sentence headlines (`confidence`, default 0.85). */
  headline: { confidence: number; weeks: number; effortPersonWeeks: number; date: string | null };
  input_stats: InputStats;
  tpErrorRate: number;
  ltErrorRate: number;
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
  return {
    p10: f(s.p10),
    p25: f(s.p25),
    p50: f(s.p50),
    p75: f(s.p75),
    p85: f(s.p85),
    p90: f(s.p90),
    p95: f(s.p95),
  };
}

/** Stream of the 30-day how-many table, apart from every batch stream. */
const HOW_MANY_STREAM = 0x40000000;
const HOW_MANY_RUNS = 10_000;

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

function resultsTableOf(q: Quantiles): ResultsTableRow[] {
  const rows: ResultsTableRow[] = [];
  for (let L = 100; L >= 0; L -= 5) {
    // [fix] the L % row reads the L percentile (the original read 100 − L).
    const p = L / 100;
    rows.push({
      Likelihood: L,
      Duration: roundHalfEven(q.weeks(p)),
      TotalTasks: roundHalfEven(q.tasks(p)),
      Effort: roundHalfEven(q.effort(p)),
      LT: roundHalfEven(q.leadTime(p)),
    });
  }
  return rows;
}

/** Every week from the shortest to the longest run, with the mean and SD of weeks. */
function weeksHistogram(
  weeks: Float64Array,
  n: number,
): { histogram: { weeks: number; count: number }[]; mean: number; sd: number } {
  const histogram: { weeks: number; count: number }[] = [];
  let firstWeek = -1;
  let lastWeek = -1;
  let sum = 0;
  for (let w = 0; w < weeks.length; w++) {
    if (weeks[w] > 0) {
      if (firstWeek < 0) firstWeek = w;
      lastWeek = w;
      sum += w * weeks[w];
    }
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let w = Math.max(0, firstWeek); w <= lastWeek; w++) {
    histogram.push({ weeks: w, count: weeks[w] });
    ss += weeks[w] * (w - mean) * (w - mean);
  }
  return { histogram, mean, sd: n > 0 ? Math.sqrt(ss / n) : 0 };
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

function completionDatesOf(
  start: string | null,
  weeks: PercentileStats,
): Record<keyof PercentileStats, string> | null {
  if (!start) return null;
  const d = (w: number) => addWeeks(start, w);
  return {
    p10: d(weeks.p10),
    p25: d(weeks.p25),
    p50: d(weeks.p50),
    p75: d(weeks.p75),
    p85: d(weeks.p85),
    p90: d(weeks.p90),
    p95: d(weeks.p95),
  };
}

/** The plan's warnings, then those only the merged runs can tell. */
function resultWarnings(
  plan: SimulationPlan,
  acc: SimulationAccumulator,
  tpErrorRate: number,
  ltErrorRate: number,
): EngineWarning[] {
  const warnings = [...plan.warnings];
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

function itemsForecast30Days(plan: SimulationPlan, n: number): HowManyTable {
  const items30 = itemsDistribution(
    plan.throughput,
    Math.ceil(30 / 7),
    Math.min(n, HOW_MANY_RUNS),
    createRng(plan.seed, HOW_MANY_STREAM),
    plan.teamFocus,
  );
  return howManyTable(items30, 30, Math.ceil(30 / 7));
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
  const { histogram, mean, sd } = weeksHistogram(acc.weeks, n);
  const percentile_stats = percentileStats(q.weeks);
  const effort = percentileStats(q.effort);
  const start = plan.startDate;
  const tpErrorRate = errorRate(plan.tpSamples);
  const ltErrorRate = errorRate(plan.leadTimes);
  const warnings = resultWarnings(plan, acc, tpErrorRate, ltErrorRate);
  const conf = plan.confidence;
  const headlineWeeks = q.weeks(conf);
  const onCalendar = calendarOf(plan, percentile_stats, headlineWeeks);

  const result: SimulationResult = {
    percentile_stats,
    resultsTable: resultsTableOf(q),
    histogram,
    burnDownBands: burnDownBands(
      acc.burnDown,
      acc.burnDownRows,
      plan.burnDownBins,
      plan.burnDownBinWidth,
      acc.finishedAt,
      plan.burnDownStride,
    ),
    burnDownBinWidth: plan.burnDownBinWidth,
    completionDates: onCalendar?.dates ?? completionDatesOf(start, percentile_stats),
    calendar: onCalendar?.summary ?? null,
    effort,
    cost: costOf(plan, effort),
    totalTasks: percentileStats(q.tasks),
    leadTime: q.leadTimes ? percentileStats(q.leadTime) : null,
    meanWeeks: mean,
    sdWeeks: sd,
    headline: {
      confidence: conf,
      weeks: headlineWeeks,
      effortPersonWeeks: q.effort(conf),
      date: onCalendar ? onCalendar.headline : start ? addWeeks(start, headlineWeeks) : null,
    },
    input_stats: inputStats(plan.tpSamples, plan.leadTimes),
    tpErrorRate,
    ltErrorRate,
    items_forecast_30_days: itemsForecast30Days(plan, n),
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
