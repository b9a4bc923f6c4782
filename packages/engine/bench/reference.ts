/**
 * The team simulation written the obvious way, as a yardstick for the engine's speed and memory:
 * an object per run with its burn-down array, Math.random, a Weibull draw by inverse CDF
 * (Math.log and Math.pow per week), the S-curve index recomputed every week, and every output
 * sorted with Array.prototype.sort. Same model and inputs as the engine, so the percentiles
 * agree within sampling noise (bench.ts prints both).
 */
import { buildSCurve, fitWeibull } from '../src/index';

export interface ReferenceInput {
  tpSamples: number[];
  numberOfTasks: number;
  totalContributors: number;
  minContributors: number;
  maxContributors: number;
  sCurveSize: number;
  numberOfSimulations: number;
}

interface Run {
  totalTasks: number;
  durationInCalendarWeeks: number;
  effortWeeks: number;
  burnDown: number[];
}

function bankersRound(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function percentile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] * (1 - (i - lo)) + sorted[hi] * (i - lo);
}

export function referenceSimulate(input: ReferenceInput) {
  const { shape, scale } = fitWeibull(input.tpSamples);
  const curve = Array.from(
    buildSCurve(input.minContributors, input.maxContributors, input.sCurveSize),
  );
  const h = input.totalContributors;
  const runs: Run[] = [];
  for (let r = 0; r < input.numberOfSimulations; r++) {
    const total = input.numberOfTasks;
    let remaining = total;
    let weeks = 0;
    let effort = 0;
    const burnDown: number[] = [];
    while (remaining > 0) {
      burnDown.push(Math.ceil(remaining));
      const pct = Math.min(99, Math.max(0, bankersRound(((total - remaining) / total) * 100)));
      const c = curve[pct];
      const w = scale * Math.pow(-Math.log(1 - Math.random()), 1 / shape);
      const tp = Math.max(0, bankersRound(w));
      remaining -= tp * (c / h);
      weeks++;
      effort += c;
    }
    runs.push({ totalTasks: total, durationInCalendarWeeks: weeks, effortWeeks: effort, burnDown });
  }
  const durations = runs.map((r) => r.durationInCalendarWeeks).sort((a, b) => a - b);
  const efforts = runs.map((r) => r.effortWeeks).sort((a, b) => a - b);
  const longest = durations[durations.length - 1];
  const bands = [];
  for (let w = 0; w < longest; w++) {
    const left = runs.map((r) => r.burnDown[w] ?? 0).sort((a, b) => a - b);
    bands.push({
      week: w,
      p5: percentile(left, 0.05),
      p50: percentile(left, 0.5),
      p85: percentile(left, 0.85),
      p95: percentile(left, 0.95),
    });
  }
  return {
    p50: percentile(durations, 0.5),
    p85: percentile(durations, 0.85),
    p95: percentile(durations, 0.95),
    effortP85: percentile(efforts, 0.85),
    bands,
    runs,
  };
}
