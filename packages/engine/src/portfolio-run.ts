/**
 * The portfolio's runs (spec/portfolio.md, "One run" and "The round robin, exactly"). Output
 * is typed arrays: each run's completion week per feature and per team, and each team's items
 * per feature per week summed over runs.
 */
import { Xoshiro128 } from './prng';
import { sumOfDraws } from './draw-loops';
import { sampleDiscrete } from './discrete-sampler';
import { triangularQuantile } from './triangular';
import { roundHalfEven } from './round';
import { segmentThresholds } from './percent-complete';
import type { PortfolioCalendar, PortfolioPlan, PortfolioTeamPlan } from './portfolio-plan';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

export interface PortfolioRuns {
  runs: number;
  /** featureWeek[r · F + f]: week feature f finished in run r; −1 when not within maxWeeks. */
  featureWeek: Int32Array;
  /** teamWeek[r · T + t]: week team t finished its last part (0 when it had none); −1 unfinished. */
  teamWeek: Int32Array;
  /** teamItems[t][(w − 1) · F + f]: items team t gave feature f in week w, summed over runs. */
  teamItems: Float64Array[];
  /** Weeks recorded in teamItems[t]. */
  teamItemWeeks: Int32Array;
}

/**
 * A team's items in week `week` (1-based): one draw from its table, or on a calendar's short
 * week from the table thinned to that week's working days (the same single draw, so the
 * streams stay aligned and full weeks give exactly what they give without a calendar).
 */
function weekItems(
  cal: PortfolioCalendar,
  tp: PortfolioTeamPlan,
  rng: Xoshiro128,
  week: number,
): number {
  const u = rng.nextUint32();
  const k = week <= cal.weekDays.length ? cal.weekDays[week - 1] : cal.perWeek;
  if (k >= cal.perWeek) return sampleDiscrete(tp.table, u);
  if (tp.thinned !== null) return sampleDiscrete(tp.thinned[k], u);
  // Thinned tables too large to build: keep each drawn item with probability k / perWeek.
  const x = sampleDiscrete(tp.table, u);
  const p = k / cal.perWeek;
  const whole = Math.floor(x);
  let kept = (x - whole) * p;
  for (let i = 0; i < whole; i++) if (rng.nextUint32() * TWO_POW_MINUS_32 < p) kept++;
  return kept;
}

/** Mutable state of one team within a run. */
interface TeamState {
  rng: Xoshiro128;
  active: Int32Array;
  len: number;
  pointer: number;
  /** Remaining work as the single forecast tracks it (fractional with S-curve or focus). */
  left: number;
  total: number;
  handed: number;
  seg: number;
  thresholds: Float64Array;
  /** First of the team's parts (in priority order) that may still be unfinished. */
  cursor: number;
}

function thresholdsFor(
  cache: Map<number, Float64Array>,
  total: number,
  segStart: Int32Array,
): Float64Array {
  let t = cache.get(total);
  if (t === undefined) {
    t = segmentThresholds(total, segStart);
    if (cache.size < 65_536) cache.set(total, t);
  }
  return t;
}

/** What drawing a feature's parts needs, read from the plan once per simulation. */
interface FeatureDraws {
  seeds: Uint32Array;
  /** 1: no range, split rate or risk, so its parts are their sizes and draw nothing. */
  fixed: Uint8Array;
  /** 1: no split rate and no risk (only ranges may draw). */
  plain: Uint8Array;
}

function featureDraws(plan: PortfolioPlan): FeatureDraws {
  const { features, featurePartStart, partLow, partHigh } = plan;
  const seeds = new Uint32Array(features.length);
  const fixed = new Uint8Array(features.length);
  const plain = new Uint8Array(features.length);
  features.forEach((fp, f) => {
    seeds[f] = fp.streamSeed;
    plain[f] = fp.splitRates.length === 0 && fp.riskP.length === 0 ? 1 : 0;
    let ranged = false;
    for (let p = featurePartStart[f]; p < featurePartStart[f + 1]; p++) {
      if (partHigh[p] > partLow[p]) ranged = true;
    }
    fixed[f] = plain[f] === 1 && !ranged ? 1 : 0;
  });
  return { seeds, fixed, plain };
}

