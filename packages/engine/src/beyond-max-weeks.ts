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
