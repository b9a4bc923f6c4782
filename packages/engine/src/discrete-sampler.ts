/**
 * A discrete distribution as an alias table (Walker/Vose): after an O(n) build, a draw is one
 * uint32, one multiply, one compare and two array reads — no logarithms or powers per draw.
 * Tables are plain typed arrays so they cross worker boundaries by structured clone.
 */
import type { RandomSource } from './prng';
import { roundHalfEven } from './round';
import { triangularCdf, type TriangularParams } from './triangular';

export interface DiscreteTable {
  /** Outcome of each column. */
  values: Float64Array;
  /** Probability of keeping column i's own value (else its alias). */
  keep: Float64Array;
  alias: Int32Array;
}

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Builds an alias table from outcomes and non-negative weights (need not sum to 1). */
export function createDiscreteTable(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): DiscreteTable {
  const n = values.length;
  if (n === 0 || weights.length !== n)
    throw new RangeError('a discrete table needs matching, non-empty values and weights');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w))
      throw new RangeError('weights must be finite and non-negative');
    total += w;
  }
  if (!(total > 0)) throw new RangeError('weights must not all be zero');
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = (weights[i] * n) / total;
  const keep = new Float64Array(n);
  const alias = new Int32Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    alias[i] = i;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns];
    const l = large[nl - 1];
    keep[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) {
      nl--;
      small[ns++] = l;
    }
  }
  // Whatever is left is 1 up to rounding error.
  while (nl > 0) keep[large[--nl]] = 1;
  while (ns > 0) keep[small[--ns]] = 1;
  return { values: Float64Array.from(values), keep, alias };
}

/** The outcome selected by one uniform uint32: its high part picks the column, the rest the coin. */
export function sampleDiscrete(table: DiscreteTable, u32: number): number {
  const x = u32 * TWO_POW_MINUS_32 * table.values.length;
  const i = Math.floor(x);
  return x - i < table.keep[i] ? table.values[i] : table.values[table.alias[i]];
}

export function drawDiscrete(table: DiscreteTable, rng: RandomSource): number {
  return sampleDiscrete(table, rng.nextUint32());
}

/** Exact probability of each distinct outcome, for tests and for moments of the model. */
export function tableProbabilities(table: DiscreteTable): Map<number, number> {
  const n = table.values.length;
  const out = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const own = table.values[i];
    const other = table.values[table.alias[i]];
    out.set(own, (out.get(own) ?? 0) + table.keep[i] / n);
    out.set(other, (out.get(other) ?? 0) + (1 - table.keep[i]) / n);
  }
  for (const [k, p] of out) if (p <= 0) out.delete(k);
  return out;
}

export function tableMean(table: DiscreteTable): number {
  let m = 0;
  for (const [v, p] of tableProbabilities(table)) m += v * p;
  return m;
}

export function tableMax(table: DiscreteTable): number {
  let m = -Infinity;
  for (let i = 0; i < table.values.length; i++) if (table.values[i] > m) m = table.values[i];
  return m;
}

export function tableMin(table: DiscreteTable): number {
  let m = Infinity;
  for (let i = 0; i < table.values.length; i++) if (table.values[i] < m) m = table.values[i];
  return m;
}

/** Uniform over the given samples (duplicates weigh more), i.e. a bootstrap draw. */
export function uniformTable(samples: ArrayLike<number>): DiscreteTable {
  const counts = new Map<number, number>();
  for (let i = 0; i < samples.length; i++)
    counts.set(samples[i], (counts.get(samples[i]) ?? 0) + 1);
  const values = [...counts.keys()].sort((a, b) => a - b);
  return createDiscreteTable(
    values,
    values.map((v) => counts.get(v) ?? 0),
  );
}

export function constantTable(value: number): DiscreteTable {
  return createDiscreteTable([value], [1]);
}

/**
 * round(X) for X ~ Triangular, as a table over the integers it can reach. Ties at .5 have
 * probability zero for a continuous X, so half-even and half-up give the same table; a
 * degenerate range is the half-even rounding of its single point.
 */
export function roundedTriangularTable(t: TriangularParams, clampAtZero = false): DiscreteTable {
  if (t.high <= t.low) {
    const v = roundHalfEven(t.low);
    return constantTable(clampAtZero ? Math.max(0, v) : v);
  }
  const from = roundHalfEven(t.low);
  const to = roundHalfEven(t.high);
  const values: number[] = [];
  const weights: number[] = [];
  for (let k = from; k <= to; k++) {
    const p = triangularCdf(k + 0.5, t) - triangularCdf(k - 0.5, t);
    const v = clampAtZero ? Math.max(0, k) : k;
    if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1] += p;
    else {
      values.push(v);
      weights.push(p);
    }
  }
  return createDiscreteTable(values, weights);
}