/** Feature f's parts for this run: size drawn, then split rate and risks as a single forecast. */
function drawFeatureParts(
  plan: PortfolioPlan,
  draws: FeatureDraws,
  f: number,
  run: number,
  rng: Xoshiro128,
  partLeft: Int32Array,
): void {
  const { featurePartStart, partLow, partHigh } = plan;
  const p0 = featurePartStart[f];
  const p1 = featurePartStart[f + 1];
  if (draws.fixed[f] === 1) {
    // Nothing to draw: skipping the stream changes no number (it is seeded per run).
    for (let p = p0; p < p1; p++) partLeft[p] = partLow[p];
    return;
  }
  rng.reseed(draws.seeds[f], run);
  let raw = 0;
  for (let p = p0; p < p1; p++) {
    const span = partHigh[p] - partLow[p] + 1;
    const size =
      span > 1 ? partLow[p] + Math.floor(rng.nextUint32() * TWO_POW_MINUS_32 * span) : partLow[p];
    partLeft[p] = size;
    raw += size;
  }
  if (draws.plain[f] === 1) return;
  const fp = plan.features[f];
  let rho = 1;
  const nSplits = fp.splitRates.length;
  if (nSplits > 0) {
    const m = 1 + Math.floor(rng.nextUint32() * TWO_POW_MINUS_32 * 3 * nSplits);
    rho = sumOfDraws(rng, fp.splitRates, m) / m;
  }
  let impacts = 0;
  for (let k = 0; k < fp.riskP.length; k++) {
    if (rng.nextUint32() * TWO_POW_MINUS_32 <= fp.riskP[k]) {
      impacts += roundHalfEven(
        triangularQuantile(rng.nextUint32() * TWO_POW_MINUS_32, {
          low: fp.riskLow[k],
          mode: fp.riskMode[k],
          high: fp.riskHigh[k],
        }),
      );
    }
  }
  if (rho === 1 && impacts === 0) return;
  // Risk items land on the parts in proportion to their sizes; a one-team feature gets
  // (size + impacts) × split, exactly as a single forecast's backlog.
  for (let p = p0; p < p1; p++) {
    partLeft[p] = roundHalfEven((partLeft[p] + (impacts * partLeft[p]) / raw) * rho);
  }
}

function drawPartSizes(
  plan: PortfolioPlan,
  draws: FeatureDraws,
  run: number,
  rng: Xoshiro128,
  partLeft: Int32Array,
) {
  for (let f = 0; f < plan.features.length; f++) {
    drawFeatureParts(plan, draws, f, run, rng, partLeft);
  }
}

/**
 * Every run's part sizes drawn once, for the passes that simulate the same features again (the
 * CD3 durations alone and the suggested order): a feature's sizes come from its own stream
 * seeded by run, so they are the same in every order. `all[r · stride + source[p]]` is part p's
 * size in run r.
 */
export interface DrawnSizes {
  all: Int32Array;
  stride: number;
  source: Int32Array;
}

/** Above this many run × part cells the passes draw again rather than hold every size. */
const MAX_DRAWN_CELLS = 4_000_000;

/** The plan's sizes for every run, or null when they would take too much memory. */
export function drawAllPartSizes(plan: PortfolioPlan): DrawnSizes | null {
  const P = plan.partFeature.length;
  if (plan.runs * P > MAX_DRAWN_CELLS) return null;
  const all = new Int32Array(plan.runs * P);
  const draws = featureDraws(plan);
  const rng = new Xoshiro128(0);
  for (let r = 0; r < plan.runs; r++) drawPartSizes(plan, draws, r, rng, all.subarray(r * P));
  const source = new Int32Array(P);
  for (let p = 0; p < P; p++) source[p] = p;
  return { all, stride: P, source };
}

