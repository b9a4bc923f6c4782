/**
 * Flow metrics of a list of work items as of a day (definitions in spec/flow-metrics.md):
 * cycle-time percentiles, histogram and scatter points over a window of done items; the
 * service level expectation; aging work in progress and right-sizing; throughput, WIP and
 * cumulative flow day by day; the backlog (in progress + not started); a stale-data warning.
 *
 * Linear in the number of items plus the number of days (bounded by FLOW_MAX_DAYS).
 */
import { EngineInputError } from './errors';
import { dayOfValue, isoOfDay, lastWeeksDays } from './flow-days';
import {
  flowRecordAt,
  NO_DAY,
  prepareFlowItems,
  selectFlowRecords,
  type PreparedFlowItems,
  type FlowItemInput,
  type FlowProblem,
  type FlowProblemCode,
  type FlowRecord,
  type FlowRecords,
  type PrepareFlowOptions,
} from './flow-items';
import { cycleTimeStats, percentileKey, type CycleTimeStats } from './flow-percentiles';
import { chooseHistoryWindow, type HistoryWindowResult } from './flow-window';
import { FLOW_MAX_DAYS, flowSeries, type FlowSeries } from './flow-series';
import {
  agingItems,
  agingStates,
  rightSizing,
  type AgingItem,
  type AgingState,
  type RightSizing,
} from './flow-aging';

export const DEFAULT_FLOW_PERCENTILES = [50, 70, 85, 95] as const;
export const DEFAULT_FLOW_WINDOW_WEEKS = 12;
export const DEFAULT_STALE_AFTER_DAYS = 28;

/**
 * Done items counted: a date range, the last N weeks up to `asOf` (whole weeks from Monday: `lastWeeksDays`), all history, or `auto`: the
 * window the items' own weekly throughput calibrates best (`chooseHistoryWindow`).
 */
export type FlowWindowInput = { from?: string; to?: string } | { weeks: number } | 'all' | 'auto';

export interface FlowMetricsOptions extends PrepareFlowOptions {
  /** Day the metrics are as of; default the latest date in the items. */
  asOf?: string;
  /** Default the last 12 weeks up to `asOf`. */
  window?: FlowWindowInput;
  /** Only items of these types (when the export has types). */
  types?: readonly string[];
  percentiles?: readonly number[];
  slePercentile?: number;
  staleAfterDays?: number;
}

export interface FlowScatterPoint {
  id: string;
  type: string | null;
  done: string;
  cycleTime: number;
}

export interface FlowWarning {
  code: 'staleData' | 'noDoneItems' | 'seriesTruncated' | 'problems';
  params: Record<string, string | number>;
}

export interface FlowMetricsResult {
  asOf: string;
  /** `from` null: all history. */
  window: { from: string | null; to: string; weeks: number | null };
  /** Every item type in the (unfiltered) items, for the filter. */
  types: string[];
  counts: {
    items: number;
    done: number;
    inProgress: number;
    notStarted: number;
    invalid: number;
    doneBeforeStarted: number;
    doneWithoutStart: number;
    sameDay: number;
  };
  cycleTime: CycleTimeStats;
  sle: { percentile: number; days: number; n: number; from: string | null; to: string } | null;
  histogram: { days: number; count: number }[];
  scatter: FlowScatterPoint[];
  inProgress: AgingItem[];
  aging: { states: AgingState[]; bands: Record<string, number> };
  notStarted: number;
  backlog: { inProgress: number; notStarted: number; total: number };
  rightSizing: RightSizing;
  throughput: Pick<
    FlowSeries,
    'daily' | 'weekly' | 'dailyMean' | 'weeklyMean' | 'daysWithCompletions' | 'maxPerDay'
  >;
  wip: FlowSeries['wip'];
  cfd: FlowSeries['cfd'];
  cfdBands: FlowSeries['cfdBands'];
  stale: { lastDone: string | null; daysSinceLastDone: number | null; stale: boolean };
  problems: FlowProblem[];
  problemCounts: Partial<Record<FlowProblemCode, number>>;
  warnings: string[];
  warningCodes: FlowWarning[];
}

function day(value: string, field: string): number {
  const d = dayOfValue(value);
  if (Number.isNaN(d)) throw new EngineInputError(`${field} is not a date: '${value}'`, field);
  return d;
}

interface ResolvedWindow {
  from: number | null;
  to: number;
  weeks: number | null;
}

