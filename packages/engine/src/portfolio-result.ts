/**
 * From the portfolio's runs to the result contract of spec/portfolio.md: per-feature
 * percentiles and dates, probabilities by target, the cut line, the joint probability (from
 * the same runs), expected delay cost, latest start, and each team's throughput share.
 */
import { addDays, addWeeks, daysBetween } from './dates';
import { lastWorkingDayOfWeek, summariseCalendar, type CalendarSummary } from './calendar';
import { intervalFromCounts, percentileFromCounts } from './percentile';
import { roundTo } from './round';
import { warning, warningFields, type EngineWarning } from './warnings';
import type { PortfolioPlan } from './portfolio-plan';
import type { PortfolioRuns } from './portfolio-run';

/** Weeks; null when that share of runs did not finish within maxWeeks. */
export interface PortfolioPercentiles {
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

/**
 * A percentile's 95 % sampling interval in weeks (order statistics of the runs); high is null
 * when that rank's runs did not finish within maxWeeks.
 */
export interface PortfolioInterval {
  low: number;
  high: number | null;
}

/** Null for a level whose own percentile is null (its runs did not finish). */
export interface PortfolioIntervals {
  p50: PortfolioInterval | null;
  p85: PortfolioInterval | null;
  p95: PortfolioInterval | null;
}

export interface PortfolioDates {
  p50: string | null;
  p85: string | null;
  p95: string | null;
}

export interface PortfolioFeatureResult {
  name: string;
  percentile_stats: PortfolioPercentiles;
  percentileIntervals: PortfolioIntervals;
  /** Start + 7 × weeks, as the single forecast; null without startDate. */
  completionDates: PortfolioDates | null;
  /** The feature's own target, else the portfolio's. */
  targetDate: string | null;
  /** Share of runs done by targetDate; null without one. */
  probabilityByTarget: number | null;
  /** Share of runs done by the portfolio's targetDate; null without one. */
  probabilityByPortfolioTarget: number | null;
  /** Above the cut line: probabilityByTarget ≥ confidence; null without a target. */
  inCutLine: boolean | null;
  unfinishedRuns: number;
  /** Weeks within which `confidence` of runs finished; null when they did not. */
  weeksAtConfidence: number | null;
  /** Latest start that still makes targetDate at `confidence`; null without one. */
  latestStart: string | null;
  costOfDelayPerWeek: number;
  /** Mean over runs of costOfDelayPerWeek × max(0, completion − target) weeks. */
  expectedDelayCost: number | null;
}

export interface PortfolioTeamResult {
  name: string;
  /** When the team finished its last part. */
  lastCompletion: PortfolioPercentiles;
  lastCompletionIntervals: PortfolioIntervals;
  lastCompletionDates: PortfolioDates | null;
  /**
   * Share of the team's items that went to each feature, week by week (all runs together):
   * shares[i][w − 1] for week w, features in priority order, only those the team works on.
   */
  throughputShare: { weeks: number; features: string[]; shares: number[][] };
}

export interface PortfolioCostOfDelay {
  currency: string;
  totalExpectedDelayCost: number;
  /** Order by CD3 (cost of delay ÷ median duration alone), dependencies first. */
  suggestedOrder: string[];
  /** Total expected delay cost of the suggested order, on the same seed. */
  suggestedTotalExpectedDelayCost: number;
  saving: number;
  /** Per feature, in the given order: median weeks when its teams work on it alone, and CD3. */
  features: { name: string; medianWeeksAlone: number | null; cd3: number }[];
}

export interface PortfolioResult {
  features: PortfolioFeatureResult[];
  teams: PortfolioTeamResult[];
  /** Share of runs where every feature with a target (own or portfolio) made it. */
  allOnTime: number | null;
  /** Same, counting only features with their own targetDate. */
  allOwnTargetsOnTime: number | null;
  costOfDelay: PortfolioCostOfDelay | null;
  confidence: number;
  startDate: string | null;
  targetDate: string | null;
  /** The calendar named, with its days off up to the latest P95 date; null without one. */
  calendar: CalendarSummary | null;
  numberOfSimulations: number;
  seed: number;
  warnings: string[];
  warningCodes: EngineWarning[];
}

/**
 * Completion-week counts of every column (feature or team) in one pass over the runs, row by
 * row as the runs are stored: counts[c] has one cell per week, unfinished runs above maxWeeks.
 */
function weekCounts(
  values: Int32Array,
  columns: number,
  runs: number,
  maxWeeks: number,
): { counts: Uint32Array[]; unfinished: Int32Array } {
  const stride = maxWeeks + 2;
  const all = new Uint32Array(columns * stride);
  const unfinished = new Int32Array(columns);
  for (let r = 0; r < runs; r++) {
    const row = r * columns;
    for (let c = 0; c < columns; c++) {
      const w = values[row + c];
      if (w < 0) {
        all[c * stride + maxWeeks + 1]++;
        unfinished[c]++;
      } else all[c * stride + w]++;
    }
  }
  const counts = Array.from({ length: columns }, (_, c) =>
    all.subarray(c * stride, (c + 1) * stride),
  );
  return { counts, unfinished };
}

/** Runs finished within `by` weeks, from a column's counts. */
function finishedWithin(counts: Uint32Array, maxWeeks: number, by: number): number {
  let n = 0;
  const last = Math.min(maxWeeks, Math.floor(by + 1e-9));
  for (let w = 0; w <= last; w++) n += counts[w];
  return n;
}

function quantileOf(counts: Uint32Array, runs: number, maxWeeks: number, p: number): number | null {
  const q = percentileFromCounts(counts, runs, p);
  return q > maxWeeks ? null : roundTo(q, 2);
}

function percentilesOf(counts: Uint32Array, runs: number, maxWeeks: number): PortfolioPercentiles {
  return {
    p50: quantileOf(counts, runs, maxWeeks, 0.5),
    p85: quantileOf(counts, runs, maxWeeks, 0.85),
    p95: quantileOf(counts, runs, maxWeeks, 0.95),
  };
}

function intervalsOf(
  counts: Uint32Array,
  runs: number,
  maxWeeks: number,
  q: PortfolioPercentiles,
): PortfolioIntervals {
  const one = (p: number, at: number | null): PortfolioInterval | null => {
    if (at === null) return null;
    const iv = intervalFromCounts(counts, runs, p);
    return { low: iv.low, high: iv.high > maxWeeks ? null : iv.high };
  };
  return { p50: one(0.5, q.p50), p85: one(0.85, q.p85), p95: one(0.95, q.p95) };
}

/** Start + 7 × weeks; on a calendar, the last working day of the completion week. */
function datesOf(plan: PortfolioPlan, q: PortfolioPercentiles): PortfolioDates | null {
  const start = plan.startDate;
  if (start === null) return null;
  const cal = plan.calendar;
  const d = (w: number | null) =>
    w === null ? null : cal === null ? addWeeks(start, w) : lastWorkingDayOfWeek(cal.compiled, w);
  return { p50: d(q.p50), p85: d(q.p85), p95: d(q.p95) };
}

/** Mean over runs of the feature's delay cost; unfinished runs count as finishing at maxWeeks. */
export function expectedDelayCost(plan: PortfolioPlan, runs: PortfolioRuns, f: number): number {
  const fp = plan.features[f];
  if (fp.targetWeeks === null || fp.costOfDelayPerWeek === 0) return 0;
  const F = plan.features.length;
  let sum = 0;
  for (let r = 0; r < runs.runs; r++) {
    const w = runs.featureWeek[r * F + f];
    const late = (w < 0 ? plan.maxWeeks : w) - fp.targetWeeks;
    if (late > 0) sum += late;
  }
  return (fp.costOfDelayPerWeek * sum) / runs.runs;
}

/** Share of runs in which every feature with `counted(f)` made its target. */
function jointOnTime(
  plan: PortfolioPlan,
  runs: PortfolioRuns,
  counted: (f: number) => boolean,
): number | null {
  const F = plan.features.length;
  const list = plan.features.flatMap((fp, f) => (fp.targetWeeks !== null && counted(f) ? [f] : []));
  if (list.length === 0) return null;
  let n = 0;
  for (let r = 0; r < runs.runs; r++) {
    let all = true;
    for (const f of list) {
      const w = runs.featureWeek[r * F + f];
      if (w < 0 || w > (plan.features[f].targetWeeks as number) + 1e-9) {
        all = false;
        break;
      }
    }
    if (all) n++;
  }
  return n / runs.runs;
}

function featureResult(
  plan: PortfolioPlan,
  runs: PortfolioRuns,
  f: number,
  counts: Uint32Array,
  unfinished: number,
): PortfolioFeatureResult {
  const fp = plan.features[f];
  const shareOfRuns = (by: number) => finishedWithin(counts, plan.maxWeeks, by) / runs.runs;
  const q = percentilesOf(counts, runs.runs, plan.maxWeeks);
  const atConfidence = quantileOf(counts, runs.runs, plan.maxWeeks, plan.confidence);
  const byTarget = fp.targetWeeks === null ? null : shareOfRuns(fp.targetWeeks);
  const portfolioWeeks =
    plan.targetDate !== null && plan.startDate !== null
      ? daysBetween(plan.startDate, plan.targetDate) / 7
      : null;
  return {
    name: fp.name,
    percentile_stats: q,
    percentileIntervals: intervalsOf(counts, runs.runs, plan.maxWeeks, q),
    completionDates: datesOf(plan, q),
    targetDate: fp.targetDate,
    probabilityByTarget: byTarget === null ? null : roundTo(byTarget, 4),
    probabilityByPortfolioTarget:
      portfolioWeeks === null ? null : roundTo(shareOfRuns(portfolioWeeks), 4),
    inCutLine: byTarget === null ? null : byTarget >= plan.confidence,
    unfinishedRuns: unfinished,
    weeksAtConfidence: atConfidence,
    latestStart:
      fp.targetDate === null || atConfidence === null
        ? null
        : addDays(fp.targetDate, -7 * Math.ceil(atConfidence)),
    costOfDelayPerWeek: fp.costOfDelayPerWeek,
    expectedDelayCost:
      fp.targetWeeks === null ? null : roundTo(expectedDelayCost(plan, runs, f), 2),
  };
}

function teamResult(
  plan: PortfolioPlan,
  runs: PortfolioRuns,
  t: number,
  counts: Uint32Array,
): PortfolioTeamResult {
  const F = plan.features.length;
  const team = plan.teams[t];
  const last = percentilesOf(counts, runs.runs, plan.maxWeeks);
  const featuresOfTeam = [...new Set(Array.from(team.parts, (p) => plan.partFeature[p]))];
  const weeks = runs.teamItemWeeks[t];
  const items = runs.teamItems[t];
  const shares = featuresOfTeam.map((f) => {
    const row: number[] = [];
    for (let w = 0; w < weeks; w++) {
      let sum = 0;
      for (const g of featuresOfTeam) sum += items[w * F + g];
      row.push(sum > 0 ? roundTo(items[w * F + f] / sum, 4) : 0);
    }
    return row;
  });
  return {
    name: team.name,
    lastCompletion: last,
    lastCompletionIntervals: intervalsOf(counts, runs.runs, plan.maxWeeks, last),
    lastCompletionDates: datesOf(plan, last),
    throughputShare: {
      weeks,
      features: featuresOfTeam.map((f) => plan.features[f].name),
      shares,
    },
  };
}

function rounded(x: number | null): number | null {
  return x === null ? null : roundTo(x, 4);
}

function calendarOf(
  plan: PortfolioPlan,
  features: PortfolioFeatureResult[],
): CalendarSummary | null {
  const cal = plan.calendar;
  if (cal === null || plan.startDate === null) return null;
  let until = plan.startDate;
  for (const f of features) {
    const d = f.completionDates?.p95 ?? null;
    if (d !== null && d > until) until = d;
  }
  return summariseCalendar(cal.input, cal.compiled, until);
}

/** The result without the CD3 suggestion (portfolio.ts adds it). */
export function portfolioResult(plan: PortfolioPlan, runs: PortfolioRuns): PortfolioResult {
  const byFeature = weekCounts(runs.featureWeek, plan.features.length, runs.runs, plan.maxWeeks);
  const byTeam = weekCounts(runs.teamWeek, plan.teams.length, runs.runs, plan.maxWeeks);
  const features = plan.features.map((_, f) =>
    featureResult(plan, runs, f, byFeature.counts[f], byFeature.unfinished[f]),
  );
  const warnings = [...plan.warnings];
  const unfinished = features.reduce((m, f) => Math.max(m, f.unfinishedRuns), 0);
  if (unfinished > 0) {
    warnings.push(
      warning('unfinishedRuns', { unfinished, runs: runs.runs, maxWeeks: plan.maxWeeks }),
    );
  }
  return {
    features,
    teams: plan.teams.map((_, t) => teamResult(plan, runs, t, byTeam.counts[t])),
    allOnTime: rounded(jointOnTime(plan, runs, () => true)),
    allOwnTargetsOnTime: rounded(jointOnTime(plan, runs, (f) => plan.features[f].ownTarget)),
    costOfDelay: null,
    confidence: plan.confidence,
    startDate: plan.startDate,
    targetDate: plan.targetDate,
    calendar: calendarOf(plan, features),
    numberOfSimulations: runs.runs,
    seed: plan.seed,
    ...warningFields(warnings),
  };
}