/** Part sizes of run r: read from `drawn` when given, else drawn now. */
function partSizesOf(
  plan: PortfolioPlan,
  draws: FeatureDraws,
  drawn: DrawnSizes | null,
  r: number,
  rng: Xoshiro128,
  partLeft: Int32Array,
): void {
  if (drawn === null) {
    drawPartSizes(plan, draws, r, rng, partLeft);
    return;
  }
  const { all, stride, source } = drawn;
  const row = r * stride;
  for (let p = 0; p < partLeft.length; p++) partLeft[p] = all[row + source[p]];
}

/**
 * Completion week of each feature in `fs`, run by run, when its teams work on nothing else
 * and it waits for nobody: what `runPortfolio` gives for a plan of that feature alone
 * without dependencies, from the same streams, in one pass instead of one per feature (the
 * CD3 durations). Alone, a team's part takes the whole of every week's items, so each part
 * is a single backlog on its team's stream; the feature is done when its last part is.
 */
export function aloneWeeks(
  plan: PortfolioPlan,
  fs: readonly number[],
  drawn: DrawnSizes | null = null,
): Int32Array[] {
  const { runs, maxWeeks, featurePartStart, partTeam } = plan;
  const cal = plan.calendar;
  const out = fs.map(() => new Int32Array(runs));
  const draws = featureDraws(plan);
  const partLeft = new Int32Array(plan.partFeature.length);
  const featureRng = new Xoshiro128(0);
  const teamRng = new Xoshiro128(0);
  const caches = plan.teams.map(() => new Map<number, Float64Array>());
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i];
      if (drawn === null) drawFeatureParts(plan, draws, f, r, featureRng, partLeft);
      else {
        for (let p = featurePartStart[f]; p < featurePartStart[f + 1]; p++) {
          partLeft[p] = drawn.all[r * drawn.stride + drawn.source[p]];
        }
      }
      let last = 0;
      for (let p = featurePartStart[f]; p < featurePartStart[f + 1] && last >= 0; p++) {
        const total = partLeft[p];
        if (total === 0) continue;
        const tp = plan.teams[partTeam[p]];
        teamRng.reseed(tp.streamSeed, r);
        const nSeg = tp.segStart.length;
        const thresholds = nSeg > 1 ? thresholdsFor(caches[partTeam[p]], total, tp.segStart) : null;
        let left = total;
        let seg = 0;
        let week = 0;
        while (left > 0) {
          if (++week > maxWeeks) break;
          if (thresholds !== null) {
            while (seg + 1 < nSeg && left <= thresholds[seg + 1]) seg++;
          }
          const x =
            cal === null
              ? sampleDiscrete(tp.table, teamRng.nextUint32())
              : weekItems(cal, tp, teamRng, week);
          left -= x * tp.segFactor[seg];
        }
        last = week > maxWeeks ? -1 : Math.max(last, week);
      }
      out[i][r] = last;
    }
  }
  return out;
}

/** Whether every feature f depends on was done in an earlier week than `week`. */
function depsDone(
  depStart: Int32Array,
  depList: Int32Array,
  done: Int32Array,
  f: number,
  week: number,
): boolean {
  for (let i = depStart[f]; i < depStart[f + 1]; i++) {
    const d = done[depList[i]];
    // Done in an earlier week: within a week teams do not see each other, so the result
    // cannot depend on the order teams are processed in.
    if (d < 0 || d >= week) return false;
  }
  return true;
}

/** Appends the next ready, unfinished, inactive parts of a team, in priority order. */
function refillTeam(
  plan: PortfolioPlan,
  partLeft: Int32Array,
  partActive: Uint8Array,
  done: Int32Array,
  s: TeamState,
  parts: Int32Array,
  week: number,
): void {
  const wip = s.active.length;
  while (s.cursor < parts.length && partLeft[parts[s.cursor]] === 0) s.cursor++;
  for (let i = s.cursor; i < parts.length && s.len < wip; i++) {
    const p = parts[i];
    if (partLeft[p] === 0 || partActive[p] === 1) continue;
    if (!depsDone(plan.depStart, plan.depList, done, plan.partFeature[p], week)) continue;
    partActive[p] = 1;
    s.active[s.len++] = p;
  }
}

