/**
 * Dependencies on other teams: the chance they all arrive on time and the delay they add.
 *
 * For the simulation: `prepareDependencies(deps, mode)` validates once and returns
 * `(rng) => days`, the dependency delay of one run; add `Math.ceil(days / 7)` weeks to the run.
 * It consumes exactly one uniform per dependency, plus one more for each late dependency.
 *
 * Model (spec "Dependencies between teams"): dependency i is on time with probability pᵢ
 * (default 0.7). Per run each dependency is late when U > pᵢ and then adds a delay: a uniform
 * draw from its `delaySamples` if given, else U(0.7d, 1.3d) with d = `expectedDelayDays`
 * (default 7), else — when d ≤ 0 — U(5, 15), the original's fallback.
 * `mode: 'sum'` (default, as the original) adds the delays of the late dependencies;
 * `mode: 'max'` awaits parallel dependencies by the longest delay (critical path).
 *
 * Decisions where the spec is silent:
 * - Odds phrasing of P(all on time) = p: below ½ it is "1 in N" with N = round(1/p) (0.49 →
 *   "1 in 2", 0.343 → "1 in 3", 0.05 → "1 in 20"); from ½ up it is "k in 10" with
 *   k = round(10p) ("7 in 10"), or "k in 100" when that would round to 10 in 10 without being
 *   certain ("97 in 100", at most "99 in 100"); exactly 1 is "10 in 10"; below 1 in 1,000 it
 *   is "less than 1 in 1,000".
 * - Risk score = 0.4·P(late)·100 + 0.3·min(mean delay/30·100, 100) + 0.2·min(CV·100, 100)
 *   + 0.1·min(n·10, 100), where P(late) = 1 − Π pᵢ is exact, and the mean delay and the
 *   coefficient of variation (population sd / mean, 0 when the mean is 0) are over all runs
 *   of the simulated delay in days, on-time runs counting as 0 days.
 * - `nSimulations` defaults to 10,000, capped at 1,000,000.
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { DependencyAnalysisInput, DependencyInput, DependencyMode } from './inputs';
import { createRng, requestSeed } from './prng';
import type { RandomSource } from './prng';
import { EngineInputError } from './errors';
import { meanAndSd, summarizePercentiles } from './analytics-stats';
import type { PercentileSummary } from './analytics-stats';
import { intervalSorted, percentileIntervals, type PercentileInterval } from './percentile';

export const DEPENDENCY_DEFAULT_ON_TIME = 0.7;
export const DEPENDENCY_DEFAULT_DELAY_DAYS = 7;
const DEFAULT_SIMULATIONS = 10_000;
const MAX_SIMULATIONS = 1_000_000;

export type DependencyRiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** Draws one run's total dependency delay in days. */
export type DependencyDelaySampler = (rng: RandomSource) => number;

interface PreparedDependency {
  p: number;
  samples: Float64Array | null;
  low: number;
  width: number;
}

function prepareOne(dep: DependencyInput, i: number): PreparedDependency {
  const p = dep.onTimeProbability ?? DEPENDENCY_DEFAULT_ON_TIME;
  if (!(p >= 0 && p <= 1)) {
    throw new EngineInputError(
      `dependencies[${i}].onTimeProbability must be between 0 and 1`,
      'dependencies',
    );
  }
  const samples =
    dep.delaySamples && dep.delaySamples.length > 0 ? Float64Array.from(dep.delaySamples) : null;
  if (samples && samples.some((x) => !Number.isFinite(x) || x < 0)) {
    throw new EngineInputError(
      `dependencies[${i}].delaySamples must be finite numbers ≥ 0`,
      'dependencies',
    );
  }
  const d = dep.expectedDelayDays ?? DEPENDENCY_DEFAULT_DELAY_DAYS;
  if (!Number.isFinite(d)) {
    throw new EngineInputError(
      `dependencies[${i}].expectedDelayDays must be a number`,
      'dependencies',
    );
  }
  return d > 0 ? { p, samples, low: 0.7 * d, width: 0.6 * d } : { p, samples, low: 5, width: 10 };
}

/**
 * Validates the dependencies once and returns the per-run delay sampler (days). With no
 * dependencies it always returns 0 and draws nothing.
 */
export function prepareDependencies(
  deps: readonly DependencyInput[] | undefined,
  mode: DependencyMode = 'sum',
): DependencyDelaySampler {
  const prepared = (deps ?? []).map(prepareOne);
  const n = prepared.length;
  if (n === 0) return () => 0;
  const useMax = mode === 'max';
  return (rng) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = prepared[i];
      // U > p is late; nextFloat is in [0, 1), so p = 1 is never late and p = 0 always is.
      if (rng.nextFloat() < d.p) continue;
      const delay = d.samples
        ? d.samples[rng.nextInt(d.samples.length)]
        : d.low + d.width * rng.nextFloat();
      total = useMax ? Math.max(total, delay) : total + delay;
    }
    return total;
  };
}

/**
 * The odds as numbers, for a sentence in any language: `k` in `n`, or fewer than 1 in `n`
 * (`lessThan`). See the module note for the rule.
 */
export interface OddsParts {
  k: number;
  n: number;
  lessThan: boolean;
}

