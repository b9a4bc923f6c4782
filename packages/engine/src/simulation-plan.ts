import { checkCalendar, type CalendarInput } from './calendar';
/**
 * Everything a simulation needs, validated and precomputed once: sampler tables, the S-curve as
 * weekly factors, output layouts. A plan is plain structured-cloneable data (numbers, strings,
 * typed arrays), so a worker thread or a Web Worker can receive it and run any batch of it.
 */
import { type EngineWarning } from './warnings';
import type { SimulateInput, ThroughputModel } from './inputs';
import { EngineInputError } from './errors';
import { requestSeed } from './prng';
import { roundHalfEven } from './round';
import { createThroughputSampler } from './throughput';
import type { DiscreteTable } from './discrete-sampler';
import { buildSCurve } from './s-curve';
import { curveSegments, type CurveSegments } from './percent-complete';
import type { WeibullParams } from './weibull';
import { parseDate } from './dates';

/** Runs per batch. Fixed, so a seed gives the same result however batches are spread. */
export const SIMULATION_BATCH_SIZE = 16_384;
export const DEFAULT_SIMULATIONS = 10_000;
export const MAX_SIMULATIONS = 1_000_000;
export const DEFAULT_MAX_WEEKS = 520;
/** Runs whose summary is returned with `includeRuns`, and burn-downs among them. */
export const KEPT_RUNS = 10_000;
export const KEPT_BURN_DOWNS = 100;
/** Integer outputs with a larger possible range are kept as raw values instead of counts. */
const MAX_COUNT_RANGE = 1 << 18;
/** At most this many burn-down bins per week; wider backlogs share bins (see README). */
const MAX_BURN_DOWN_BINS = 1024;
const MAX_BURN_DOWN_CELLS = 1 << 21;

export interface DependencyPlan {
  onTime: number;
  /** Observed delays; when empty, a late run draws uniformly from [delayLow, delayHigh]. */
  samples: Float64Array;
  delayLow: number;
  delayHigh: number;
}

export interface SimulationPlan {
  seed: number;
  numberOfSimulations: number;
  batchSize: number;
  backlogMin: number;
  backlogMax: number;
  throughput: DiscreteTable;
  throughputModel: ThroughputModel;
  requestedThroughputModel: ThroughputModel;
  weibull: WeibullParams | null;
  zeroShare: number | null;
  throughputMean: number;
  splitRates: Float64Array;
  leadTimes: Float64Array;
  leadTimeMinDraws: number;
  leadTimeMaxDraws: number;
  /** Risk likelihoods as fractions, and each risk's triangular impact (low, mode, high). */
  riskLikelihood: Float64Array;
  riskLow: Float64Array;
  riskMode: Float64Array;
  riskHigh: Float64Array;
  dependencies: DependencyPlan[];
  dependencyMode: 'sum' | 'max';
  minContributors: number;
  maxContributors: number;
  historicalTeamSize: number;
  teamFocus: number;
  /** Contributors in each percent of the project. */
  curve: Int32Array;
  /** curve[pct] / h · f: the multiplier of a week's throughput draw. */
  weekFactor: Float64Array;
  /** The curve as runs of equal team size (see percent-complete.ts). */
  segments: CurveSegments;
  maxWeeks: number;
  /** Upper bound of a run's total tasks, for output layouts. */
  maxTotalTasks: number;
  tasksAsCounts: boolean;
  effortAsCounts: boolean;
  burnDownBinWidth: number;
  burnDownBins: number;
  /** Burn-down histograms record every `burnDownStride`-th week (1 unless maxWeeks is huge). */
  burnDownStride: number;
  keptRuns: number;
  keptBurnDowns: number;
  includeRuns: boolean;
  startDate: string | null;
  /** Dates count working days of this calendar (already checked); null: calendar weeks. */
  calendar: CalendarInput | null;
  confidence: number;
  costPerPersonWeek: number | null;
  currency: string;
  tpSamples: Float64Array;
  warnings: EngineWarning[];
}

function finiteArray(
  xs: number[] | undefined,
  field: string,
  min = -Infinity,
  max = Infinity,
): Float64Array {
  if (xs === undefined) return new Float64Array(0);
  if (!Array.isArray(xs)) throw new EngineInputError(`${field} must be a list of numbers`, field);
  for (const x of xs) {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) {
      throw new EngineInputError(`${field} must hold finite numbers in [${min}, ${max}]`, field);
    }
  }
  return Float64Array.from(xs);
}

