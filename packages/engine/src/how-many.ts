/**
 * "How many items by a date?": sum a number of simulated weeks' throughput, many times.
 */
import { warningFields, type EngineWarning } from './warnings';
import type { HowManyInput } from './inputs';
import { sampleDiscrete, type DiscreteTable } from './discrete-sampler';
import { sumOfTableDraws } from './draw-loops';
import type { RandomSource } from './prng';
import { createRng, requestSeed } from './prng';
import { createThroughputSampler } from './throughput';
import { addDays, daysBetween, parseDate } from './dates';
import {
  compileCalendar,
  summariseCalendar,
  thinningPlan,
  type CalendarSummary,
  type Resolution,
  type ThinningPlan,
} from './calendar';
import { thinDraw } from './draw-loops';
import { EngineInputError, STOP_CHECK_MASK, abortError } from './errors';
import type { StopSignal } from './errors';
import {
  intervalFromCounts,
  intervalSorted,
  percentileFromCounts,
  percentileSorted,
  type PercentileInterval,
} from './percentile';
import { roundHalfEven } from './round';
import { DEFAULT_SIMULATIONS, MAX_SIMULATIONS } from './simulation-plan';

/** Confidence levels of the table, in percent: 100, 95, …, 5 and 1. */
export const HOW_MANY_CONFIDENCES: readonly number[] = [
  100, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 40, 35, 30, 25, 20, 15, 10, 5, 1,
];

export interface HowManyTable {
  days: number;
  weeks: number;
  /** Items reached in at least q % of runs, keyed by q. */
  itemsAtConfidence: Record<string, number>;
  /** Each confidence's 95 % sampling interval in items, from the runs' order statistics. */
  itemsIntervals: Record<string, PercentileInterval>;
  mean: number;
  histogram: { items: number; count: number }[];
}

export interface HowManyResult extends HowManyTable {
  numberOfSimulations: number;
  seed: number;
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
  startDate?: string;
  endDate?: string;
  resolution?: Resolution;
  /** The calendar over the window, with its days off; absent without one. */
  calendar?: CalendarSummary;
  /** Working days in the window, with a calendar. */
  workingDays?: number;
}

/** Items finished in `weeks` weeks for each of `runs` runs, sorted ascending. */
export function itemsDistribution(
  table: DiscreteTable,
  weeks: number,
  runs: number,
  rng: RandomSource,
  focus = 1,
  signal?: StopSignal,
): Float64Array {
  const out = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    if ((r & STOP_CHECK_MASK) === 0 && signal?.aborted) throw abortError();
    out[r] = sumOfTableDraws(rng, table, weeks) * focus;
  }
  return sortItems(out);
}

/** Sorts in place; whole item counts (the usual case) take a counting sort instead of a comparison sort. */
function sortItems(items: Float64Array): Float64Array {
  let max = 0;
  let whole = true;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v > max) max = v;
    if (!Number.isInteger(v) || v < 0) whole = false;
  }
  if (!whole || max > 1 << 20) return items.sort();
  const counts = new Uint32Array(max + 1);
  for (let i = 0; i < items.length; i++) counts[items[i]]++;
  let o = 0;
  for (let v = 0; v <= max; v++) for (let c = counts[v]; c > 0; c--) items[o++] = v;
  return items;
}

/**
 * The table users read: q % confidence means at least that many items in q % of runs, so the
 * (1 − q) percentile [fix: the original took the q percentile, the optimistic side].
 */
export function howManyTable(sortedItems: Float64Array, days: number, weeks: number): HowManyTable {
  const { itemsAtConfidence, itemsIntervals } = confidenceTable(
    (p) => percentileSorted(sortedItems, p),
    (p) => intervalSorted(sortedItems, p),
  );
  let sum = 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < sortedItems.length; i++) {
    sum += sortedItems[i];
    const k = roundHalfEven(sortedItems[i]);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return {
    days,
    weeks,
    itemsAtConfidence,
    itemsIntervals,
    mean: sortedItems.length > 0 ? sum / sortedItems.length : 0,
    histogram: [...counts].map(([items, count]) => ({ items, count })),
  };
}

function confidenceTable(
  percentileAt: (p: number) => number,
  intervalAt: (p: number) => PercentileInterval,
): Pick<HowManyTable, 'itemsAtConfidence' | 'itemsIntervals'> {
  const itemsAtConfidence: Record<string, number> = {};
  const itemsIntervals: Record<string, PercentileInterval> = {};
  for (const q of HOW_MANY_CONFIDENCES) {
    itemsAtConfidence[String(q)] = roundHalfEven(percentileAt(1 - q / 100));
    const iv = intervalAt(1 - q / 100);
    itemsIntervals[String(q)] = { low: roundHalfEven(iv.low), high: roundHalfEven(iv.high) };
  }
  return { itemsAtConfidence, itemsIntervals };
}

