/**
 * Rough cost of a forecast in random draws, before running it, so a server can decide whether
 * to compute inline or on a worker thread (~5–15 ns per draw). Only cheap arithmetic on the
 * input: no fitting, no validation (invalid input gives a small or NaN-free estimate).
 */
import type { SimulateInput, ThroughputInput, WhenInput } from './inputs';

function meanWeekly(input: ThroughputInput): number {
  const xs = Array.isArray(input.tpSamples) ? input.tpSamples : [];
  let sum = 0;
  let n = 0;
  for (const x of xs) {
    if (typeof x === 'number' && Number.isFinite(x) && x >= 0) {
      sum += x;
      n++;
    }
  }
  if (n > 0) return sum / n;
  const three = [input.pBest, input.pLikely, input.pWorst].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  return three.length > 0 ? three.reduce((a, b) => a + b, 0) / three.length : 1;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Expected weeks of one throughput-only run, capped by maxWeeks. */
function weeksFor(items: number, weekly: number, maxWeeks: number): number {
  return Math.min(maxWeeks, Math.max(1, items / Math.max(weekly, 1e-9)));
}

/** Approximate random draws of `simulate(input)`. */
export function simulationWork(input: SimulateInput): number {
  const runs = num(input.numberOfSimulations, 10_000);
  const backlog = Math.max(num(input.numberOfTasks, 0), num(input.backlogAdjustedMax, 0));
  const split = Array.isArray(input.splitRateSamples) ? input.splitRateSamples.length : 0;
  const lt = Array.isArray(input.ltSamples) ? input.ltSamples.length : 0;
  const risks = Array.isArray(input.risks) ? input.risks.length : 0;
  const deps = Array.isArray(input.dependencies) ? input.dependencies.length : 0;
  const h = num(
    input.historicalTeamSize,
    num(input.totalContributors, num(input.maxContributors, 1)),
  );
  const crew = (num(input.minContributors, h) + num(input.maxContributors, h)) / 2;
  const weekly = meanWeekly(input) * num(input.teamFocus, 1) * (crew / Math.max(h, 1e-9));
  let maxSplit = 1;
  for (const x of split > 0 ? (input.splitRateSamples as number[]) : []) {
    if (Number.isFinite(x) && x > maxSplit) maxSplit = x;
  }
  const weeks = weeksFor(backlog * maxSplit, weekly, num(input.maxWeeks, 520));
  // Split rates take 1.5 n draws per run on average, lead times 0.5 n, risks and dependencies 2.
  return runs * (1 + weeks + 1.5 * split + 0.5 * lt + 2 * risks + 2 * deps);
}

/** Approximate random draws of `forecastWhen(input)` (also deadline analysis). */
export function whenWork(input: WhenInput): number {
  const runs = num(input.numberOfSimulations, num(input.nSimulations, 10_000));
  const weekly = meanWeekly(input) * num(input.teamFocus, 1);
  return runs * weeksFor(num(input.backlog, 0), weekly, num(input.maxWeeks, 520));
}