function positiveInt(
  v: number | undefined,
  field: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new EngineInputError(`${field} must be a number in [${min}, ${max}]`, field);
  }
  return Math.round(v);
}

function teamSizes(input: SimulateInput): { min: number; max: number; h: number } {
  const total = input.totalContributors;
  const given = [input.minContributors, input.maxContributors, total, input.historicalTeamSize];
  for (const [i, v] of given.entries()) {
    if (
      v !== undefined &&
      v !== null &&
      (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 10_000)
    ) {
      const field = [
        'minContributors',
        'maxContributors',
        'totalContributors',
        'historicalTeamSize',
      ][i];
      throw new EngineInputError(`${field} must be between 1 and 10,000`, field);
    }
  }
  let min: number;
  let max: number;
  if (input.minContributors == null && input.maxContributors == null) {
    // No S-curve asked for: the team works at the size the history was measured with, so the
    // history is used as is (C = h).
    min = max = total ?? 1;
  } else {
    max = input.maxContributors ?? Math.max(input.minContributors as number, total ?? 0);
    min = input.minContributors ?? max;
    if (min > max)
      throw new EngineInputError(
        'minContributors must not exceed maxContributors',
        'minContributors',
      );
  }
  // [fix] h defaults to the team that produced the history, not to 1.
  const h = input.historicalTeamSize ?? total ?? input.maxContributors ?? (min === max ? max : 1);
  return { min: Math.round(min), max: Math.round(max), h };
}

function planDependencies(input: SimulateInput): DependencyPlan[] {
  const deps = input.dependencies ?? [];
  if (deps.length > 100) throw new EngineInputError('at most 100 dependencies', 'dependencies');
  return deps.map((d, i) => {
    const field = `dependencies[${i}]`;
    const p = d.onTimeProbability ?? 0.7;
    if (!(p >= 0 && p <= 1))
      throw new EngineInputError(`${field}.onTimeProbability must be in [0, 1]`, field);
    const expected = d.expectedDelayDays ?? 7;
    if (!Number.isFinite(expected) || expected < 0) {
      throw new EngineInputError(`${field}.expectedDelayDays must be ≥ 0`, field);
    }
    const samples = finiteArray(d.delaySamples, `${field}.delaySamples`, 0);
    // A positive expected delay varies ±30 %; without one, the original's 5–15 days.
    const [delayLow, delayHigh] = expected > 0 ? [0.7 * expected, 1.3 * expected] : [5, 15];
    return { onTime: p, samples, delayLow, delayHigh };
  });
}

function planBacklog(input: SimulateInput): { backlogMin: number; backlogMax: number } {
  const tasks = input.numberOfTasks;
  if (typeof tasks !== 'number' || !Number.isFinite(tasks) || tasks < 0 || tasks > 1_000_000) {
    throw new EngineInputError('numberOfTasks must be between 0 and 1,000,000', 'numberOfTasks');
  }
  const aMin = input.backlogAdjustedMin;
  const aMax = input.backlogAdjustedMax;
  if (typeof aMin === 'number' && typeof aMax === 'number' && aMin > 0 && aMax > 0) {
    if (!Number.isFinite(aMin) || !Number.isFinite(aMax) || Math.max(aMin, aMax) > 10_000_000) {
      throw new EngineInputError('backlogAdjustedMin/Max must be finite', 'backlogAdjustedMin');
    }
    return {
      backlogMin: roundHalfEven(Math.min(aMin, aMax)),
      backlogMax: roundHalfEven(Math.max(aMin, aMax)),
    };
  }
  const backlog = roundHalfEven(tasks);
  return { backlogMin: backlog, backlogMax: backlog };
}