function resolveWindow(
  window: Exclude<FlowWindowInput, 'auto'> | undefined,
  asOf: number,
): ResolvedWindow {
  const w = window ?? { weeks: DEFAULT_FLOW_WINDOW_WEEKS };
  if (w === 'all') return { from: null, to: asOf, weeks: null };
  if ('weeks' in w) {
    if (!(Number.isInteger(w.weeks) && w.weeks >= 1)) {
      throw new EngineInputError('window.weeks must be a whole number ≥ 1', 'window.weeks');
    }
    return { ...lastWeeksDays(asOf, w.weeks), weeks: w.weeks };
  }
  const from = w.from === undefined ? null : day(w.from, 'window.from');
  const to = w.to === undefined ? asOf : Math.min(asOf, day(w.to, 'window.to'));
  if (from !== null && from > to) {
    throw new EngineInputError('window.from is after window.to', 'window.from');
  }
  return { from, to, weeks: null };
}

function latestDay(records: FlowRecords): number | null {
  let latest: number | null = null;
  const { created, started, done } = records;
  for (let i = 0; i < records.length; i++) {
    // NO_DAY is below every day, so a missing date never wins.
    const d = Math.max(created[i], started[i], done[i]);
    if (d !== NO_DAY && (latest === null || d > latest)) latest = d;
  }
  return latest;
}

const WARNING_TEXT: Record<FlowWarning['code'], (p: Record<string, string | number>) => string> = {
  staleData: (p) =>
    `The newest completion (${p.lastDone}) is ${p.days} days before ${p.asOf}: the data may be stale.`,
  noDoneItems: () => 'No done items in the window: there is no cycle time to show.',
  seriesTruncated: (p) =>
    `Dates span more than ${p.maxDays} days; day-by-day charts start at ${p.from}.`,
  problems: (p) => `${p.count} item(s) look wrong; see the list of problems.`,
};

export function flowMetrics(
  items: readonly FlowItemInput[],
  options: FlowMetricsOptions = {},
): FlowMetricsResult {
  const prepared = prepareFlowItems(items, options);
  return flowMetricsOfRecords(prepared.records, options, prepared);
}

type PreparedExtras = Pick<PreparedFlowItems, 'problems' | 'problemCounts' | 'invalid'>;
const noProblems = (): PreparedExtras => ({ problems: [], problemCounts: {}, invalid: 0 });

/** The metrics of records already prepared (e.g. once per import, many views). */
export function flowMetricsOfRecords(
  allRecords: FlowRecords,
  options: FlowMetricsOptions = {},
  prepared: PreparedExtras = noProblems(),
): FlowMetricsResult {
  return flowViews(allRecords, options, prepared, options.window === 'auto').metrics;
}

/**
 * The metrics and the window the weekly throughput calibrates best, in one pass: the
 * throughput does not depend on the window, so the choice is made before the window's cycle
 * times are counted and `auto` costs no second computation.
 */
export function flowMetricsAndWindow(
  allRecords: FlowRecords,
  options: FlowMetricsOptions = {},
  prepared: PreparedExtras = noProblems(),
): { metrics: FlowMetricsResult; historyWindow: HistoryWindowResult } {
  const { metrics, historyWindow } = flowViews(allRecords, options, prepared, true);
  return { metrics, historyWindow: historyWindow as HistoryWindowResult };
}

/** The asked percentiles, always with the SLE's and the 70th (right-sizing), ascending. */
function flowPercentiles(options: FlowMetricsOptions): {
  percentiles: number[];
  slePercentile: number;
} {
  const percentiles = [...(options.percentiles ?? DEFAULT_FLOW_PERCENTILES)];
  const slePercentile = options.slePercentile ?? 85;
  if (!percentiles.includes(slePercentile)) percentiles.push(slePercentile);
  if (!percentiles.includes(70)) percentiles.push(70);
  percentiles.sort((a, b) => a - b);
  for (const p of percentiles) {
    if (!(p > 0 && p <= 100))
      throw new EngineInputError('percentiles must be in (0, 100]', 'percentiles');
  }
  return { percentiles, slePercentile };
}

/** The records as of `asOf` by state; the window's cycle times are counted separately. */
interface FlowClassification {
  /** Longest cycle time of a done item: the size of the window's counts. */
  maxCycle: number;
  inProgress: FlowRecord[];
  done: number;
  notStarted: number;
  doneBeforeStarted: number;
  doneWithoutStart: number;
  sameDay: number;
  earliest: number;
  lastDone: number | null;
}

