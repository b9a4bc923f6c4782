/**
 * Flow metrics of a list of work items as of a day (definitions in spec/flow-metrics.md):
 * cycle-time percentiles, histogram and scatter points over a window of done items; the
 * service level expectation; aging work in progress and right-sizing; throughput, WIP and
 * cumulative flow day by day; the backlog (in progress + not started); a stale-data warning.
 *
 * Linear in the number of items plus the number of days (bounded by FLOW_MAX_DAYS).
 */
import { EngineInputError } from './errors';
import { dayOfValue, isoOfDay } from './flow-days';
import {
  prepareFlowItems,
  type FlowItemInput,
  type FlowProblem,
  type FlowProblemCode,
  type FlowRecord,
  type PrepareFlowOptions,
} from './flow-items';
import { cycleTimeStats, percentileKey, type CycleTimeStats } from './flow-percentiles';
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

/** Done items counted: a date range, the last N weeks up to `asOf`, or all history. */
export type FlowWindowInput = { from?: string; to?: string } | { weeks: number } | 'all';

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

function resolveWindow(
  window: FlowWindowInput | undefined,
  asOf: number,
): { from: number | null; to: number; weeks: number | null } {
  const w = window ?? { weeks: DEFAULT_FLOW_WINDOW_WEEKS };
  if (w === 'all') return { from: null, to: asOf, weeks: null };
  if ('weeks' in w) {
    if (!(Number.isInteger(w.weeks) && w.weeks >= 1)) {
      throw new EngineInputError('window.weeks must be a whole number ≥ 1', 'window.weeks');
    }
    return { from: asOf - 7 * w.weeks + 1, to: asOf, weeks: w.weeks };
  }
  const from = w.from === undefined ? null : day(w.from, 'window.from');
  const to = w.to === undefined ? asOf : Math.min(asOf, day(w.to, 'window.to'));
  if (from !== null && from > to) {
    throw new EngineInputError('window.from is after window.to', 'window.from');
  }
  return { from, to, weeks: null };
}

function latestDay(records: readonly FlowRecord[]): number | null {
  let latest: number | null = null;
  for (const r of records) {
    const d = Math.max(r.created ?? -Infinity, r.started ?? -Infinity, r.done ?? -Infinity);
    if (d !== -Infinity && (latest === null || d > latest)) latest = d;
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

/** The records as of `asOf`: counts by state, cycle times of done items in the window. */
interface FlowClassification {
  counts: Int32Array;
  scatterRecords: FlowRecord[];
  inProgress: FlowRecord[];
  done: number;
  notStarted: number;
  doneBeforeStarted: number;
  doneWithoutStart: number;
  sameDay: number;
  earliest: number;
  lastDone: number | null;
}

function classifyRecords(
  records: readonly FlowRecord[],
  asOf: number,
  win: { from: number | null; to: number },
): FlowClassification {
  let maxCycle = 1;
  for (const r of records) {
    if (!r.excluded && r.done !== null && r.started !== null && r.done <= asOf) {
      const ct = r.done - r.started + 1;
      if (ct > maxCycle) maxCycle = ct;
    }
  }
  const c: FlowClassification = {
    counts: new Int32Array(maxCycle + 1),
    scatterRecords: [],
    inProgress: [],
    done: 0,
    notStarted: 0,
    doneBeforeStarted: 0,
    doneWithoutStart: 0,
    sameDay: 0,
    earliest: asOf,
    lastDone: null,
  };
  for (const r of records) {
    if (r.excluded) {
      c.doneBeforeStarted++;
      continue;
    }
    const first = Math.min(r.created ?? Infinity, r.started ?? Infinity, r.done ?? Infinity);
    if (first < c.earliest) c.earliest = first;
    if (r.done !== null && r.done <= asOf) {
      c.done++;
      if (c.lastDone === null || r.done > c.lastDone) c.lastDone = r.done;
      if (r.started === null) {
        c.doneWithoutStart++;
        continue;
      }
      if (r.started === r.done) c.sameDay++;
      if ((win.from === null || r.done >= win.from) && r.done <= win.to) {
        const ct = r.done - r.started + 1;
        c.counts[ct]++;
        c.scatterRecords.push(r);
      }
    } else if (r.started !== null && r.started <= asOf) c.inProgress.push(r);
    else c.notStarted++;
  }
  return c;
}

function scatterPoints(records: readonly FlowRecord[]): FlowScatterPoint[] {
  // Many items share a done day: format each day once.
  const dayText = new Map<number, string>();
  return records.map((r): FlowScatterPoint => {
    const d = r.done ?? 0;
    let text = dayText.get(d);
    if (text === undefined) {
      text = isoOfDay(d);
      dayText.set(d, text);
    }
    return { id: r.id, type: r.type, done: text, cycleTime: d - (r.started ?? d) + 1 };
  });
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

/** The metrics of records already prepared (e.g. once per import, many views). */
export function flowMetricsOfRecords(
  allRecords: readonly FlowRecord[],
  options: FlowMetricsOptions = {},
  prepared: Pick<ReturnType<typeof prepareFlowItems>, 'problems' | 'problemCounts' | 'invalid'> = {
    problems: [],
    problemCounts: {},
    invalid: 0,
  },
): FlowMetricsResult {
  const { percentiles, slePercentile } = flowPercentiles(options);

  const typeSet = new Set<string>();
  for (const r of allRecords) if (r.type !== null) typeSet.add(r.type);
  const wanted = options.types && options.types.length > 0 ? new Set(options.types) : null;
  const records = wanted
    ? allRecords.filter((r) => r.type !== null && wanted.has(r.type))
    : allRecords;

  const latest = latestDay(records);
  const asOf = options.asOf !== undefined ? day(options.asOf, 'asOf') : (latest ?? 0);
  const win = resolveWindow(options.window, asOf);

  const c = classifyRecords(records, asOf, win);
  const { inProgress, notStarted, lastDone } = c;
  const stats = cycleTimeStats(c.counts, percentiles);
  const sleDays = stats.n === 0 ? null : stats.percentiles[percentileKey(slePercentile)];
  const p70Days = stats.n === 0 ? null : stats.percentiles[percentileKey(70)];

  const aging = agingItems(inProgress, asOf, stats.percentiles, percentiles, sleDays);
  const warnings: FlowWarning[] = [];
  const first = Math.max(c.earliest, asOf - FLOW_MAX_DAYS + 1);
  if (first > c.earliest) {
    warnings.push({
      code: 'seriesTruncated',
      params: { maxDays: FLOW_MAX_DAYS, from: isoOfDay(first) },
    });
  }
  const series = flowSeries(records, first, asOf);
  const freshness = staleness(lastDone, asOf, options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS);
  warnings.push(...laterWarnings(asOf, lastDone, freshness, stats.n, prepared.problemCounts));

  const bands: Record<string, number> = {};
  if (stats.n > 0)
    for (const p of percentiles) bands[percentileKey(p)] = stats.percentiles[percentileKey(p)];
  return {
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
    histogram: histogramOf(c.counts),
    scatter: scatterPoints(c.scatterRecords),
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
}

/** "85 % of items finish within 12 days" as English text (the web translates from the data). */
export function sleSentence(sle: { percentile: number; days: number }): string {
  return `${sle.percentile} % of items finish within ${sle.days} day${sle.days === 1 ? '' : 's'}`;
}