function planHistorySamples(
  input: SimulateInput,
): Pick<SimulationPlan, 'splitRates' | 'leadTimes' | 'leadTimeMinDraws' | 'leadTimeMaxDraws'> {
  const splitRates = finiteArray(input.splitRateSamples, 'splitRateSamples', 0.2, 10);
  const leadTimes = finiteArray(input.ltSamples, 'ltSamples', 0);
  if (splitRates.length > 10_000)
    throw new EngineInputError('at most 10,000 split rates', 'splitRateSamples');
  if (leadTimes.length > 10_000)
    throw new EngineInputError('at most 10,000 lead times', 'ltSamples');
  // [fix] at least one draw, so 1–4 samples do not divide by zero.
  const leadTimeMinDraws = Math.max(1, roundHalfEven(0.1 * leadTimes.length));
  const leadTimeMaxDraws = Math.max(leadTimeMinDraws, roundHalfEven(0.9 * leadTimes.length));
  return { splitRates, leadTimes, leadTimeMinDraws, leadTimeMaxDraws };
}

type RiskPlan = Pick<SimulationPlan, 'riskLikelihood' | 'riskLow' | 'riskMode' | 'riskHigh'> & {
  /** The most tasks all risks together can add (each one's rounded high impact). */
  maxImpact: number;
};

function planRisks(input: SimulateInput): RiskPlan {
  const risks = input.risks ?? [];
  if (risks.length > 100) throw new EngineInputError('at most 100 risks', 'risks');
  const riskLikelihood = new Float64Array(risks.length);
  const riskLow = new Float64Array(risks.length);
  const riskMode = new Float64Array(risks.length);
  const riskHigh = new Float64Array(risks.length);
  let maxImpact = 0;
  risks.forEach((r, i) => {
    const field = `risks[${i}]`;
    const nums = [r.likelihood, r.lowImpact, r.highImpact, r.mediumImpact ?? 0];
    if (nums.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      throw new EngineInputError(
        `${field} needs finite, non-negative likelihood and impacts`,
        field,
      );
    }
    const lik = r.likelihood >= 1 ? r.likelihood / 100 : r.likelihood;
    if (lik > 1) throw new EngineInputError(`${field}.likelihood must be at most 100%`, field);
    riskLikelihood[i] = lik;
    const low = Math.min(r.lowImpact, r.highImpact);
    const high = Math.max(r.lowImpact, r.highImpact);
    const mode = Math.min(high, Math.max(low, r.mediumImpact ?? (low + high) / 2));
    if (high > 1_000_000)
      throw new EngineInputError(`${field}.highImpact must be at most 1,000,000`, field);
    // Drawn once per run, so a continuous draw (one square root) is cheap and suits any range.
    riskLow[i] = low;
    riskMode[i] = mode;
    riskHigh[i] = high;
    maxImpact += roundHalfEven(high);
  });
  return { riskLikelihood, riskLow, riskMode, riskHigh, maxImpact };
}

/** The team's size per percent of the project and the weekly throughput multipliers. */
function planTeamCurve(
  input: SimulateInput,
  focus: number,
): Pick<
  SimulationPlan,
  'minContributors' | 'maxContributors' | 'historicalTeamSize' | 'curve' | 'weekFactor' | 'segments'
> {
  const { min, max, h } = teamSizes(input);
  const curve =
    input.minContributors == null && input.maxContributors == null
      ? new Int32Array(100).fill(max)
      : buildSCurve(min, max, input.sCurveSize ?? 0);
  const weekFactor = new Float64Array(100);
  for (let i = 0; i < 100; i++) weekFactor[i] = (curve[i] / h) * focus;
  return {
    minContributors: min,
    maxContributors: max,
    historicalTeamSize: h,
    curve,
    weekFactor,
    segments: curveSegments(curve, weekFactor),
  };
}

/** Burn-down histogram layout for runs of up to `maxTotalTasks` tasks and `maxWeeks` weeks. */
function planBurnDown(
  maxTotalTasks: number,
  maxWeeks: number,
): Pick<SimulationPlan, 'burnDownBinWidth' | 'burnDownBins' | 'burnDownStride'> {
  const burnDownBinWidth = Math.max(1, Math.ceil((maxTotalTasks + 1) / MAX_BURN_DOWN_BINS));
  const burnDownBins = Math.floor(maxTotalTasks / burnDownBinWidth) + 1;
  // At most ~2²¹ cells (8 MB) of burn-down histogram per batch, even with a huge maxWeeks.
  const burnDownRowsCap = Math.max(16, Math.floor(MAX_BURN_DOWN_CELLS / burnDownBins));
  const burnDownStride = Math.max(1, Math.ceil((maxWeeks + 1) / burnDownRowsCap));
  return { burnDownBinWidth, burnDownBins, burnDownStride };
}