/**
 * `howManyTable` of n whole item counts given as a histogram (counts[k] runs did k items): the
 * same numbers without expanding a million runs into a sorted array. Integer sums below 2⁵³ are
 * exact in any order, so the mean is the same bits too.
 */
export function howManyTableFromCounts(
  counts: ArrayLike<number>,
  n: number,
  days: number,
  weeks: number,
): HowManyTable {
  let sum = 0;
  const histogram: { items: number; count: number }[] = [];
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] === 0) continue;
    sum += k * counts[k];
    histogram.push({ items: k, count: counts[k] });
  }
  return {
    days,
    weeks,
    ...confidenceTable(
      (p) => percentileFromCounts(counts, n, p),
      (p) => intervalFromCounts(counts, n, p),
    ),
    mean: n > 0 ? sum / n : 0,
    histogram,
  };
}

export function forecastHowMany(
  input: HowManyInput,
  opts: { signal?: StopSignal } = {},
): HowManyResult {
  const sampler = createThroughputSampler(input);
  const seed = requestSeed(input);
  const focus = input.teamFocus ?? 1;
  if (!(focus > 0 && focus <= 1))
    throw new EngineInputError('teamFocus must be in (0, 1]', 'teamFocus');
  const n = input.numberOfSimulations ?? DEFAULT_SIMULATIONS;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_SIMULATIONS)) {
    throw new EngineInputError(
      'numberOfSimulations must be an integer from 1 to 1,000,000',
      'numberOfSimulations',
    );
  }
  let days: number;
  let startDate: string | undefined;
  let endDate: string | undefined;
  if (typeof input.days === 'number') {
    if (!Number.isFinite(input.days) || input.days < 0 || input.days > 36_500) {
      throw new EngineInputError('days must be between 0 and 36,500', 'days');
    }
    days = input.days;
  } else {
    const s = input.startDate === undefined ? null : parseDate(input.startDate);
    const e = input.endDate === undefined ? null : parseDate(input.endDate);
    if (s === null) throw new EngineInputError('give days, or startDate and endDate', 'startDate');
    if (e === null) throw new EngineInputError('give days, or startDate and endDate', 'endDate');
    days = daysBetween(s, e);
    if (days < 0) throw new EngineInputError('endDate is before startDate', 'endDate');
    startDate = s;
    endDate = e;
  }
  const weeks = Math.ceil(days / 7);
  const resolution = input.resolution ?? 'week';
  const calendar = input.calendar ?? (resolution === 'day' ? {} : undefined);
  if (calendar !== undefined) {
    const from = startDate ?? (input.startDate ? parseDate(input.startDate) : null);
    if (from === null) {
      throw new EngineInputError('startDate is needed with a calendar', 'startDate');
    }
    // The window is [start, start + days): a last partial week is thinned by its own days.
    const c = compileCalendar(calendar, from, Math.ceil(days));
    const rng = createRng(seed, 0);
    const items =
      resolution === 'day'
        ? itemsDistribution(sampler.table, c.workingOffsets.length, n, rng, focus, opts.signal)
        : thinnedItemsDistribution(
            thinningPlan(c, weeks, sampler.table),
            sampler.table,
            n,
            rng,
            focus,
            opts.signal,
          );
    return {
      ...howManyTable(items, days, weeks),
      numberOfSimulations: n,
      seed,
      ...warningFields(sampler.warnings),
      startDate: from,
      endDate: endDate ?? addDays(from, days),
      resolution,
      calendar: summariseCalendar(calendar, c, addDays(from, days)),
      workingDays: c.workingOffsets.length,
    };
  }
  const items = itemsDistribution(sampler.table, weeks, n, createRng(seed, 0), focus, opts.signal);
  return {
    ...howManyTable(items, days, weeks),
    numberOfSimulations: n,
    seed,
    ...warningFields(sampler.warnings),
    ...(startDate !== undefined ? { startDate, endDate } : {}),
  };
}

/** Items of the plan's weeks, each week drawn from the table of its working days, sorted. */
function thinnedItemsDistribution(
  plan: ThinningPlan,
  table: DiscreteTable,
  runs: number,
  rng: RandomSource,
  focus: number,
  signal?: StopSignal,
): Float64Array {
  const out = new Float64Array(runs);
  const weeks = plan.days.length;
  const t = plan.tables;
  for (let r = 0; r < runs; r++) {
    if ((r & STOP_CHECK_MASK) === 0 && signal?.aborted) throw abortError();
    let sum = 0;
    for (let w = 0; w < weeks; w++) {
      const u32 = rng.nextUint32();
      if (t !== null) {
        const col = (u32 >>> t.shift) + t.weekBase[w];
        sum += t.pairs[2 * col + (((u32 & t.lowMask) - t.threshold[col]) >>> 31)];
      } else {
        sum += thinDraw(sampleDiscrete(table, u32), plan.days[w] / plan.perWeek, rng);
      }
    }
    out[r] = sum * focus;
  }
  return sortItems(out);
}
