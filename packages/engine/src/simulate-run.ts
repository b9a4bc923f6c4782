/**
 * One batch of simulation runs ("One simulation run" in the spec, repeated). Outputs are count
 * histograms and a few typed arrays, never per-run objects, so memory does not grow with the
 * number of runs and a batch crosses a worker boundary as a handful of buffers.
 */
import { createRng, type Xoshiro128 } from './prng';
import { sumOfDraws } from './draw-loops';
import type { DependencyPlan, SimulationPlan } from './simulation-plan';
import { triangularQuantile } from './triangular';
import { roundHalfEven } from './round';
import { segmentThresholds } from './percent-complete';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Runs `[first, first + runs)` of a plan; plain data with typed arrays. */
export interface SimulationBatch {
  batchIndex: number;
  runs: number;
  unfinished: number;
  /** weeks[w] = runs that took w calendar weeks. */
  weeks: Uint32Array;
  /** Counts by total tasks when `plan.tasksAsCounts`, else one value per run. */
  tasks: Uint32Array | Float64Array;
  /** Counts by person-weeks when `plan.effortAsCounts`, else one value per run. */
  effort: Uint32Array | Float64Array;
  /** Each run's mean lead time in days; empty without lead-time samples. */
  leadTimes: Float64Array;
  /**
   * burnDown[row · bins + bin]: runs with ceil(remaining) in that bin at calendar week
   * row · stride (the run's lead-time weeks first, with nothing done yet, then its work loop).
   */
  burnDown: Uint32Array;
  burnDownRows: number;
  /**
   * finishedAt[w]: finished runs whose lead-time offset plus work loop took w weeks (they have
   * 0 left after).
   */
  finishedAt: Uint32Array;
  /** itemsBy30Days[k]: runs that had done k items of their total after ceil(30/7) weeks. */
  itemsBy30Days: Uint32Array;
  kept: KeptRuns | null;
}

/** Calendar weeks of the "items done in the next 30 days" figure. */
export const ITEMS_30_DAYS_WEEKS = Math.ceil(30 / 7);

/** The first runs of the whole simulation, for `includeRuns`. */
export interface KeptRuns {
  totalTasks: Int32Array;
  durationInCalendarWeeks: Int32Array;
  leadTime: Float64Array;
  effortWeeks: Float64Array;
  /** Burn-down k is burnDownValues[burnDownOffsets[k] .. burnDownOffsets[k + 1]). */
  burnDownOffsets: Int32Array;
  burnDownValues: Int32Array;
}