function classifyRecords(records: FlowRecords, asOf: number): FlowClassification {
  const { created, started, done, excluded } = records;
  const c: FlowClassification = {
    maxCycle: 1,
    inProgress: [],
    done: 0,
    notStarted: 0,
    doneBeforeStarted: 0,
    doneWithoutStart: 0,
    sameDay: 0,
    earliest: asOf,
    lastDone: null,
  };
  for (let i = 0; i < records.length; i++) {
    if (excluded[i] === 1) {
      c.doneBeforeStarted++;
      continue;
    }
    const cr = created[i];
    const st = started[i];
    const d = done[i];
    if (cr !== NO_DAY && cr < c.earliest) c.earliest = cr;
    if (st !== NO_DAY && st < c.earliest) c.earliest = st;
    if (d !== NO_DAY && d < c.earliest) c.earliest = d;
    if (d !== NO_DAY && d <= asOf) {
      c.done++;
      if (c.lastDone === null || d > c.lastDone) c.lastDone = d;
      if (st === NO_DAY) {
        c.doneWithoutStart++;
        continue;
      }
      if (st === d) c.sameDay++;
      if (d - st + 1 > c.maxCycle) c.maxCycle = d - st + 1;
    } else if (st !== NO_DAY && st <= asOf) c.inProgress.push(flowRecordAt(records, i));
    else c.notStarted++;
  }
  return c;
}

/** Cycle-time counts of the items done within the window, and their positions. */
function windowCycleTimes(
  records: FlowRecords,
  asOf: number,
  win: ResolvedWindow,
  maxCycle: number,
): { counts: Int32Array; scatterAt: number[] } {
  const { started, done, excluded } = records;
  const from = win.from ?? -Infinity;
  const counts = new Int32Array(maxCycle + 1);
  const scatterAt: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const d = done[i];
    const st = started[i];
    if (excluded[i] === 0 && d !== NO_DAY && st !== NO_DAY && d <= asOf) {
      if (d >= from && d <= win.to) {
        counts[d - st + 1]++;
        scatterAt.push(i);
      }
    }
  }
  return { counts, scatterAt };
}

function scatterPoints(records: FlowRecords, at: readonly number[]): FlowScatterPoint[] {
  // Many items share a done day: format each day once.
  const dayText = new Map<number, string>();
  const points = new Array<FlowScatterPoint>(at.length);
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    const d = records.done[i];
    let text = dayText.get(d);
    if (text === undefined) {
      text = isoOfDay(d);
      dayText.set(d, text);
    }
    points[k] = {
      id: records.id[i],
      type: records.type[i],
      done: text,
      cycleTime: d - records.started[i] + 1,
    };
  }
  return points;
}

/** The records of the asked types (all of them without a filter), and every type there is. */
function byType(
  allRecords: FlowRecords,
  types: readonly string[] | undefined,
): { records: FlowRecords; typeSet: Set<string> } {
  const typeSet = new Set<string>();
  for (const t of allRecords.type) if (t !== null) typeSet.add(t);
  const wanted = types && types.length > 0 ? new Set(types) : null;
  if (wanted === null) return { records: allRecords, typeSet };
  const keep: number[] = [];
  for (let i = 0; i < allRecords.length; i++) {
    const t = allRecords.type[i];
    if (t !== null && wanted.has(t)) keep.push(i);
  }
  return { records: selectFlowRecords(allRecords, keep), typeSet };
}

function histogramOf(counts: Int32Array): { days: number; count: number }[] {
  const histogram: { days: number; count: number }[] = [];
  for (let d = 1; d < counts.length; d++)
    if (counts[d] > 0) histogram.push({ days: d, count: counts[d] });
  return histogram;
}

/** Whether the newest completion is older than `staleAfter` days before `asOf`. */
function staleness(lastDone: number | null, asOf: number, staleAfter: number) {
  const daysSince = lastDone === null ? null : asOf - lastDone;
  const stale = daysSince !== null && daysSince > staleAfter;
  return { daysSince, stale };
}

/** The warnings after the truncation one, in their order: stale data, no done items, problems. */
function laterWarnings(
  asOf: number,
  lastDone: number | null,
  freshness: { daysSince: number | null; stale: boolean },
  doneCount: number,
  problemCounts: Partial<Record<FlowProblemCode, number>>,
): FlowWarning[] {
  const warnings: FlowWarning[] = [];
  if (freshness.stale && lastDone !== null) {
    warnings.push({
      code: 'staleData',
      params: {
        lastDone: isoOfDay(lastDone),
        days: freshness.daysSince ?? 0,
        asOf: isoOfDay(asOf),
      },
    });
  }
  if (doneCount === 0) warnings.push({ code: 'noDoneItems', params: {} });
  let problemCount = 0;
  for (const c of Object.values(problemCounts)) problemCount += c;
  if (problemCount > 0) warnings.push({ code: 'problems', params: { count: problemCount } });
  return warnings;
}

