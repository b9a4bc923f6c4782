/**
 * The engine's long draw loops, with the xoshiro128** state in local variables.
 *
 * Why the generator step is written out here instead of calling `rng.nextUint32()`: the JIT
 * keeps locals in registers, but it loads and stores an object's fields on every call, which
 * made each draw 3–4× slower (a history of 2,000 split rates means ~3,000 draws per run). Each
 * loop gives exactly what the same number of `nextUint32()` calls would, and leaves the
 * generator where those calls would have left it; other `RandomSource`s take the plain path.
 *
 * So the eight-line generator step is repeated in each loop here (and in simulate-run.ts's
 * runBatchLoop) on purpose, and the loops that differ by one term (weeksUntilDone and
 * thinnedWeeksTables: the week's table offset) stay apart: a shared step function or an extra
 * offset load per draw is what the inlining removed (tried again: one step function on an
 * Int32Array state, inlined by V8, made the team case's 1,000,000 runs 14–21 % slower in CPU
 * time, since the state words went back to memory on every draw). The duplicate finder lists
 * these pairs; they are not copied logic to fold. draw-loops.test.ts checks sumOfDraws,
 * sumOfTableDraws and weeksUntilDone against the plain path's draws and final generator state.
 */
import { Xoshiro128, type RandomSource } from './prng';
import type { DiscreteTable } from './discrete-sampler';
import { sampleDiscrete } from './discrete-sampler';
import type { ThinningPlan } from './calendar';
import { WORK_EPSILON } from './round';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Sum of `m` uniform draws, with replacement, from `values` (index floor(u · n)). */
export function sumOfDraws(rng: RandomSource, values: Float64Array, m: number): number {
  const n = values.length;
  let sum = 0;
  if (!(rng instanceof Xoshiro128)) {
    for (let j = 0; j < m; j++) sum += values[Math.floor(rng.nextUint32() * TWO_POW_MINUS_32 * n)];
    return sum;
  }
  let s0 = rng.s0 | 0;
  let s1 = rng.s1 | 0;
  let s2 = rng.s2 | 0;
  let s3 = rng.s3 | 0;
  for (let j = 0; j < m; j++) {
    const m5 = Math.imul(s1, 5);
    const u32 = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
    const t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = (s3 << 11) | (s3 >>> 21);
    sum += values[Math.floor(u32 * TWO_POW_MINUS_32 * n)];
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return sum;
}

/** Sum of `count` draws from an alias table (a run of weeks' throughput). */
export function sumOfTableDraws(rng: RandomSource, table: DiscreteTable, count: number): number {
  let sum = 0;
  if (!(rng instanceof Xoshiro128)) {
    for (let w = 0; w < count; w++) sum += sampleDiscrete(table, rng.nextUint32());
    return sum;
  }
  const pairs = table.pairs;
  const threshold = table.threshold;
  const shift = table.shift | 0;
  const mask = table.lowMask | 0;
  let s0 = rng.s0 | 0;
  let s1 = rng.s1 | 0;
  let s2 = rng.s2 | 0;
  let s3 = rng.s3 | 0;
  for (let w = 0; w < count; w++) {
    const m5 = Math.imul(s1, 5);
    const u32 = Math.imul((m5 << 7) | (m5 >>> 25), 9);
    const t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = (s3 << 11) | (s3 >>> 21);
    const col = u32 >>> shift;
    sum += pairs[(col << 1) + (((u32 & mask) - threshold[col]) >>> 31)];
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return sum;
}

/**
 * Weeks until `backlog` items are done, each week's draw from `table` times `focus`; -1 when
 * `maxWeeks` weeks were not enough.
 */
export function weeksUntilDone(
  rng: RandomSource,
  table: DiscreteTable,
  backlog: number,
  focus: number,
  maxWeeks: number,
): number {
  let remaining = backlog;
  let weeks = 0;
  if (!(rng instanceof Xoshiro128)) {
    while (remaining > WORK_EPSILON) {
      if (weeks >= maxWeeks) return -1;
      remaining -= sampleDiscrete(table, rng.nextUint32()) * focus;
      weeks++;
    }
    return weeks;
  }
  const pairs = table.pairs;
  const threshold = table.threshold;
  const shift = table.shift | 0;
  const mask = table.lowMask | 0;
  const limit = maxWeeks | 0;
  let s0 = rng.s0 | 0;
  let s1 = rng.s1 | 0;
  let s2 = rng.s2 | 0;
  let s3 = rng.s3 | 0;
  while (remaining > WORK_EPSILON) {
    if (weeks >= limit) {
      weeks = -1;
      break;
    }
    const m5 = Math.imul(s1, 5);
    const u32 = Math.imul((m5 << 7) | (m5 >>> 25), 9);
    const t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = (s3 << 11) | (s3 >>> 21);
    const col = u32 >>> shift;
    remaining -= pairs[(col << 1) + (((u32 & mask) - threshold[col]) >>> 31)] * focus;
    weeks++;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return weeks;
}

/**
 * Above this many items in one week, thinning keeps the expected share instead of drawing per
 * item, so a week's work stays bounded whatever the history's largest value (the binomial's
 * spread is then under 3 % of its mean).
 */
const THIN_EXACT_MAX = 1024;

/**
 * `weeksUntilDone` with a calendar: week w's items are each kept with probability (working
 * days of week w) / (usual working days), the spec's binomial thinning. With the plan's tables
 * a week, full or short, is one draw from its own table; without (histories of thousands of
 * items a week) the whole items are thinned one by one up to THIN_EXACT_MAX. Draws are
 * thinned before `focus` scales them. -1 when the plan's weeks were not enough.
 */
export function weeksUntilDoneThinned(
  rng: RandomSource,
  table: DiscreteTable,
  backlog: number,
  focus: number,
  plan: ThinningPlan,
): number {
  const t = plan.tables;
  if (t !== null && rng instanceof Xoshiro128) return thinnedWeeksTables(rng, backlog, focus, t);
  // The general path (other generators, or no tables): the same draws as the items-by variant.
  return weeksUntilDoneThinnedWithItemsBy(rng, table, backlog, focus, plan, -1).weeks;
}

/** `x` items each kept with probability p (per-item draws, bounded by THIN_EXACT_MAX). */
export function thinDraw(x: number, p: number, rng: RandomSource): number {
  return p >= 1 ? x : thinItems(x, p, rng);
}

function thinItems(x: number, p: number, rng: RandomSource): number {
  const whole = Math.floor(x);
  if (whole > THIN_EXACT_MAX) return x * p;
  const threshold = p * 4294967296;
  let kept = 0;
  for (let i = 0; i < whole; i++) if (rng.nextUint32() < threshold) kept++;
  return kept + (x - whole) * p;
}

/**
 * `runs` runs of `thinnedWeeksTables` back to back, each run's weeks counted into `counts` (a
 * run that gave up at `counts.length - 1`); returns how many gave up. The same draws in the same
 * order as `runs` calls of weeksUntilDoneThinned, so the same counts, but the generator stays in
 * locals from run to run: the per-run call and state round trip were a measurable share of a
 * calendar's cost (issue 17 allows 10 %) on histories that finish in a few dozen weeks.
 * Only for an Xoshiro128 and a plan with tables (`thinnedBatchable`).
 */
export function countThinnedWeeks(
  rng: Xoshiro128,
  backlog: number,
  focus: number,
  t: NonNullable<ThinningPlan['tables']>,
  runs: number,
  counts: Uint32Array,
): number {
  const pairs = t.pairs;
  const threshold = t.threshold;
  const base = t.weekBase;
  const shift = t.shift | 0;
  const mask = t.lowMask | 0;
  const limit = base.length | 0;
  const cap = counts.length - 1;
  let unfinished = 0;
  let s0 = rng.s0 | 0;
  let s1 = rng.s1 | 0;
  let s2 = rng.s2 | 0;
  let s3 = rng.s3 | 0;
  for (let r = 0; r < runs; r++) {
    let remaining = backlog;
    let weeks = 0;
    while (remaining > WORK_EPSILON) {
      if (weeks >= limit) {
        weeks = -1;
        break;
      }
      const m5 = Math.imul(s1, 5);
      const u32 = Math.imul((m5 << 7) | (m5 >>> 25), 9);
      const t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = (s3 << 11) | (s3 >>> 21);
      const col = (u32 >>> shift) + base[weeks];
      remaining -= pairs[(col << 1) + (((u32 & mask) - threshold[col]) >>> 31)] * focus;
      weeks++;
    }
    if (weeks < 0) {
      unfinished++;
      counts[cap]++;
    } else counts[weeks]++;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return unfinished;
}

/** Whether countThinnedWeeks can run a plan's runs (else one call per run, the general path). */
export function thinnedBatchable(rng: RandomSource, plan: ThinningPlan): rng is Xoshiro128 {
  return plan.tables !== null && rng instanceof Xoshiro128;
}

/** The table path with the generator in locals (see the file's note), one draw per week. */
function thinnedWeeksTables(
  rng: Xoshiro128,
  backlog: number,
  focus: number,
  t: NonNullable<ThinningPlan['tables']>,
): number {
  const pairs = t.pairs;
  const threshold = t.threshold;
  const base = t.weekBase;
  const shift = t.shift | 0;
  const mask = t.lowMask | 0;
  const limit = base.length | 0;
  let remaining = backlog;
  let weeks = 0;
  let s0 = rng.s0 | 0;
  let s1 = rng.s1 | 0;
  let s2 = rng.s2 | 0;
  let s3 = rng.s3 | 0;
  while (remaining > WORK_EPSILON) {
    if (weeks >= limit) {
      weeks = -1;
      break;
    }
    const m5 = Math.imul(s1, 5);
    const u32 = Math.imul((m5 << 7) | (m5 >>> 25), 9);
    const t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = (s3 << 11) | (s3 >>> 21);
    const col = (u32 >>> shift) + base[weeks];
    remaining -= pairs[(col << 1) + (((u32 & mask) - threshold[col]) >>> 31)] * focus;
    weeks++;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return weeks;
}

/**
 * weeksUntilDone on the plain path (the same draws, so the same weeks), also giving the items
 * of `backlog` done after `byWeek` weeks (the backlog itself once the run has finished by then).
 * Deadline analysis needs both from one run so its "scope that fits" and its probability of
 * finishing by the date can never disagree.
 */
export function weeksUntilDoneWithItemsBy(
  rng: RandomSource,
  table: DiscreteTable,
  backlog: number,
  focus: number,
  maxWeeks: number,
  byWeek: number,
): { weeks: number; itemsBy: number } {
  let remaining = backlog;
  let weeks = 0;
  let itemsBy = -1;
  while (remaining > WORK_EPSILON) {
    if (weeks === byWeek) itemsBy = backlog - remaining;
    if (weeks >= maxWeeks)
      return { weeks: -1, itemsBy: itemsBy < 0 ? backlog - remaining : itemsBy };
    remaining -= sampleDiscrete(table, rng.nextUint32()) * focus;
    weeks++;
  }
  return { weeks, itemsBy: itemsBy < 0 ? backlog : itemsBy };
}

/**
 * weeksUntilDoneThinned's general path (one draw per week from the plan's tables, or per-item
 * thinning without them — the same draws as its fast path, so the same weeks), also giving the
 * items done after `byWeek` weeks, for deadline analysis with a calendar.
 */
export function weeksUntilDoneThinnedWithItemsBy(
  rng: RandomSource,
  table: DiscreteTable,
  backlog: number,
  focus: number,
  plan: ThinningPlan,
  byWeek: number,
): { weeks: number; itemsBy: number } {
  const t = plan.tables;
  const days = plan.days;
  let remaining = backlog;
  let weeks = 0;
  let itemsBy = -1;
  while (remaining > WORK_EPSILON) {
    if (weeks === byWeek) itemsBy = backlog - remaining;
    if (weeks >= days.length)
      return { weeks: -1, itemsBy: itemsBy < 0 ? backlog - remaining : itemsBy };
    const k = days[weeks];
    let x: number;
    if (t !== null) {
      const u32 = rng.nextUint32();
      const col = (u32 >>> t.shift) + t.weekBase[weeks];
      x = t.pairs[2 * col + (((u32 & t.lowMask) - t.threshold[col]) >>> 31)];
    } else {
      x = sampleDiscrete(table, rng.nextUint32());
      if (k < plan.perWeek) x = thinItems(x, k / plan.perWeek, rng);
    }
    remaining -= x * focus;
    weeks++;
  }
  return { weeks, itemsBy: itemsBy < 0 ? backlog : itemsBy };
}