function grow(a: Uint32Array, index: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(Math.max(index + 1, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Runs batch `batchIndex` of `plan` on its own PRNG stream (seed, batchIndex), so any worker can
 * run any batch and the merged result is the same.
 */
export function runSimulationBatch(plan: SimulationPlan, batchIndex: number): SimulationBatch {
  const first = batchIndex * plan.batchSize;
  const runs = Math.max(0, Math.min(plan.batchSize, plan.numberOfSimulations - first));
  const keepRuns = Math.max(0, Math.min(runs, plan.keptRuns - first));
  const keepBurnDowns = Math.max(0, Math.min(runs, plan.keptBurnDowns - first));
  const out: BatchOutputs = {
    weeks: new Uint32Array(64),
    tasksCounts: new Uint32Array(plan.tasksAsCounts ? 64 : 0),
    tasksValues: new Float64Array(plan.tasksAsCounts ? 0 : runs),
    effortCounts: new Uint32Array(plan.effortAsCounts ? 64 : 0),
    effortValues: new Float64Array(plan.effortAsCounts ? 0 : runs),
    leadTimes: new Float64Array(plan.leadTimes.length > 0 ? runs : 0),
    burnDown: new Uint32Array(plan.burnDownBins * 32),
    burnDownRows: 0,
    finishedAt: new Uint32Array(64),
    itemsBy30Days: new Uint32Array(64),
    kept:
      keepRuns > 0
        ? {
            totalTasks: new Int32Array(keepRuns),
            durationInCalendarWeeks: new Int32Array(keepRuns),
            leadTime: new Float64Array(keepRuns),
            effortWeeks: new Float64Array(keepRuns),
            burnDownOffsets: new Int32Array(keepBurnDowns + 1),
            burnDownValues: new Int32Array(0),
          }
        : null,
    keptValues: [],
  };
  const unfinished = runBatchLoop(
    plan,
    createRng(plan.seed, batchIndex),
    runs,
    keepRuns,
    keepBurnDowns,
    out,
  );
  if (out.kept !== null) out.kept.burnDownValues = Int32Array.from(out.keptValues);
  return {
    batchIndex,
    runs,
    unfinished,
    weeks: out.weeks,
    tasks: plan.tasksAsCounts ? out.tasksCounts : out.tasksValues,
    effort: plan.effortAsCounts ? out.effortCounts : out.effortValues,
    leadTimes: out.leadTimes,
    burnDown: out.burnDown.slice(0, out.burnDownRows * plan.burnDownBins),
    burnDownRows: out.burnDownRows,
    finishedAt: out.finishedAt,
    itemsBy30Days: out.itemsBy30Days,
    kept: out.kept,
  };
}

/** A batch's output arrays while it runs; the loop replaces an array here when it grows it. */
type BatchOutputs = Pick<
  SimulationBatch,
  'weeks' | 'leadTimes' | 'burnDown' | 'burnDownRows' | 'finishedAt' | 'itemsBy30Days' | 'kept'
> & {
  tasksCounts: Uint32Array;
  tasksValues: Float64Array;
  effortCounts: Uint32Array;
  effortValues: Float64Array;
  keptValues: number[];
};

/**
 * The runs themselves; returns how many did not finish within maxWeeks.
 *
 * Why a function of its own whose code after the loop touches only locals: V8 optimises a long
 * loop on the stack (on-stack replacement) while the code after it has never run, so that code
 * has no type feedback. Building the result object there made every batch's optimised code
 * deoptimise when its loop ended, and each batch restarted in slower code until V8 eventually
 * re-optimised the whole function, which took dozens of batches per thread (seen with
 * --trace-deopt). A worker pool paid that warm-up in every thread.
 */
// long-function-ok: the run-by-run, week-by-week hot loop of every simulation. Its state (RNG,
// backlog, segment, split and lead-time cursors) lives in int32 locals the JIT keeps in
// registers; named steps would pass that state through objects or closures on every week of
// every run, and the OSR note above applies to each piece. Steps are marked by comments instead.
function runBatchLoop(
  plan: SimulationPlan,
  rng: Xoshiro128,
  runs: number,
  keepRuns: number,
  keepBurnDowns: number,
  out: BatchOutputs,
): number {
  // `| 0` wherever the week loop reads an integer: it tells the JIT the value is an int32, so
  // the loop keeps it in a register instead of re-checking a tagged value every week.
  const tpPairs = plan.throughput.pairs;
  const tpThreshold = plan.throughput.threshold;
  const tpShift = plan.throughput.shift | 0;
  const tpMask = plan.throughput.lowMask | 0;
  const segStart = plan.segments.start;
  const segFactor = plan.segments.factor;
  const segContributors = plan.segments.contributors;
  const nSeg = segStart.length | 0;
  // Segment thresholds per total; totals repeat across runs (often a single value).
  const thresholdCache = new Map<number, Float64Array>();
  let thresholds: Float64Array = new Float64Array(1);
  let lastTotal = -1;
  const maxWeeks = plan.maxWeeks;
  const backlogMin = plan.backlogMin;
  const backlogSpan = plan.backlogMax - plan.backlogMin + 1;
  const splits = plan.splitRates;
  const nSplits = splits.length;
  const lts = plan.leadTimes;
  const nLts = lts.length;
  const ltMin = plan.leadTimeMinDraws;
  const ltSpan = plan.leadTimeMaxDraws - plan.leadTimeMinDraws + 1;
  const nRisks = plan.riskLikelihood.length;
  const deps = plan.dependencies;
  const nDeps = deps.length;
  const depMax = plan.dependencyMode === 'max';
  const bins = plan.burnDownBins;
  const binWidth = plan.burnDownBinWidth;
  const stride = plan.burnDownStride;
  const tasksAsCounts = plan.tasksAsCounts;
  const effortAsCounts = plan.effortAsCounts;

  let weeksHist = out.weeks;
  let tasksCounts = out.tasksCounts;
  const tasksValues = out.tasksValues;
  let effortCounts = out.effortCounts;
  const effortValues = out.effortValues;
  const leadTimes = out.leadTimes;
  let burnDown = out.burnDown;
  let burnDownRows = 0;
  let finishedAt = out.finishedAt;
  let itemsBy30Days = out.itemsBy30Days;
  const kept = out.kept;
  const keptValues = out.keptValues;
  const trace = new Int32Array(maxWeeks + 1);
  let unfinished = 0;

  for (let r = 0; r < runs; r++) {
    // 1. Backlog.
    const backlog =
      backlogSpan > 1
        ? backlogMin + Math.floor(rng.nextUint32() * TWO_POW_MINUS_32 * backlogSpan)
        : backlogMin;

    // 2. Split rate: mean of m ~ U{1..3n} draws.
    let rho = 1;
    if (nSplits > 0) {
      const m = 1 + Math.floor(rng.nextUint32() * TWO_POW_MINUS_32 * 3 * nSplits);
      rho = sumOfDraws(rng, splits, m) / m;
    }

    // 3. Risks.
    const impacts = nRisks > 0 ? riskImpacts(rng, plan) : 0;

    // 4. Total tasks, rounded half to even.
    const rawTotal = (backlog + impacts) * rho;
    let total = Math.round(rawTotal);
    if (total - rawTotal === 0.5 && (total & 1) !== 0) total -= 1;

    // 5. Lead time: mean of m ~ U{round(0.1n)..round(0.9n)} draws (m ≥ 1).
    let leadTime = 0;
    let weeks = 0;
    if (nLts > 0) {
      const m = ltMin + Math.floor(rng.nextUint32() * TWO_POW_MINUS_32 * ltSpan);
      leadTime = sumOfDraws(rng, lts, m) / m;
      leadTimes[r] = leadTime;
      const w = leadTime / 7;
      weeks = Math.round(w);
      if (weeks - w === 0.5 && (weeks & 1) !== 0) weeks -= 1;
    }

    // 6. Weekly loop.
    const keepThis = r < keepBurnDowns;
    let remaining = total;
    let effort = 0;
    let loopWeeks = 0;
    let finished = true;
    if (nSeg > 1 && total > 0 && total !== lastTotal) {
      const cached = thresholdCache.get(total);
      if (cached) thresholds = cached;
      else {
        thresholds = segmentThresholds(total, segStart);
        if (thresholdCache.size < 65_536) thresholdCache.set(total, thresholds);
      }
      lastTotal = total;
    }
    let seg = 0;
    let nextThreshold = nSeg > 1 ? thresholds[1] : -1;
    // The segment's week factor and team size live in locals, changed only when the run enters
    // the next segment; effort adds up per segment (weeks in it × its team size), not per week.
    let factor = segFactor[0];
    let contributors = segContributors[0] | 0;
    let segWeek = 0;
    // The week loop is the hot path: the generator's state lives in locals here (same
    // xoshiro128** step as Xoshiro128.nextUint32) and is written back after the loop.
    let s0 = rng.s0 | 0;
    let s1 = rng.s1 | 0;
    let s2 = rng.s2 | 0;
    let s3 = rng.s3 | 0;
    const limit = (maxWeeks - weeks) | 0;
    while (remaining > 0) {
      if (loopWeeks >= limit) {
        finished = false;
        break;
      }
      trace[loopWeeks] = Math.ceil(remaining);
      // Move to the S-curve segment this remaining work has reached (exactly as percentComplete).
      if (remaining <= nextThreshold) {
        effort += (loopWeeks - segWeek) * contributors;
        segWeek = loopWeeks;
        do {
          seg++;
          nextThreshold = seg + 1 < nSeg ? thresholds[seg + 1] : -1;
        } while (remaining <= nextThreshold);
        factor = segFactor[seg];
        contributors = segContributors[seg] | 0;
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
      // sampleDiscrete, inlined.
      const col = u32 >>> tpShift;
      const tp = tpPairs[(col << 1) + (((u32 & tpMask) - tpThreshold[col]) >>> 31)];
      remaining -= tp * factor;
      loopWeeks++;
    }
    effort += (loopWeeks - segWeek) * contributors;
    const leadWeeks = weeks;
    weeks += loopWeeks;
    // Items of this run's total done by the 30-day mark, from the same run as its duration:
    // nothing during its lead-time weeks, then what its week loop had burnt down.
    const at30 = ITEMS_30_DAYS_WEEKS - leadWeeks;
    const done30 =
      at30 <= 0
        ? 0
        : at30 < loopWeeks
          ? total - trace[at30]
          : finished
            ? total
            : total - Math.ceil(remaining);
    if (done30 >= itemsBy30Days.length)
      out.itemsBy30Days = itemsBy30Days = grow(itemsBy30Days, done30);
    itemsBy30Days[done30]++;
    // The burn-down histograms are filled after the run, off the week loop's critical path. The
    // fan is in calendar weeks like the durations: the lead-time weeks show the whole total.
    const span = leadWeeks + loopWeeks;
    const recorded = Math.ceil(span / stride);
    if (recorded > burnDownRows) {
      if (recorded * bins > burnDown.length) {
        const b = new Uint32Array(Math.max(recorded * bins, burnDown.length * 2));
        b.set(burnDown);
        out.burnDown = burnDown = b;
      }
      out.burnDownRows = burnDownRows = recorded;
    }
    fillBurnDown(burnDown, bins, binWidth, stride, total, leadWeeks, trace, loopWeeks);
    if (keepThis) {
      for (let w = 0; w < leadWeeks; w++) keptValues.push(total);
      for (let w = 0; w < loopWeeks; w++) keptValues.push(trace[w]);
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    if (finished) {
      if (span >= finishedAt.length) out.finishedAt = finishedAt = grow(finishedAt, span);
      finishedAt[span]++;
    } else unfinished++;

    // 7. Dependencies: late ones add their delay (summed, or the longest one).
    if (nDeps > 0) weeks += Math.ceil(dependencyDelay(rng, deps, depMax) / 7);

    // 8. Record the run.
    if (weeks >= weeksHist.length) out.weeks = weeksHist = grow(weeksHist, weeks);
    weeksHist[weeks]++;
    if (tasksAsCounts) {
      if (total >= tasksCounts.length) out.tasksCounts = tasksCounts = grow(tasksCounts, total);
      tasksCounts[total]++;
    } else tasksValues[r] = total;
    if (effortAsCounts) {
      if (effort >= effortCounts.length)
        out.effortCounts = effortCounts = grow(effortCounts, effort);
      effortCounts[effort]++;
    } else effortValues[r] = effort;
    if (kept !== null && r < keepRuns) {
      kept.totalTasks[r] = total;
      kept.durationInCalendarWeeks[r] = weeks;
      kept.leadTime[r] = leadTime;
      kept.effortWeeks[r] = effort;
      if (keepThis) kept.burnDownOffsets[r + 1] = keptValues.length;
    }
  }
  return unfinished;
}

/*
 * The steps of a run that are not the week loop live in functions of their own; V8 inlines them
 * into runBatchLoop (they are small and monomorphic), and paired timings of 1M team runs showed no
 * difference. The week loop itself stays inline: it keeps the generator in locals, which a call
 * would have to hand back and forth through the Xoshiro128 object every run.
 */

/** Step 3: the summed, rounded impacts of the risks that happen in this run. */
function riskImpacts(rng: Xoshiro128, plan: SimulationPlan): number {
  const p = plan.riskLikelihood;
  let impacts = 0;
  for (let k = 0; k < p.length; k++) {
    if (rng.nextUint32() * TWO_POW_MINUS_32 <= p[k]) {
      impacts += roundHalfEven(
        triangularQuantile(rng.nextUint32() * TWO_POW_MINUS_32, {
          low: plan.riskLow[k],
          mode: plan.riskMode[k],
          high: plan.riskHigh[k],
        }),
      );
    }
  }
  return impacts;
}

/** Step 7: days the late dependencies add (summed, or the longest one). */
function dependencyDelay(rng: Xoshiro128, deps: DependencyPlan[], depMax: boolean): number {
  let delay = 0;
  for (let k = 0; k < deps.length; k++) {
    const d = deps[k];
    if (rng.nextUint32() * TWO_POW_MINUS_32 > d.onTime) {
      const ns = d.samples.length;
      const u = rng.nextUint32() * TWO_POW_MINUS_32;
      const days =
        ns > 0 ? d.samples[Math.floor(u * ns)] : d.delayLow + u * (d.delayHigh - d.delayLow);
      delay = depMax ? (days > delay ? days : delay) : delay + days;
    }
  }
  return delay;
}

/**
 * Adds a run to the burn-down histograms (rows already grown to hold it): the whole total in its
 * lead-time weeks, then what its week loop left each week (`trace`), every `stride`-th week.
 */
function fillBurnDown(
  burnDown: Uint32Array,
  bins: number,
  binWidth: number,
  stride: number,
  total: number,
  leadWeeks: number,
  trace: Int32Array,
  loopWeeks: number,
): void {
  if (stride === 1 && binWidth === 1) {
    // The usual case, without the general loop's per-week branches.
    let base = 0;
    for (let w = 0; w < leadWeeks; w++, base += bins) burnDown[base + total]++;
    for (let w = 0; w < loopWeeks; w++, base += bins) burnDown[base + trace[w]]++;
    return;
  }
  const span = leadWeeks + loopWeeks;
  for (let w = 0, base = 0; w < span; w += stride, base += bins) {
    const left = w < leadWeeks ? total : trace[w - leadWeeks];
    burnDown[base + Math.floor(left / binWidth)]++;
  }
}
