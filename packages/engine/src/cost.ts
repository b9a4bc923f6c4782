/**
 * Cost forecast (PERT-Beta): each backlog item costs e·(a + X·(b − a)), X ~ Beta(α, β) from the
 * three-point estimate, e the team-efficiency factor; a run's total is the sum over the backlog.
 *
 * Decisions where the spec is silent:
 * - `nSimulations` defaults to 10,000 (as every other forecast) and is capped at 1,000,000.
 * - Efficiency e = 1/(1 + 0.1·mean(tpSamples)/teamSize) only when both a non-empty throughput
 *   history and a positive team size are given; otherwise 1.
 * - Backlogs above {@link COST_EXACT_MAX_ITEMS} items are not summed item by item: the sum of
 *   that many independent Beta variates is drawn from its normal approximation with a
 *   Cornish–Fisher correction for skewness and kurtosis (both shrink as 1/√B and 1/B), which
 *   is closer to the exact distribution than the Monte Carlo noise of the percentiles. A
 *   warning says so.
 * - Without a budget the risk metrics are the contingencies (P85 − mean, P95 − mean) and the
 *   coefficient of variation; with one they add P(cost > budget), the expected overrun and
 *   the gap between P85 and the budget.
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { CostInput } from './inputs';
import { createRng, requestSeed } from './prng';
import type { RandomSource } from './prng';
import { createBetaSampler } from './beta';
import { EngineInputError } from './errors';
import { pertParameters } from './pert';
import type { PertParameters } from './pert';
import { histogramSorted, meanAndSd, summarizePercentiles } from './analytics-stats';
import type { HistogramBin, PercentileSummary } from './analytics-stats';

export const COST_DEFAULT_SIMULATIONS = 10_000;
export const COST_MAX_SIMULATIONS = 1_000_000;
/** Above this backlog the per-run sum is drawn from its (corrected) normal approximation. */
export const COST_EXACT_MAX_ITEMS = 256;
const HISTOGRAM_BINS = 50;

export interface CostRiskMetrics {
  /** Reserve over the mean needed to be 85 % (95 %) sure: P85 − mean, P95 − mean. */
  contingencyP85: number;
  contingencyP95: number;
  /** sd / mean; 0 when the mean is 0. */
  coefficientOfVariation: number;
  /** Only with a budget. */
  budget?: number;
  /** Share of runs whose total exceeded the budget (0–1). */
  probabilityOverBudget?: number;
  probabilityWithinBudget?: number;
  /** Mean of max(0, total − budget) over all runs. */
  expectedOverrun?: number;
  /** P85 − budget: positive means the budget is short at 85 % confidence. */
  budgetGapP85?: number;
}

export interface CostResult {
  seed: number;
  currency: string;
  nSimulations: number;
  backlog: number;
  pert: PertParameters;
  efficiencyFactor: number;
  /** B·e·mean per item and √B·e·sd per item: the exact moments, for comparison. */
  expectedTotal: number;
  expectedSd: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  percentile_stats: PercentileSummary;
  histogram: HistogramBin[];
  /** Share of runs whose total was at most `cost`, at each histogram bin's upper edge. */
  cumulative: { cost: number; probability: number }[];
  risk: CostRiskMetrics;
  method: 'per-item' | 'cornish-fisher';
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
}

/** e = 1/(1 + 0.1·mean(tp)/teamSize), or 1 without history or team size. */
export function costEfficiencyFactor(tpSamples?: number[], teamSize?: number): number {
  if (!tpSamples || tpSamples.length === 0 || !teamSize || teamSize <= 0) return 1;
  let sum = 0;
  for (const v of tpSamples) sum += v;
  return 1 / (1 + (0.1 * (sum / tpSamples.length)) / teamSize);
}

/**
 * Draws of Σ of `count` Beta(α, β) variates. One uniform per item below the threshold, two
 * per run above it.
 */
