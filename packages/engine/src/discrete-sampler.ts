/**
 * A discrete distribution as an alias table (Walker/Vose): after an O(n) build, a draw is one
 * uint32, a shift, a mask, a subtraction and two array reads — no logarithms or powers per draw.
 * Tables are plain typed arrays so they cross worker boundaries by structured clone.
 */
import type { RandomSource } from './prng';
import { roundHalfEven } from './round';
import { triangularCdf, type TriangularParams } from './triangular';

export interface DiscreteTable {
  /** Outcome of each column; the column count is a power of two (unused columns weigh 0). */
  values: Float64Array;
  /** Keep column i's own value when the draw's low bits are below threshold[i], else its alias. */
  threshold: Int32Array;
  alias: Int32Array;
  /**
   * [alias's value, own value] per column, so a draw reads one threshold and one value:
   * pairs[2·col + (coin < threshold[col] ? 1 : 0)].
   */
  pairs: Float64Array;
  /** A draw's column is u32 >>> shift; its low `shift` bits are the coin. */
  shift: number;
  lowMask: number;
}

/** Builds an alias table from outcomes and non-negative weights (need not sum to 1). */
export function createDiscreteTable(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): DiscreteTable {
  const n = values.length;
  if (n === 0 || weights.length !== n) {
    throw new RangeError('a discrete table needs matching, non-empty values and weights');
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new RangeError('weights must be finite and non-negative');
    }
    total += w;
  }
  if (!(total > 0)) throw new RangeError('weights must not all be zero');
  // A power-of-two column count lets the column and the coin come from one uint32 with a
  // shift and a mask; at least 4 columns keeps the coin's thresholds below 2^31.
  let bits = 2;
  while (1 << bits < n) bits++;
  if (bits > 24) throw new RangeError('a discrete table has at most 2^24 outcomes');
  const cols = 1 << bits;
  const shift = 32 - bits;
  const scaled = new Float64Array(cols);
  for (let i = 0; i < n; i++) scaled[i] = (weights[i] * cols) / total;
  const keep = new Float64Array(cols);
  const alias = new Int32Array(cols);
  const small = new Int32Array(cols);
  const large = new Int32Array(cols);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < cols; i++) {
    alias[i] = i;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const sm = small[--ns];
    const l = large[nl - 1];
    keep[sm] = scaled[sm];
    alias[sm] = l;
    scaled[l] = scaled[l] + scaled[sm] - 1;
    if (scaled[l] < 1) {
      nl--;
      small[ns++] = l;
    }
  }
  // Whatever is left is 1 up to rounding error.
  while (nl > 0) keep[large[--nl]] = 1;
  while (ns > 0) keep[small[--ns]] = 1;
  const scale = 2 ** shift;
  const threshold = new Int32Array(cols);
  for (let i = 0; i < cols; i++) threshold[i] = Math.min(scale, Math.round(keep[i] * scale));
  const vals = new Float64Array(cols);
  for (let i = 0; i < cols; i++) vals[i] = i < n ? values[i] : values[0];
  const pairs = new Float64Array(2 * cols);
  for (let i = 0; i < cols; i++) {
    pairs[2 * i] = vals[alias[i]];
    pairs[2 * i + 1] = vals[i];
  }
  return { values: vals, threshold, alias, pairs, shift, lowMask: scale - 1 };
}

/**
 * The outcome selected by one uniform 32-bit integer (signed or unsigned): its high bits pick
 * the column, its low bits toss the column's coin. Branch-free selection, because a coin that
 * is right half the time defeats the branch predictor and costs more than the draw itself.
 */
export function sampleDiscrete(table: DiscreteTable, u32: number): number {
  const i = u32 >>> table.shift;
  // coin − threshold is negative exactly when the column keeps its own value (both < 2^30).
  return table.pairs[2 * i + (((u32 & table.lowMask) - table.threshold[i]) >>> 31)];
}

export function drawDiscrete(table: DiscreteTable, rng: RandomSource): number {
  return sampleDiscrete(table, rng.nextUint32());
}

/** Exact probability of each distinct outcome, for tests and for moments of the model. */
/** Exact probability of each distinct outcome, for tests and for moments of the model. */
export function tableProbabilities(table: DiscreteTable): Map<number, number> {
  const cols = table.values.length;
  const scale = table.lowMask + 1;
  const out = new Map<number, number>();
  for (let i = 0; i < cols; i++) {
    const keep = table.threshold[i] / scale;
    const own = table.values[i];
    const other = table.values[table.alias[i]];
    out.set(own, (out.get(own) ?? 0) + keep / cols);
    out.set(other, (out.get(other) ?? 0) + (1 - keep) / cols);
  }
  for (const [k, p] of out) if (p <= 0) out.delete(k);
  return out;
}

export function tableMean(table: DiscreteTable): number {
  let m = 0;
  for (const [v, p] of tableProbabilities(table)) m += v * p;
  return m;
}

/** Largest outcome with a positive probability. */
export function tableMax(table: DiscreteTable): number {
  let m = -Infinity;
  for (const v of tableProbabilities(table).keys()) if (v > m) m = v;
  return m;
}

/** Smallest outcome with a positive probability. */
export function tableMin(table: DiscreteTable): number {
  let m = Infinity;
  for (const v of tableProbabilities(table).keys()) if (v < m) m = v;
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
