/**
 * Runs stopped at `maxWeeks` (trust rules, "Unfinished runs"): a percentile that reads any of
 * them is a cap, not a forecast, and must say "more than maxWeeks", never give a date.
 */
import { mapPercentiles, type PercentileStats } from './percentile';

export type PercentileKey = keyof PercentileStats;

/** What every weeks forecast says about its stopped runs. */
export interface RunsFinished {
  /** The cap a run was stopped at. */
  maxWeeks: number;
  /** Share of the runs that finished within maxWeeks (0–1). */
  finishedShare: number;
  /** Per reported percentile: true when it reads a stopped run, so it is "more than maxWeeks". */
  beyondMaxWeeks: Record<PercentileKey, boolean>;
}

const LEVELS: Record<PercentileKey, number> = {
  p10: 0.1,
  p25: 0.25,
  p50: 0.5,
  p75: 0.75,
  p85: 0.85,
  p90: 0.9,
  p95: 0.95,
};

/**
 * True when percentile p reads a stopped run. Stopped runs sort last (at or above maxWeeks),
 * and the interpolated percentile at rank i = (n − 1)·p reads ranks ⌊i⌋ and ⌈i⌉, so it is
 * touched by a stopped run when ⌈i⌉ reaches the first of them.
 */
export function isBeyondMaxWeeks(runs: number, unfinished: number, p: number): boolean {
  if (unfinished <= 0 || runs <= 0) return false;
  return Math.ceil((runs - 1) * p) >= runs - unfinished;
}

export function runsFinished(runs: number, unfinished: number, maxWeeks: number): RunsFinished {
  const flag = (p: number) => isBeyondMaxWeeks(runs, unfinished, p);
  return {
    maxWeeks,
    finishedShare: runs > 0 ? (runs - unfinished) / runs : 1,
    beyondMaxWeeks: mapPercentiles((k) => flag(LEVELS[k])),
  };
}

/** Completion dates, with null where the percentile is a cap (never a date for a cap). */
export function datesUnlessBeyond(
  dateOf: (weeks: number) => string,
  weeks: PercentileStats,
  beyond: Record<PercentileKey, boolean>,
): Record<PercentileKey, string | null> {
  return mapPercentiles((k) => (beyond[k] ? null : dateOf(weeks[k])));
}

/** Dates already computed per percentile (e.g. on a calendar), with null where it is a cap. */
export function maskBeyond(
  dates: Record<PercentileKey, string>,
  beyond: Record<PercentileKey, boolean>,
): Record<PercentileKey, string | null> {
  return mapPercentiles((k) => (beyond[k] ? null : dates[k]));
}

/**
 * Mean and population SD of the steps (weeks, or working days) of the runs that finished: one
 * definition on every surface (engine, API, CLI, web). The stopped runs are the `unfinished`
 * largest counts (they sit at the cap); counted there they would make both a guess, so they are
 * left out and `finishedShare` says how many runs the figures rest on. Null when none finished.
 */
export function finishedMoments(
  counts: ArrayLike<number>,
  unfinished: number,
): { mean: number; sd: number } | null {
  const kept = Array.from(counts, Number);
  let left = unfinished;
  for (let w = kept.length - 1; w >= 0 && left > 0; w--) {
    const take = Math.min(left, kept[w]);
    kept[w] -= take;
    left -= take;
  }
  let runs = 0;
  let sum = 0;
  kept.forEach((c, w) => {
    runs += c;
    sum += c * w;
  });
  if (runs === 0) return null;
  const mean = sum / runs;
  const ss = kept.reduce((acc, c, w) => acc + c * (w - mean) * (w - mean), 0);
  return { mean, sd: Math.sqrt(ss / runs) };
}