/** How many parts of each feature have items left; returns how many features have none. */
function countFeatureParts(
  featurePartStart: Int32Array,
  partLeft: Int32Array,
  featureParts: Int32Array,
): number {
  let zeroFeatures = 0;
  for (let f = 0; f < featureParts.length; f++) {
    let n = 0;
    for (let p = featurePartStart[f]; p < featurePartStart[f + 1]; p++) if (partLeft[p] > 0) n++;
    featureParts[f] = n;
    if (n === 0) zeroFeatures++;
  }
  return zeroFeatures;
}

/** Starts run r for every team: its stream, its backlog and its S-curve thresholds. */
function resetTeams(
  plan: PortfolioPlan,
  state: TeamState[],
  caches: Map<number, Float64Array>[],
  partLeft: Int32Array,
  teamWeekOfRun: Int32Array,
  r: number,
): void {
  for (let t = 0; t < state.length; t++) {
    const s = state[t];
    const tp = plan.teams[t];
    s.rng.reseed(tp.streamSeed, r);
    let total = 0;
    for (const p of tp.parts) total += partLeft[p];
    s.len = 0;
    s.pointer = 0;
    s.left = total;
    s.total = total;
    s.handed = 0;
    s.seg = 0;
    s.cursor = 0;
    if (tp.segStart.length > 1 && total > 0) {
      s.thresholds = thresholdsFor(caches[t], total, tp.segStart);
    }
    teamWeekOfRun[t] = total === 0 ? 0 : -1;
  }
}

/**
 * Features with no items left (a split rate rounded them to 0) are done as soon as they may
 * start; one finishing may free another that waits on it. Returns how many finished.
 */
function finishEmptyFeatures(
  featureParts: Int32Array,
  done: Int32Array,
  ready: (f: number, week: number) => boolean,
  week: number,
): number {
  let finished = 0;
  for (;;) {
    let changed = false;
    for (let f = 0; f < featureParts.length; f++) {
      if (featureParts[f] === 0 && done[f] < 0 && ready(f, week)) {
        done[f] = week - 1;
        finished++;
        changed = true;
      }
    }
    if (!changed) return finished;
  }
}

/** `items`, or a copy at least `need` long (doubling, so growth stays linear). */
function withRoom(items: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  if (need <= items.length) return items;
  const grown = new Float64Array(Math.max(need, items.length * 2));
  grown.set(items);
  return grown;
}

/** Each team's per-run state, allocated once and reset by `resetTeams` at the start of every run. */
function newTeamStates(plan: PortfolioPlan): TeamState[] {
  return plan.teams.map((t) => ({
    rng: new Xoshiro128(0),
    active: new Int32Array(t.wip),
    len: 0,
    pointer: 0,
    left: 0,
    total: 0,
    handed: 0,
    seg: 0,
    thresholds: new Float64Array(1),
    cursor: 0,
  }));
}

export interface RunOptions {
  /** false skips the teams' week-by-week items (teamItems stays empty): the CD3 re-simulations only need completion weeks. */
  shares?: boolean;
  /** Every run's part sizes, drawn before (the same numbers this would draw). */
  drawn?: DrawnSizes | null;
}