function createBetaSumSampler(
  alpha: number,
  beta: number,
  count: number,
): { draw: (rng: RandomSource) => number; method: CostResult['method'] } {
  if (count <= COST_EXACT_MAX_ITEMS) {
    const sample = createBetaSampler(alpha, beta);
    return {
      method: 'per-item',
      draw: (rng) => {
        let s = 0;
        for (let i = 0; i < count; i++) s += sample(rng);
        return s;
      },
    };
  }
  const s = alpha + beta;
  const mean = count * (alpha / s);
  const variance = (count * alpha * beta) / (s * s * (s + 1));
  const sd = Math.sqrt(variance);
  const skew =
    (2 * (beta - alpha) * Math.sqrt(s + 1)) /
    ((s + 2) * Math.sqrt(alpha * beta)) /
    Math.sqrt(count);
  const exKurt =
    (6 * ((alpha - beta) ** 2 * (s + 1) - alpha * beta * (s + 2))) /
    (alpha * beta * (s + 2) * (s + 3)) /
    count;
  return {
    method: 'cornish-fisher',
    draw: (rng) => {
      // Box–Muller: exact normal from two uniforms; 1 − u keeps the log finite.
      const u1 = 1 - rng.nextFloat();
      const u2 = rng.nextFloat();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      const z2 = z * z;
      const w =
        z +
        ((z2 - 1) * skew) / 6 +
        ((z2 * z - 3 * z) * exKurt) / 24 -
        ((2 * z2 * z - 5 * z) * skew * skew) / 36;
      return Math.min(count, Math.max(0, mean + sd * w));
    },
  };
}

/** Monte Carlo cost of a backlog from a three-point per-item estimate. */
export function costAnalysis(input: CostInput): CostResult {
  const seed = requestSeed(input);
  const a = input.optimistic;
  const m = input.mostLikely;
  const b = input.pessimistic;
  if (!(a < m && m < b)) {
    throw new EngineInputError(
      'the cost estimate needs optimistic < mostLikely < pessimistic',
      'mostLikely',
    );
  }
  const backlog = Math.max(0, Math.round(input.backlog));
  const n = Math.min(
    COST_MAX_SIMULATIONS,
    Math.max(1, Math.round(input.nSimulations ?? COST_DEFAULT_SIMULATIONS)),
  );
  const pert = pertParameters(a, m, b);
  const e = costEfficiencyFactor(input.tpSamples, input.teamSize);
  const warnings: EngineWarning[] = [];

  const totals = new Float64Array(n);
  let method: CostResult['method'] = 'per-item';
  if (backlog > 0) {
    const sampler = createBetaSumSampler(pert.alpha, pert.beta, backlog);
    method = sampler.method;
    if (method === 'cornish-fisher') {
      warnings.push(warning('costNormalApproximation', { maxItems: COST_EXACT_MAX_ITEMS }));
    }
    const rng = createRng(seed, 0);
    const base = backlog * a;
    const range = b - a;
    for (let r = 0; r < n; r++) totals[r] = e * (base + range * sampler.draw(rng));
  }
  // Sorting a copy keeps `totals` in run order for the budget pass.
  const sorted = Float64Array.from(totals).sort();
  const { mean, sd } = meanAndSd(totals);
  const percentiles = summarizePercentiles(sorted);
  const histogram = histogramSorted(sorted, HISTOGRAM_BINS);
  let cum = 0;
  const cumulative = histogram.map((bin) => {
    cum += bin.count;
    return { cost: bin.to, probability: cum / n };
  });

  const risk: CostRiskMetrics = {
    contingencyP85: percentiles.p85 - mean,
    contingencyP95: percentiles.p95 - mean,
    coefficientOfVariation: mean > 0 ? sd / mean : 0,
  };
  if (input.budget !== undefined) {
    const budget = input.budget;
    let over = 0;
    let overrun = 0;
    for (let r = 0; r < n; r++) {
      if (totals[r] > budget) {
        over++;
        overrun += totals[r] - budget;
      }
    }
    risk.budget = budget;
    risk.probabilityOverBudget = over / n;
    risk.probabilityWithinBudget = 1 - over / n;
    risk.expectedOverrun = overrun / n;
    risk.budgetGapP85 = percentiles.p85 - budget;
  }

  return {
    seed,
    currency: input.currency ?? 'USD',
    nSimulations: n,
    backlog,
    pert,
    efficiencyFactor: e,
    expectedTotal: backlog * e * pert.meanPerItem,
    expectedSd: Math.sqrt(backlog) * e * pert.sdPerItem,
    mean,
    sd,
    min: n > 0 ? sorted[0] : 0,
    max: n > 0 ? sorted[n - 1] : 0,
    percentile_stats: percentiles,
    histogram,
    cumulative,
    risk,
    method,
    ...warningFields(warnings),
  };
}
