/**
 * "When will N items be done?" with the team's throughput as is: one contributor, no S-curve,
 * lead times, splits or risks (the original's `simulate_throughput_forecast`).
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { WhenInput } from './inputs';
import type { DiscreteTable } from './discrete-sampler';
import { weeksUntilDone } from './draw-loops';
import type { RandomSource } from './prng';
import { createRng, randomSeed } from './prng';
import { createThroughputSampler, type ThroughputSampler } from './throughput';
import { percentileFromCounts, percentileStats } from './percentile';
import { addWeeks, parseDate } from './dates';
import { EngineInputError, STOP_CHECK_MASK, abortError } from './errors';
import type { StopSignal } from './errors';
import { roundTo } from './round';
import { DEFAULT_MAX_WEEKS, DEFAULT_SIMULATIONS, MAX_SIMULATIONS } from './simulation-plan';
import type { PercentileStats } from './percentile';

/** Weeks each run took, as counts: counts[w] runs took w weeks (unfinished runs count at maxWeeks). */
export interface WeeksDistribution {
  counts: Uint32Array;
  runs: number;
  unfinished: number;
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
): WeeksDistribution {
  const counts = new Uint32Array(maxWeeks + 1);
  let unfinished = 0;
  for (let r = 0; r < runs; r++) {
    // A run may go on to maxWeeks whatever the mean throughput: the caller's budget applies.
    if ((r & STOP_CHECK_MASK) === 0 && signal?.aborted) throw abortError();
    const weeks = weeksUntilDone(rng, sampler, backlog, focus, maxWeeks);
    if (weeks < 0) {
      unfinished++;
      counts[maxWeeks]++;
    } else counts[weeks]++;
  }
  return { counts, runs, unfinished };
}

/** Percentile p (0–1) of a weeks distribution. */
export function weeksPercentile(d: WeeksDistribution, p: number): number {
  return percentileFromCounts(d.counts, d.runs, p);
}

export function percentileStatsOf(d: WeeksDistribution): PercentileStats {
  return percentileStats((p) => weeksPercentile(d, p));
}

export interface WhenResult {
  percentile_stats: PercentileStats;
  /** Mean weeks, one decimal. */
  mean: number;
  /** Population standard deviation of weeks, one decimal. */
  std: number;
  histogram: { weeks: number; count: number }[];
  /** Start + weeks per percentile (fractional weeks become whole days), with a startDate. */
  completionDates: Record<keyof PercentileStats, string> | null;
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
  const sampler = createThroughputSampler(input);
  const seed = input.seed === undefined || input.seed === null ? randomSeed() : input.seed >>> 0;
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

  const d = weeksToFinish(
    sampler.table,
    backlog,
    n,
    createRng(seed, 0),
    focus,
    maxWeeks,
    opts.signal,
  );
  const stats = percentileStatsOf(d);
  let sum = 0;
  let first = -1;
  let last = -1;
  for (let w = 0; w < d.counts.length; w++) {
    if (d.counts[w] === 0) continue;
    if (first < 0) first = w;
    last = w;
    sum += w * d.counts[w];
  }
  const mean = sum / n;
  let ss = 0;
  const histogram: { weeks: number; count: number }[] = [];
  for (let w = first; w <= last; w++) {
    histogram.push({ weeks: w, count: d.counts[w] });
    ss += d.counts[w] * (w - mean) * (w - mean);
  }
  const warnings = [...sampler.warnings];
  if (d.unfinished > 0) {
    warnings.push(warning('unfinishedRuns', { unfinished: d.unfinished, runs: n, maxWeeks }));
  }
  let completionDates: Record<keyof PercentileStats, string> | null = null;
  if (start !== null) {
    const s = start;
    const at = (w: number) => addWeeks(s, w);
    completionDates = {
      p10: at(stats.p10),
      p25: at(stats.p25),
      p50: at(stats.p50),
      p75: at(stats.p75),
      p85: at(stats.p85),
      p90: at(stats.p90),
      p95: at(stats.p95),
    };
  }
  return {
    percentile_stats: stats,
    mean: roundTo(mean, 1),
    std: roundTo(Math.sqrt(ss / n), 1),
    histogram,
    completionDates,
    backlog,
    throughput: { model: sampler.model, meanPerWeek: sampler.mean },
    numberOfSimulations: n,
    unfinishedRuns: d.unfinished,
    seed,
    ...warningFields(warnings),
  };
}