function autoWindow(chosen: HistoryWindowResult, asOf: number): ResolvedWindow {
  return resolveWindow(chosen.window === 'all' ? 'all' : { weeks: chosen.window }, asOf);
}

function flowViews(
  allRecords: FlowRecords,
  options: FlowMetricsOptions,
  prepared: PreparedExtras,
  chooseWindow: boolean,
): { metrics: FlowMetricsResult; historyWindow: HistoryWindowResult | null } {
  const { percentiles, slePercentile } = flowPercentiles(options);

  const { records, typeSet } = byType(allRecords, options.types);

  const latest = latestDay(records);
  const asOf = options.asOf !== undefined ? day(options.asOf, 'asOf') : (latest ?? 0);
  // An explicit window is checked before any work, as before `auto` existed.
  const explicit = options.window === 'auto' ? null : resolveWindow(options.window, asOf);

  const c = classifyRecords(records, asOf);
  const { inProgress, notStarted, lastDone } = c;
  const warnings: FlowWarning[] = [];
  const first = Math.max(c.earliest, asOf - FLOW_MAX_DAYS + 1);
  if (first > c.earliest) {
    warnings.push({
      code: 'seriesTruncated',
      params: { maxDays: FLOW_MAX_DAYS, from: isoOfDay(first) },
    });
  }
  const series = flowSeries(records, first, asOf);
  // The throughput does not depend on the window: `auto` is chosen from it here.
  const historyWindow = chooseWindow
    ? chooseHistoryWindow(series.weekly.map((w) => w.count))
    : null;
  const win = explicit ?? autoWindow(historyWindow as HistoryWindowResult, asOf);
  const { counts, scatterAt } = windowCycleTimes(records, asOf, win, c.maxCycle);
  const stats = cycleTimeStats(counts, percentiles);
  const sleDays = stats.n === 0 ? null : stats.percentiles[percentileKey(slePercentile)];
  const p70Days = stats.n === 0 ? null : stats.percentiles[percentileKey(70)];
  const aging = agingItems(inProgress, asOf, stats.percentiles, percentiles, sleDays);
  const freshness = staleness(lastDone, asOf, options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS);
  warnings.push(...laterWarnings(asOf, lastDone, freshness, stats.n, prepared.problemCounts));

  const bands: Record<string, number> = {};
  if (stats.n > 0)
    for (const p of percentiles) bands[percentileKey(p)] = stats.percentiles[percentileKey(p)];
  const metrics: FlowMetricsResult = {
    asOf: isoOfDay(asOf),
    window: {
      from: win.from === null ? null : isoOfDay(win.from),
      to: isoOfDay(win.to),
      weeks: win.weeks,
    },
    types: [...typeSet].sort(),
    counts: {
      items: records.length,
      done: c.done,
      inProgress: inProgress.length,
      notStarted,
      invalid: prepared.invalid,
      doneBeforeStarted: c.doneBeforeStarted,
      doneWithoutStart: c.doneWithoutStart,
      sameDay: c.sameDay,
    },
    cycleTime: stats,
    sle:
      sleDays === null
        ? null
        : {
            percentile: slePercentile,
            days: sleDays,
            n: stats.n,
            from: win.from === null ? null : isoOfDay(win.from),
            to: isoOfDay(win.to),
          },
    histogram: histogramOf(counts),
    scatter: scatterPoints(records, scatterAt),
    inProgress: aging,
    aging: { states: agingStates(aging), bands },
    notStarted,
    backlog: { inProgress: inProgress.length, notStarted, total: inProgress.length + notStarted },
    rightSizing: rightSizing(aging, p70Days, sleDays),
    throughput: {
      daily: series.daily,
      weekly: series.weekly,
      dailyMean: series.dailyMean,
      weeklyMean: series.weeklyMean,
      daysWithCompletions: series.daysWithCompletions,
      maxPerDay: series.maxPerDay,
    },
    wip: series.wip,
    cfd: series.cfd,
    cfdBands: series.cfdBands,
    stale: {
      lastDone: lastDone === null ? null : isoOfDay(lastDone),
      daysSinceLastDone: freshness.daysSince,
      stale: freshness.stale,
    },
    problems: prepared.problems,
    problemCounts: prepared.problemCounts,
    warnings: warnings.map((w) => WARNING_TEXT[w.code](w.params)),
    warningCodes: warnings,
  };
  return { metrics, historyWindow };
}

/** "85% of items finish within 12 days" as English text (the web translates from the data). */
export function sleSentence(sle: { percentile: number; days: number }): string {
  return `${sle.percentile}% of items finish within ${sle.days} day${sle.days === 1 ? '' : 's'}`;
}