export function runPortfolio(plan: PortfolioPlan, options: RunOptions = {}): PortfolioRuns {
  const { shares = true, drawn = null } = options;
  const F = plan.features.length;
  const T = plan.teams.length;
  const P = plan.partFeature.length;
  const { runs, maxWeeks, partFeature, featurePartStart, depStart, depList } = plan;
  const cal = plan.calendar;
  const featureWeek = new Int32Array(runs * F);
  const teamWeek = new Int32Array(runs * T);
  const teamItems = plan.teams.map(() => new Float64Array(16 * F));
  const teamItemWeeks = new Int32Array(T);

  const partLeft = new Int32Array(P);
  const partActive = new Uint8Array(P);
  const featureParts = new Int32Array(F);
  const done = new Int32Array(F);
  const featureRng = new Xoshiro128(0);
  const draws = featureDraws(plan);
  const caches = plan.teams.map(() => new Map<number, Float64Array>());
  const state = newTeamStates(plan);

  const ready = (f: number, week: number): boolean => depsDone(depStart, depList, done, f, week);
  const refill = (t: number, s: TeamState, week: number): void =>
    refillTeam(plan, partLeft, partActive, done, s, plan.teams[t].parts, week);

  for (let r = 0; r < runs; r++) {
    partSizesOf(plan, draws, drawn, r, featureRng, partLeft);
    partActive.fill(0);
    done.fill(-1);
    let doneCount = 0;
    let zeroFeatures = countFeatureParts(featurePartStart, partLeft, featureParts);
    resetTeams(plan, state, caches, partLeft, teamWeek.subarray(r * T, r * T + T), r);

    for (let week = 1; week <= maxWeeks && doneCount < F; week++) {
      if (zeroFeatures > 0) {
        const finished = finishEmptyFeatures(featureParts, done, ready, week);
        doneCount += finished;
        zeroFeatures -= finished;
      }
      for (let t = 0; t < T; t++) {
        const s = state[t];
        if (s.handed === s.total) continue;
        const tp = plan.teams[t];
        const seg0 = s.seg;
        let seg = seg0;
        const nSeg = tp.segStart.length;
        while (seg + 1 < nSeg && s.left <= s.thresholds[seg + 1]) seg++;
        s.seg = seg;
        const x =
          cal === null
            ? sampleDiscrete(tp.table, s.rng.nextUint32())
            : weekItems(cal, tp, s.rng, week);
        s.left -= x * tp.segFactor[seg];
        let avail = s.total - (s.left > 0 ? Math.ceil(s.left) : 0) - s.handed;
        if (avail <= 0) continue;
        if (shares && week > teamItemWeeks[t]) {
          teamItems[t] = withRoom(teamItems[t], week * F);
          teamItemWeeks[t] = week;
        }
        const items = shares ? teamItems[t] : null;
        const row = (week - 1) * F;
        // A full active list has nothing to take in (refill only appends).
        if (s.len < s.active.length) refill(t, s, week);
        const active = s.active;
        while (avail > 0 && s.len > 0) {
          if (s.len > 1 && avail >= s.len) {
            // Whole turns of the round robin in which no part finishes give every active part
            // the same items and leave the pointer where it was: one step instead of many.
            let minLeft = partLeft[active[0]];
            for (let i = 1; i < s.len; i++) minLeft = Math.min(minLeft, partLeft[active[i]]);
            const turns = Math.min(Math.floor(avail / s.len), minLeft - 1);
            if (turns > 0) {
              for (let i = 0; i < s.len; i++) {
                partLeft[active[i]] -= turns;
                if (items !== null) items[row + partFeature[active[i]]] += turns;
              }
              avail -= turns * s.len;
              s.handed += turns * s.len;
              if (avail === 0) break;
            }
          }
          const at = s.len === 1 ? 0 : s.pointer;
          const p = active[at];
          // One active part takes everything it can at once; several share one item at a time.
          const give = s.len === 1 ? Math.min(avail, partLeft[p]) : 1;
          partLeft[p] -= give;
          avail -= give;
          s.handed += give;
          if (items !== null) items[row + partFeature[p]] += give;
          if (partLeft[p] > 0) {
            s.pointer = at + 1 === s.len ? 0 : at + 1;
            continue;
          }
          partActive[p] = 0;
          for (let i = at + 1; i < s.len; i++) active[i - 1] = active[i];
          s.len--;
          const f = partFeature[p];
          if (--featureParts[f] === 0) {
            done[f] = week;
            doneCount++;
          }
          refill(t, s, week);
          s.pointer = s.len === 0 ? 0 : at % s.len;
        }
        // Items nobody could take (the rest waits on dependencies) are capacity lost.
        if (avail > 0) s.left += avail;
        if (s.handed === s.total) teamWeek[r * T + t] = week;
      }
    }
    featureWeek.set(done, r * F);
  }
  return { runs, featureWeek, teamWeek, teamItems, teamItemWeeks };
}
