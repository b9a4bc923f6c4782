/**
 * A delivery re-forecast at each of its check-ins, as of the check-in's date (spec/tracking.md).
 *
 * - The backlog of a check-in is its `remaining`; the history is the dated weekly history cut
 *   at the check-in: only weeks that had ended by then (weekStart + 7 days ≤ date), so a replay
 *   sees exactly what the team saw that day, never later data.
 * - The forecast starts on the check-in's date (completion date = date + 7 × weeks).
 * - `scopeGrowth: true` adds the delivery's realised growth so far (total scope now ÷ total at
 *   the first check-in) as the split rate of the remaining items.
 * - Seeds: a check-in's own `seed`, else the delivery's `seed`, else a hash of the check-in's
 *   canonical forecast input, so the same delivery gives the same numbers everywhere. The exact
 *   simulation input (seed included) is stored with each check-in's forecast, so
 *   `replayDelivery` can re-run it and compare every stored number.
 * - `scopeAdded` = total now − previous total (null at the first check-in, which has none).
 * - `probabilityByTarget` = share of runs finishing within the whole weeks from the check-in to
 *   the target date (null without a target).
 * - With `actualDate`, each check-in before it records whether the actual fell on or before its
 *   P50, P85 and P95 dates (the calibration loop's raw material).
 */
import type { SimulateInput, ThroughputModel } from './inputs';
import { simulate } from './simulate';
import type { PercentileStats } from './percentile';
import { addDays, daysBetween } from './dates';
import { EngineInputError } from './errors';
import { canonicalText, seedOfInput } from './prng';

export interface DeliveryHistoryWeek {
  /** Monday of the week, ISO date. */
  weekStart: string;
  count: number;
}

export interface DeliveryCheckInInput {
  date: string;
  done: number;
  remaining: number;
  note?: string;
  /** Overrides the delivery's seed for this check-in (a stored check-in keeps its seed). */
  seed?: number;
}

/** Forecast settings a delivery is forecast with (the team simulation's, minus the backlog). */
export type DeliverySettings = Omit<
  SimulateInput,
  | 'numberOfTasks'
  | 'tpSamples'
  | 'startDate'
  | 'seed'
  | 'backlogAdjustedMin'
  | 'backlogAdjustedMax'
  | 'includeRuns'
  | 'splitRateSamples'
  | 'throughputModel'
  | 'numberOfSimulations'
>;

export interface DeliveryInput {
  name?: string;
  start: string;
  targetDate?: string;
  actualDate?: string;
  history: DeliveryHistoryWeek[];
  throughputModel?: ThroughputModel;
  checkIns: DeliveryCheckInInput[];
  numberOfSimulations?: number;
  seed?: number;
  /** Use the realised scope growth of the delivery so far as a split rate. */
  scopeGrowth?: boolean;
  settings?: DeliverySettings;
}

export type DeliveryLevel = 'P50' | 'P85' | 'P95';
export const DELIVERY_LEVELS: readonly DeliveryLevel[] = ['P50', 'P85', 'P95'];

export interface CheckInForecast {
  date: string;
  done: number;
  remaining: number;
  note: string | null;
  /** done + remaining. */
  totalScope: number;
  /** Items added since the previous check-in; null at the first. */
  scopeAdded: number | null;
  /** History weeks the forecast was allowed to see. */
  historyWeeks: number;
  /** The split rate used when `scopeGrowth` was asked for, else null. */
  scopeGrowthFactor: number | null;
  seed: number;
  /** Weeks from the check-in date. */
  percentile_stats: PercentileStats;
  /** Null for a percentile beyond maxWeeks: a cap is never a date (trust rules). */
  completionDates: Record<keyof PercentileStats, string | null>;
  /** 0–1; null without a target date. */
  probabilityByTarget: number | null;
  unfinishedRuns: number;
  numberOfSimulations: number;
  warnings: string[];
  /** With an actual date: did the actual land on or before this check-in's P50/P85/P95? */
  hits: Record<DeliveryLevel, boolean> | null;
  /** The exact simulation input, seed included: what replay re-runs. */
  input: SimulateInput;
}

export interface DeliveryResult {
  name: string | null;
  start: string;
  targetDate: string | null;
  actualDate: string | null;
  checkIns: CheckInForecast[];
}

const LEVEL_KEY: Record<DeliveryLevel, 'p50' | 'p85' | 'p95'> = {
  P50: 'p50',
  P85: 'p85',
  P95: 'p95',
};

/** Weeks that had ended by `date`: the only history a forecast made that day could see. */
export function historyAsOf(history: readonly DeliveryHistoryWeek[], date: string): number[] {
  return history.filter((w) => addDays(w.weekStart, 7) <= date).map((w) => w.count);
}

function growthFactor(total: number, firstTotal: number): number {
  if (firstTotal <= 0) return 1;
  return Math.min(10, Math.max(0.2, total / firstTotal));
}

/** P(run finished within the whole weeks from `date` to `target`). */
function probabilityWithin(
  histogram: readonly { weeks: number; count: number }[],
  runs: number,
  date: string,
  target: string,
): number {
  const weeks = Math.floor(daysBetween(date, target) / 7);
  if (weeks < 0 || runs <= 0) return 0;
  let within = 0;
  for (const h of histogram) if (h.weeks <= weeks) within += h.count;
  return within / runs;
}

