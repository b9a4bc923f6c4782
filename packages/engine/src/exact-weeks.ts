/**
 * The exact distribution of weeks to finish a backlog for a throughput-only forecast, with no
 * sampling at all. Each week's throughput is an independent draw from the same table, so the
 * items done after w weeks are a sum of w independent draws and the weeks to finish follow from
 * repeated convolution of the table's distribution. This is what the Monte Carlo `when`
 * estimates, which makes it an independent check of the simulation (tests) and a faster path
 * where no calendar, lead time or risk changes the weeks (bench).
 *
 * The probabilities are those the alias table really draws (its thresholds are quantised to
 * 2^shift steps), not the weights it was built from, so the Monte Carlo is compared with
 * exactly the distribution it samples.
 */
import type { DiscreteTable } from './discrete-sampler';
import { DEFAULT_MAX_WEEKS } from './simulation-plan';
import { WORK_EPSILON } from './round';

/** The outcomes a table draws and their exact probabilities (outcomes ascending, merged). */
export function tableDistribution(table: DiscreteTable): { values: number[]; probs: number[] } {
  const cols = table.values.length;
  const scale = 2 ** table.shift;
  const byValue = new Map<number, number>();
  const add = (value: number, p: number): void => {
    if (p > 0) byValue.set(value, (byValue.get(value) ?? 0) + p);
  };
  for (let c = 0; c < cols; c++) {
    const keep = table.threshold[c] / scale;
    add(table.values[c], keep / cols);
    add(table.values[table.alias[c]], (1 - keep) / cols);
  }
  const values = [...byValue.keys()].sort((a, b) => a - b);
  return { values, probs: values.map((v) => byValue.get(v) ?? 0) };
}

export interface ExactWeeks {
  /** pmf[w]: the probability that the backlog is done after exactly w weeks (0 ≤ w ≤ maxWeeks). */
  pmf: Float64Array;
  /** The probability that it is not done after maxWeeks weeks. */
  beyond: number;
}

/**
 * Sums above this many items are not tracked: the work is this × weeks × outcomes, so a hostile
 * backlog/focus pair cannot make it unbounded.
 */
export const EXACT_MAX_ITEMS = 1_000_000;

/** Mass still unfinished below this is too small to change any printed figure: it is `beyond`. */
const NEGLIGIBLE = 1e-18;

/**
 * Weeks to finish `backlog` items when each week does `focus` × a draw from `table`. Throughput
 * must be whole numbers (the table's outcomes are item counts); returns null otherwise, or when
 * the backlog needs more than EXACT_MAX_ITEMS items of throughput.
 */
export function exactWeeksToFinish(
  table: DiscreteTable,
  backlog: number,
  focus = 1,
  maxWeeks = DEFAULT_MAX_WEEKS,
): ExactWeeks | null {
  const { values, probs } = tableDistribution(table);
  if (!values.every((v) => Number.isInteger(v) && v >= 0)) return null;
  const pmf = new Float64Array(maxWeeks + 1);
  if (backlog <= 0) {
    pmf[0] = 1;
    return { pmf, beyond: 0 };
  }
  // The smallest whole throughput sum whose focus-scaled items reach the backlog, with the
  // simulation's tolerance for rounding (WORK_EPSILON).
  let need = Math.ceil(backlog / focus);
  while (need > 1 && (need - 1) * focus >= backlog - WORK_EPSILON) need--;
  if (need > EXACT_MAX_ITEMS) return null;

  // alive[s]: probability that after this many weeks the throughput sum is s (< need).
  let alive = new Float64Array(need);
  let next = new Float64Array(need);
  alive[0] = 1;
  let low = 0;
  let aliveMass = 1;
  for (let week = 1; week <= maxWeeks && aliveMass >= NEGLIGIBLE; week++) {
    next.fill(0, low);
    let done = 0;
    for (let s = low; s < need; s++) {
      const p = alive[s];
      if (p === 0) continue;
      for (let k = 0; k < values.length; k++) {
        const to = s + values[k];
        if (to >= need) done += p * probs[k];
        else next[to] += p * probs[k];
      }
    }
    pmf[week] = done;
    aliveMass -= done;
    [alive, next] = [next, alive];
    // Sums only grow, so the lowest reachable sum moves up with the smallest outcome.
    while (low < need && alive[low] === 0) low++;
  }
  return { pmf, beyond: Math.max(0, aliveMass) };
}

/** P(done within w weeks) for every w from 0 to maxWeeks. */
export function exactCdf(d: ExactWeeks): Float64Array {
  const cdf = new Float64Array(d.pmf.length);
  let sum = 0;
  for (let w = 0; w < d.pmf.length; w++) {
    sum += d.pmf[w];
    cdf[w] = Math.min(1, sum);
  }
  return cdf;
}

/** The smallest week count with P(done within it) ≥ p; null when that is beyond maxWeeks. */
export function exactWeeksPercentile(d: ExactWeeks, p: number): number | null {
  let sum = 0;
  for (let w = 0; w < d.pmf.length; w++) {
    sum += d.pmf[w];
    // Rounding in the sum must not push a percentile one week later.
    if (sum >= p - 1e-12) return w;
  }
  return null;
}