export function probabilityOddsParts(p: number): OddsParts {
  if (p >= 1) return { k: 10, n: 10, lessThan: false };
  if (p < 0.001) return { k: 1, n: 1000, lessThan: true };
  if (p < 0.5) return { k: 1, n: Math.round(1 / p), lessThan: false };
  const tenths = Math.round(10 * p);
  if (tenths < 10) return { k: tenths, n: 10, lessThan: false };
  return { k: Math.min(99, Math.round(100 * p)), n: 100, lessThan: false };
}

/** "1 in 2", "7 in 10", … in English (the API's `odds`); other languages use the parts. */
export function probabilityOdds(p: number): string {
  const { k, n, lessThan } = probabilityOddsParts(p);
  const text = `${k} in ${n.toLocaleString('en-US')}`;
  return lessThan ? `less than ${text}` : text;
}

export function dependencyRiskLevel(score: number): DependencyRiskLevel {
  if (score < 25) return 'LOW';
  if (score < 50) return 'MEDIUM';
  if (score < 75) return 'HIGH';
  return 'CRITICAL';
}

export interface DependencyItemSummary {
  name: string;
  onTimeProbability: number;
  expectedDelayDays: number;
  /** Mean delay when late: the sample mean, the midpoint of U(0.7d, 1.3d), or 10. */
  meanDelayWhenLate: number;
}

export interface DependencyAnalysisResult {
  seed: number;
  mode: DependencyMode;
  nSimulations: number;
  dependencyCount: number;
  /** Π pᵢ, exact. */
  onTimeProbability: number;
  /** 1 − Π pᵢ. */
  lateProbability: number;
  odds: string;
  /** Share of simulated runs with no delay (every dependency on time, or late by 0 days). */
  simulatedOnTimeShare: number;
  meanDelayDays: number;
  sdDelayDays: number;
  /** Percentiles of the run delay in days, and in whole weeks (ceil(days/7) per run). */
  delayDays: PercentileSummary;
  delayWeeks: PercentileSummary;
  /** Each delay percentile's 95 % sampling interval from the runs' order statistics. */
  delayDaysIntervals: Record<keyof PercentileSummary, PercentileInterval>;
  delayWeeksIntervals: Record<keyof PercentileSummary, PercentileInterval>;
  maxDelayDays: number;
  riskScore: number;
  riskLevel: DependencyRiskLevel;
  dependencies: DependencyItemSummary[];
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
}

export function dependencyAnalysis(input: DependencyAnalysisInput): DependencyAnalysisResult {
  const seed = requestSeed(input);
  const mode = input.mode ?? 'sum';
  const deps = input.dependencies;
  const n = Math.min(
    MAX_SIMULATIONS,
    Math.max(1, Math.round(input.nSimulations ?? DEFAULT_SIMULATIONS)),
  );
  const sampler = prepareDependencies(deps, mode);
  const rng = createRng(seed, 0);
  const days = new Float64Array(n);
  let onTimeRuns = 0;
  for (let r = 0; r < n; r++) {
    const d = sampler(rng);
    days[r] = d;
    if (d === 0) onTimeRuns++;
  }
  const weeks = days.map((d) => Math.ceil(d / 7));
  const { mean, sd } = meanAndSd(days);
  days.sort();
  weeks.sort();

  let onTime = 1;
  const items: DependencyItemSummary[] = deps.map((dep, i) => {
    const p = dep.onTimeProbability ?? DEPENDENCY_DEFAULT_ON_TIME;
    onTime *= p;
    const d = dep.expectedDelayDays ?? DEPENDENCY_DEFAULT_DELAY_DAYS;
    let meanLate = d > 0 ? d : 10;
    if (dep.delaySamples && dep.delaySamples.length > 0) {
      meanLate = dep.delaySamples.reduce((s, x) => s + x, 0) / dep.delaySamples.length;
    }
    return {
      name: dep.name ?? `Dependency ${i + 1}`,
      onTimeProbability: p,
      expectedDelayDays: d,
      meanDelayWhenLate: meanLate,
    };
  });
  const late = 1 - onTime;
  const cv = mean > 0 ? sd / mean : 0;
  const score =
    0.4 * late * 100 +
    0.3 * Math.min((mean / 30) * 100, 100) +
    0.2 * Math.min(cv * 100, 100) +
    0.1 * Math.min(deps.length * 10, 100);
  const warnings: EngineWarning[] = [];
  if (
    deps.some(
      (d) => !(d.delaySamples && d.delaySamples.length > 0) && (d.expectedDelayDays ?? 7) <= 0,
    )
  ) {
    warnings.push(warning('dependencyDefaultDelay', {}));
  }

  return {
    seed,
    mode,
    nSimulations: n,
    dependencyCount: deps.length,
    onTimeProbability: onTime,
    lateProbability: late,
    odds: probabilityOdds(onTime),
    simulatedOnTimeShare: onTimeRuns / n,
    meanDelayDays: mean,
    sdDelayDays: sd,
    delayDays: summarizePercentiles(days),
    delayWeeks: summarizePercentiles(weeks),
    delayDaysIntervals: percentileIntervals((p) => intervalSorted(days, p)),
    delayWeeksIntervals: percentileIntervals((p) => intervalSorted(weeks, p)),
    maxDelayDays: n > 0 ? days[n - 1] : 0,
    riskScore: score,
    riskLevel: dependencyRiskLevel(score),
    dependencies: items,
    ...warningFields(warnings),
  };
}