/** Options that only shape the result: start date, headline confidence, cost. */
function planReporting(
  input: SimulateInput,
): Pick<
  SimulationPlan,
  'startDate' | 'calendar' | 'confidence' | 'costPerPersonWeek' | 'currency'
> {
  let startDate: string | null = null;
  if (input.startDate !== undefined && input.startDate !== null) {
    startDate = parseDate(input.startDate);
    if (startDate === null) throw new EngineInputError('startDate is not a date', 'startDate');
  }
  const confidence = input.confidence ?? 0.85;
  if (!(confidence > 0 && confidence <= 1))
    throw new EngineInputError('confidence must be in (0, 1]', 'confidence');
  const cost = input.costPerPersonWeek;
  if (cost !== undefined && cost !== null && !(Number.isFinite(cost) && cost >= 0)) {
    throw new EngineInputError('costPerPersonWeek must be ≥ 0', 'costPerPersonWeek');
  }
  const calendar = input.calendar ?? null;
  if (calendar !== null) {
    if (startDate === null) {
      throw new EngineInputError('startDate is needed with a calendar', 'startDate');
    }
    checkCalendar(calendar);
  }
  return {
    startDate,
    calendar,
    confidence,
    costPerPersonWeek: cost ?? null,
    currency: input.currency ?? 'USD',
  };
}

/** Validates `input`, resolves every default and the seed, and precomputes the samplers. */
export function planSimulation(input: SimulateInput): SimulationPlan {
  const warnings: EngineWarning[] = [];
  const seed = requestSeed(input);
  const n = positiveInt(
    input.numberOfSimulations,
    'numberOfSimulations',
    DEFAULT_SIMULATIONS,
    1,
    MAX_SIMULATIONS,
  );
  const { backlogMin, backlogMax } = planBacklog(input);
  const focus = input.teamFocus ?? 1;
  if (typeof focus !== 'number' || !(focus > 0 && focus <= 1)) {
    throw new EngineInputError('teamFocus must be in (0, 1]', 'teamFocus');
  }
  const maxWeeks = positiveInt(input.maxWeeks, 'maxWeeks', DEFAULT_MAX_WEEKS, 1, 100_000);

  const sampler = createThroughputSampler(input);
  warnings.push(...sampler.warnings);
  const tpSamples = finiteArray(input.tpSamples, 'tpSamples', 0);
  const history = planHistorySamples(input);
  const { maxImpact, ...risks } = planRisks(input);
  const team = planTeamCurve(input, focus);

  let maxSplit = 1;
  for (const s of history.splitRates) maxSplit = Math.max(maxSplit, s);
  const maxTotalTasks = roundHalfEven((backlogMax + maxImpact) * maxSplit);
  const reporting = planReporting(input);

  return {
    seed,
    numberOfSimulations: n,
    batchSize: SIMULATION_BATCH_SIZE,
    backlogMin,
    backlogMax,
    throughput: sampler.table,
    throughputModel: sampler.model,
    requestedThroughputModel: sampler.requestedModel,
    weibull: sampler.weibull ?? null,
    zeroShare: sampler.zeroShare ?? null,
    throughputMean: sampler.mean,
    ...history,
    ...risks,
    dependencies: planDependencies(input),
    dependencyMode: input.dependencyMode === 'max' ? 'max' : 'sum',
    ...team,
    teamFocus: focus,
    maxWeeks,
    maxTotalTasks,
    tasksAsCounts: maxTotalTasks < MAX_COUNT_RANGE,
    effortAsCounts: maxWeeks * team.maxContributors < MAX_COUNT_RANGE,
    ...planBurnDown(maxTotalTasks, maxWeeks),
    keptRuns: input.includeRuns ? Math.min(n, KEPT_RUNS) : 0,
    keptBurnDowns: input.includeRuns ? Math.min(n, KEPT_BURN_DOWNS) : 0,
    includeRuns: input.includeRuns === true,
    ...reporting,
    tpSamples,
    warnings,
  };
}

/** Number of fixed-size batches the plan's runs are split into. */
export function simulationBatchCount(plan: SimulationPlan): number {
  return Math.ceil(plan.numberOfSimulations / plan.batchSize);
}
