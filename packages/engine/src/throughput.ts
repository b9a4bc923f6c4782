/**
 * Throughput models: how one simulated week's throughput is drawn from the team's history
 * (or from a three-point estimate). Every model is turned, once, into a `DiscreteTable`, so the
 * simulation's hot loop draws from all of them the same way, with one uint32 and no maths.
 */
import { warning, type EngineWarning } from './warnings';
import type { ThroughputInput, ThroughputModel } from './inputs';
import { EngineInputError } from './errors';
import {
  createDiscreteTable,
  constantTable,
  roundedTriangularTable,
  tableMean,
  uniformTable,
  type DiscreteTable,
} from './discrete-sampler';
import { fitWeibull, weibullCdf, weibullSurvival, type WeibullParams } from './weibull';
import { triangularFromPoints } from './triangular';

/** What a model was built from, for display and for tests. */
export interface ThroughputSampler {
  /** The model actually used (a Weibull request may fall back to bootstrap). */
  model: ThroughputModel;
  requestedModel: ThroughputModel;
  table: DiscreteTable;
  /** Weibull fit of the positive weeks, when the Weibull model was used with ≥ 2 distinct values. */
  weibull?: WeibullParams;
  /** Share of zero weeks (the zero-inflation of the Weibull model). */
  zeroShare?: number;
  /** Set when every positive week was the same and the model draws that constant. */
  constant?: number;
  /** Expected weekly throughput under the model. */
  mean: number;
  warnings: EngineWarning[];
}

/** Tail mass below which the rounded-Weibull table stops. */
const TAIL_EPSILON = 1e-12;
/** Longest rounded-Weibull table; the remaining tail mass goes onto its last value. */
const MAX_TABLE = 1 << 18;
/** Widest three-point estimate; its table has one entry per item count. */
const MAX_ESTIMATE_RANGE = 1_000_000;

/**
 * P(max(0, round(W)) = k) for k = 0, 1, …, as a table, with zero-inflation p0. Rounding ties
 * have probability zero, so the cell of k is (k − ½, k + ½].
 */
export function roundedWeibullTable(params: WeibullParams, zeroShare = 0): DiscreteTable {
  const values: number[] = [0];
  const weights: number[] = [];
  // Cells below the first with a mass above 1e-12 are merged into the zero cell, so teams that
  // finish thousands of items a week still get a table that starts near their throughput.
  let first = 1;
  if (weibullCdf(0.5, params) < TAIL_EPSILON) {
    let lo = 0;
    let hi = Math.ceil(params.scale);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (weibullCdf(mid + 0.5, params) < TAIL_EPSILON) lo = mid;
      else hi = mid;
    }
    first = hi;
  }
  let prevSurvival = weibullSurvival(first - 0.5, params);
  weights.push(zeroShare + (1 - zeroShare) * (1 - prevSurvival));
  for (let k = first; k < first + MAX_TABLE - 1; k++) {
    const survival = weibullSurvival(k + 0.5, params);
    const last = survival < TAIL_EPSILON || k === first + MAX_TABLE - 2;
    // The last cell takes the whole remaining tail so the table sums to one.
    const p = last ? prevSurvival : prevSurvival - survival;
    values.push(k);
    weights.push((1 - zeroShare) * p);
    prevSurvival = survival;
    if (last) break;
  }
  return createDiscreteTable(values, weights);
}

function finiteSamples(samples: number[] | undefined): number[] {
  if (!samples) return [];
  for (const x of samples) {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
      throw new EngineInputError('tpSamples must be finite numbers ≥ 0', 'tpSamples');
    }
  }
  return samples;
}

/** Validates the throughput part of a request once and builds its sampler. */
export function createThroughputSampler(input: ThroughputInput): ThroughputSampler {
  const requestedModel: ThroughputModel = input.throughputModel ?? 'weibull';
  const warnings: EngineWarning[] = [];

  if (requestedModel === 'estimate') {
    const { pBest, pLikely, pWorst } = input;
    if (
      [pBest, pLikely, pWorst].some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    ) {
      throw new EngineInputError(
        'the estimate model needs pBest, pLikely and pWorst (finite, ≥ 0)',
        'pBest',
      );
    }
    const t = triangularFromPoints(pBest as number, pLikely as number, pWorst as number);
    if (!(t.high > 0))
      throw new EngineInputError(
        'the throughput estimate must allow more than zero items a week',
        'pBest',
      );
    if (t.high - t.low > MAX_ESTIMATE_RANGE) {
      throw new EngineInputError(
        'the throughput estimate may span at most 1,000,000 items a week',
        'pBest',
      );
    }
    const table = roundedTriangularTable(t, true);
    const mean = tableMean(table);
    if (!(mean > 0))
      throw new EngineInputError(
        'the throughput estimate rounds to zero items every week',
        'pBest',
      );
    return { model: 'estimate', requestedModel, table, mean, warnings };
  }

  const samples = finiteSamples(input.tpSamples);
  if (samples.length === 0)
    throw new EngineInputError('tpSamples needs at least one week', 'tpSamples');
  const positive = samples.filter((x) => x > 0);
  if (positive.length === 0) {
    throw new EngineInputError(
      'tpSamples needs at least one week with throughput above zero',
      'tpSamples',
    );
  }
  if (samples.length < 6) {
    warnings.push(warning('fewThroughputWeeks', { count: samples.length }));
  }

  if (requestedModel === 'bootstrap') {
    const table = uniformTable(samples);
    return { model: 'bootstrap', requestedModel, table, mean: tableMean(table), warnings };
  }

  const zeroShare = (samples.length - positive.length) / samples.length;
  const allEqual = positive.every((x) => x === positive[0]);
  if (positive.length >= 2 && allEqual) {
    // A Weibull cannot be fitted to a constant; drawing the constant is the limit of the fit.
    const table =
      zeroShare > 0
        ? createDiscreteTable([0, positive[0]], [zeroShare, 1 - zeroShare])
        : constantTable(positive[0]);
    return {
      model: 'weibull',
      requestedModel,
      table,
      zeroShare,
      constant: positive[0],
      mean: tableMean(table),
      warnings,
    };
  }
  if (positive.length < 2) {
    warnings.push(warning('weibullFallback', {}));
    const table = uniformTable(samples);
    return { model: 'bootstrap', requestedModel, table, mean: tableMean(table), warnings };
  }
  const weibull = fitWeibull(positive);
  const table = roundedWeibullTable(weibull, zeroShare);
  return {
    model: 'weibull',
    requestedModel,
    table,
    weibull,
    zeroShare,
    mean: tableMean(table),
    warnings,
  };
}