/** Whether `actualDate` fell on or before each level's date; null for check-ins not before it. */
export function checkInHits(
  dates: Pick<Record<keyof PercentileStats, string | null>, 'p50' | 'p85' | 'p95'>,
  actualDate: string | undefined,
  date: string,
): Record<DeliveryLevel, boolean> | null {
  if (actualDate === undefined || date >= actualDate) return null;
  return {
    P50: heldBy(actualDate, dates[LEVEL_KEY.P50]),
    P85: heldBy(actualDate, dates[LEVEL_KEY.P85]),
    P95: heldBy(actualDate, dates[LEVEL_KEY.P95]),
  };
}

/**
 * Did the actual land on or before a forecast date? A null date is a percentile beyond
 * maxWeeks ("more than 10 years"), which any actual the delivery records lands before.
 */
export function heldBy(actualDate: string, forecastDate: string | null): boolean {
  return forecastDate === null || actualDate <= forecastDate;
}

/** The simulation input of check-in `i` (seed resolved), exactly as it will be stored. */
export function checkInSimulationInput(input: DeliveryInput, i: number): SimulateInput {
  const c = input.checkIns[i];
  const tpSamples = historyAsOf(input.history, c.date);
  const model = input.throughputModel ?? 'bootstrap';
  if (model !== 'estimate' && tpSamples.length === 0) {
    throw new EngineInputError('no history week had ended by this check-in', `checkIns.${i}.date`);
  }
  const first = input.checkIns[0];
  const split = input.scopeGrowth
    ? [growthFactor(c.done + c.remaining, first.done + first.remaining)]
    : undefined;
  const base: SimulateInput = {
    ...input.settings,
    throughputModel: model,
    ...(model !== 'estimate' ? { tpSamples } : {}),
    numberOfTasks: c.remaining,
    ...(split ? { splitRateSamples: split } : {}),
    numberOfSimulations: input.numberOfSimulations ?? 10_000,
    startDate: c.date,
  };
  const seed = c.seed ?? input.seed ?? seedOfInput(base);
  return { ...base, seed };
}

/** Runs one stored check-in input: the figures a check-in stores. */
export function forecastCheckIn(
  sim: SimulateInput,
  targetDate: string | undefined,
): Pick<
  CheckInForecast,
  | 'percentile_stats'
  | 'completionDates'
  | 'probabilityByTarget'
  | 'unfinishedRuns'
  | 'numberOfSimulations'
  | 'warnings'
  | 'seed'
> {
  const r = simulate(sim);
  const date = sim.startDate as string;
  // startDate is always given (the check-in's date), so the dates exist; a percentile
  // beyond maxWeeks keeps its null.
  const dates = r.completionDates;
  if (dates === null) throw new EngineInputError('a check-in needs its date', 'date');
  return {
    seed: r.seed,
    percentile_stats: r.percentile_stats,
    completionDates: dates,
    probabilityByTarget:
      targetDate === undefined
        ? null
        : probabilityWithin(r.histogram, r.numberOfSimulations, date, targetDate),
    unfinishedRuns: r.unfinishedRuns,
    numberOfSimulations: r.numberOfSimulations,
    warnings: r.warnings,
  };
}

/** The forecast of check-in `i` of a delivery, as stored (inputs, seed and figures). */
export function forecastCheckInAt(input: DeliveryInput, i: number): CheckInForecast {
  const c = input.checkIns[i];
  const sim = checkInSimulationInput(input, i);
  const figures = forecastCheckIn(sim, input.targetDate);
  const total = c.done + c.remaining;
  const prev = i > 0 ? input.checkIns[i - 1] : null;
  return {
    date: c.date,
    done: c.done,
    remaining: c.remaining,
    note: c.note ?? null,
    totalScope: total,
    scopeAdded: prev ? total - (prev.done + prev.remaining) : null,
    historyWeeks: sim.tpSamples?.length ?? 0,
    scopeGrowthFactor: sim.splitRateSamples?.[0] ?? null,
    ...figures,
    hits: checkInHits(figures.completionDates, input.actualDate, c.date),
    input: sim,
  };
}

export function forecastDelivery(input: DeliveryInput): DeliveryResult {
  return {
    name: input.name ?? null,
    start: input.start,
    targetDate: input.targetDate ?? null,
    actualDate: input.actualDate ?? null,
    checkIns: input.checkIns.map((_, i) => forecastCheckInAt(input, i)),
  };
}

export interface ReplayMismatch {
  index: number;
  date: string;
  field: string;
  stored: unknown;
  replayed: unknown;
}

export interface ReplayResult {
  /** True when every stored number was reproduced exactly. */
  identical: boolean;
  checkIns: number;
  mismatches: ReplayMismatch[];
}

const REPLAYED_FIELDS = [
  'seed',
  'percentile_stats',
  'completionDates',
  'probabilityByTarget',
  'unfinishedRuns',
  'numberOfSimulations',
] as const;

/** Re-runs each stored check-in from its stored input and seed, and compares the figures. */
export function replayDelivery(
  stored: Pick<DeliveryResult, 'targetDate' | 'checkIns'>,
): ReplayResult {
  const mismatches: ReplayMismatch[] = [];
  stored.checkIns.forEach((c, index) => {
    const again = forecastCheckIn(c.input, stored.targetDate ?? undefined);
    for (const field of REPLAYED_FIELDS) {
      const a = canonicalText(c[field]);
      const b = canonicalText(again[field]);
      if (a !== b)
        mismatches.push({ index, date: c.date, field, stored: c[field], replayed: again[field] });
    }
  });
  return { identical: mismatches.length === 0, checkIns: stored.checkIns.length, mismatches };
}
