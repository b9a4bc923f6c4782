/**
 * "Can we meet this deadline?": the throughput forecast of the backlog compared with the
 * weeks available, plus the scope that fits, effort and cost.
 */
import { type EngineWarning } from './warnings';
import type { DeadlineInput } from './inputs';
import { runWhen, weeksPercentile, type WhenResult } from './when';
import { isBeyondMaxWeeks, type RunsFinished } from './beyond-max-weeks';
import { percentileSorted } from './percentile';
import { addDays, addWeeks, daysBetween, parseDate } from './dates';
import type { CalendarSummary } from './calendar';
import { EngineInputError } from './errors';
import type { StopSignal } from './errors';
import { roundHalfEven, roundTo } from './round';
import type { PercentileStats } from './aggregate';

type Level = 'p50' | 'p85' | 'p95';
type ByLevel<T> = Record<Level, T>;

/** One point of the date → probability curve. */
export interface DeadlineCurvePoint {
  weeks: number;
  date: string;
  /** Share of runs finished on or before this date (0–1). */
  probability: number;
}

/** "What it would take" to be done at the chosen confidence. */
export interface WhatItWouldTake {
  confidence: number;
  /** Items of the backlog done by the deadline in at least `confidence` of the runs. */
  scopeThatFits: number;
  /** Weeks (and date) the whole backlog needs at `confidence`; the later date if it misses. */
  weeks: number;
  /** Null when those weeks are beyond maxWeeks (a cap is never a date). */
  date: string | null;
  beyondMaxWeeks: boolean;
  /** The deadline holds at `confidence`. */
  meetsDeadline: boolean;
  /**
   * The latest start that still makes the deadline at `confidence` ("when must we start?"):
   * the deadline − 7 × ⌈weeks⌉ days, the portfolio's rule; before startDate when the deadline
   * is already missed at that confidence. Null when those weeks are beyond maxWeeks.
   */
  latestStart: string | null;
  /**
   * With a team size: the team that would make the deadline at `confidence`, scaling
   * throughput with team size (optimistic: no ramp-up or coordination cost). Null without a
   * team size, or when there is no time before the deadline or the weeks are a cap.
   */
  teamSize: number | null;
}

export interface DeadlineResult extends RunsFinished {
  /** Share of runs whose completion date (start + 7 × weeks) is on or before the deadline. */
  probabilityByDeadline: number;
  /** Date → probability of being done by then, every week from the first to the last finish. */
  probabilityByDate: DeadlineCurvePoint[];
  whatItWouldTake: WhatItWouldTake;
  /** Days to the deadline / 7, one decimal (raw in weeksToDeadlineRaw). */
  weeksToDeadline: number;
  weeksToDeadlineRaw: number;
  daysToDeadline: number;
  p50Weeks: number;
  p85Weeks: number;
  p95Weeks: number;
  /** The 85th percentile finishes by the deadline. */
  canMeet: boolean;
  /** Null where the percentile is beyond maxWeeks. */
  completionDates: ByLevel<string | null>;
  /** round(weeksToDeadline / P_X · backlog): the scope the weeks would fit. */
  itemsPossible: ByLevel<number>;
  /** itemsPossible capped at the backlog. */
  projectedWork: ByLevel<number>;
  projectedWorkP50: number;
  projectedWorkP85: number;
  projectedWorkP95: number;
  /** Share of the backlog done by the deadline at P85, capped at 100 (and raw). */
  scopeCompletionPct: number;
  scopeCompletionPctRaw: number;
  /**
   * Items of the backlog done by the deadline in at least 85 % of the runs, and their share of
   * the backlog in % (one decimal): the page's "scope done by the deadline (P85)", from the same
   * runs as "what it would take" at 85 % (scopeCompletionPct is the original's weeks ratio, and
   * reads the cap when P85 is beyond maxWeeks).
   */
  scopeByDeadlineP85: number;
  scopeByDeadlinePctP85: number;
  /**
   * Share of the P85 duration that fits before the deadline, capped at 100 (and raw). When P85
   * is beyond maxWeeks (beyondMaxWeeks.p85) it is computed from the cap: a floor, "more than".
   */
  deadlineCompletionPct: number;
  /** Null when there is no time at all before the deadline but work to do. */
  deadlineCompletionPctRaw: number | null;
  /** Person-weeks: P_X × the mean of min and max contributors. */
  effort: ByLevel<number>;
  /** The team size effort is figured with (the mean of min and max contributors). */
  effortTeamSize: number;
  /** No team size was given: effort is one person's weeks and must be labelled so. */
  effortForOnePerson: boolean;
  cost: (ByLevel<number> & { currency: string; costPerPersonWeek: number }) | null;
  percentile_stats: PercentileStats;
  /** The weeks percentiles' 95 % sampling intervals (trust rules). */
  percentileIntervals: WhenResult['percentileIntervals'];
  /** The calendar applied, with its days off; null without one. */
  calendar: CalendarSummary | null;
  backlog: number;
  startDate: string;
  deadlineDate: string;
  numberOfSimulations: number;
  seed: number;
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
}

/** The checked dates, team and rates of a deadline question. */
interface DeadlineTerms {
  start: string;
  deadline: string;
  days: number;
  minC: number;
  maxC: number;
  costRate: number | null | undefined;
  confidence: number;
}

function deadlineTerms(input: DeadlineInput): DeadlineTerms {
  const start = parseDate(input.startDate);
  if (start === null) throw new EngineInputError('startDate is not a date', 'startDate');
  const deadline = parseDate(input.deadlineDate);
  if (deadline === null) throw new EngineInputError('deadlineDate is not a date', 'deadlineDate');
  const days = daysBetween(start, deadline);
  if (days < 0) throw new EngineInputError('deadlineDate is before startDate', 'deadlineDate');
  const minC = input.minContributors ?? input.maxContributors ?? 1;
  const maxC = input.maxContributors ?? minC;
  if (!(minC >= 1 && maxC >= minC)) {
    throw new EngineInputError('contributors must be ≥ 1 with min ≤ max', 'minContributors');
  }
  const costRate = input.costPerPersonWeek;
  if (
    costRate !== undefined &&
    costRate !== null &&
    !(Number.isFinite(costRate) && costRate >= 0)
  ) {
    throw new EngineInputError('costPerPersonWeek must be ≥ 0', 'costPerPersonWeek');
  }

  const confidence = input.confidence ?? 0.85;
  if (!(confidence > 0 && confidence <= 1)) {
    throw new EngineInputError('confidence must be in (0, 1]', 'confidence');
  }
  return { start, deadline, days, minC, maxC, costRate, confidence };
}

const byLevel = <T>(f: (l: Level) => T): ByLevel<T> => ({
  p50: f('p50'),
  p85: f('p85'),
  p95: f('p95'),
});

export function deadlineAnalysis(
  input: DeadlineInput,
  opts: { signal?: StopSignal } = {},
): DeadlineResult {
  const terms = deadlineTerms(input);
  const { start, deadline, days, minC, maxC, costRate } = terms;
  // Whole weeks that end on or before the deadline: the same rule as the completion dates.
  const weeksByDeadline = Math.floor(days / 7);
  const {
    result: forecast,
    itemsBy,
    dateOfWeeks,
  } = runWhen(
    {
      tpSamples: input.tpSamples,
      throughputModel: input.throughputModel,
      pBest: input.pBest,
      pLikely: input.pLikely,
      pWorst: input.pWorst,
      backlog: input.backlog,
      teamFocus: input.teamFocus,
      numberOfSimulations: input.numberOfSimulations,
      seed: input.seed,
      // Runs count calendar weeks either way, so weeks to the deadline compare as before.
      ...(input.calendar ? { startDate: start, calendar: input.calendar } : {}),
    },
    { signal: opts.signal, itemsByWeek: weeksByDeadline },
  );
  const onCalendar = forecast.calendar !== null ? forecast.completionDates : null;
  const B = input.backlog;
  const wtd = days / 7;
  const ps = forecast.percentile_stats;
  const weeks: ByLevel<number> = { p50: ps.p50, p85: ps.p85, p95: ps.p95 };
  // A zero-week forecast (empty backlog) fits any window.
  const itemsPossible = byLevel((l) => (weeks[l] > 0 ? roundHalfEven((wtd / weeks[l]) * B) : B));
  const projectedWork = byLevel((l) => Math.min(itemsPossible[l], B));
  const scopeRaw = B > 0 ? (projectedWork.p85 / B) * 100 : 100;
  const deadlineRaw = wtd > 0 ? (weeks.p85 / wtd) * 100 : weeks.p85 > 0 ? Infinity : 0;
  const crew = (minC + maxC) / 2;
  const effort = byLevel((l) => weeks[l] * crew);
  const beyond = forecast.beyondMaxWeeks;
  // One date rule for every date of the result: the calendar's completion day when there is
  // one (so "what it would take" and the curve agree with the P85 date), else start + weeks.
  const dateAt = dateOfWeeks ?? ((w: number) => addWeeks(start, w));
  const curve = probabilityCurve(forecast.histogram, forecast, dateAt);
  const probabilityByDeadline = finishedBy(forecast.histogram, forecast, weeksByDeadline);

  const teamGiven = input.minContributors !== undefined || input.maxContributors !== undefined;
  const sortedItems = (itemsBy ?? new Float64Array(0)).sort();
  const fitsAtP85 = itemsDoneAt(sortedItems, 0.85, B);
  const whatItWouldTake = whatItWouldTakeAt(terms, forecast, sortedItems, {
    backlog: B,
    crew,
    teamGiven,
    dateAt,
  });

  return {
    probabilityByDeadline,
    probabilityByDate: curve,
    whatItWouldTake,
    maxWeeks: forecast.maxWeeks,
    finishedShare: forecast.finishedShare,
    beyondMaxWeeks: forecast.beyondMaxWeeks,
    weeksToDeadline: roundTo(wtd, 1),
    weeksToDeadlineRaw: wtd,
    daysToDeadline: days,
    p50Weeks: weeks.p50,
    p85Weeks: weeks.p85,
    p95Weeks: weeks.p95,
    canMeet: wtd >= weeks.p85,
    completionDates: byLevel((l) =>
      beyond[l] ? null : (onCalendar?.[l] ?? addWeeks(start, weeks[l])),
    ),
    calendar: forecast.calendar,
    itemsPossible,
    projectedWork,
    projectedWorkP50: projectedWork.p50,
    projectedWorkP85: projectedWork.p85,
    projectedWorkP95: projectedWork.p95,
    scopeByDeadlineP85: fitsAtP85,
    scopeByDeadlinePctP85: B > 0 ? roundTo((fitsAtP85 / B) * 100, 1) : 100,
    scopeCompletionPct: Math.min(100, Math.round(scopeRaw)),
    scopeCompletionPctRaw: roundTo(scopeRaw, 1),
    deadlineCompletionPct: Math.min(100, Math.round(deadlineRaw)),
    deadlineCompletionPctRaw: Number.isFinite(deadlineRaw) ? roundTo(deadlineRaw, 1) : null,
    effort,
    effortTeamSize: crew,
    effortForOnePerson: !teamGiven || maxC === 1,
    cost:
      costRate !== undefined && costRate !== null
        ? {
            ...byLevel((l) => roundTo(effort[l] * costRate, 2)),
            currency: input.currency ?? 'USD',
            costPerPersonWeek: costRate,
          }
        : null,
    percentile_stats: ps,
    percentileIntervals: forecast.percentileIntervals,
    backlog: B,
    startDate: start,
    deadlineDate: deadline,
    numberOfSimulations: forecast.numberOfSimulations,
    seed: forecast.seed,
    warnings: forecast.warnings,
    warningCodes: forecast.warningCodes,
  };
}

/** What it would take to finish at the asked confidence: scope that fits, weeks, start, team. */
function whatItWouldTakeAt(
  terms: DeadlineTerms,
  forecast: RunCounts & { histogram: { weeks: number; count: number }[] },
  sortedItems: Float64Array,
  team: { backlog: number; crew: number; teamGiven: boolean; dateAt: (w: number) => string },
): WhatItWouldTake {
  const { confidence, days, deadline } = terms;
  const wtd = days / 7;
  const weeksByDeadline = Math.floor(days / 7);
  const confWeeks = weeksAtConfidence(forecast, confidence);
  const confBeyond = isBeyondMaxWeeks(
    forecast.numberOfSimulations,
    forecast.unfinishedRuns,
    confidence,
  );
  return {
    confidence,
    scopeThatFits: itemsDoneAt(sortedItems, confidence, team.backlog),
    weeks: confWeeks,
    date: confBeyond ? null : team.dateAt(confWeeks),
    beyondMaxWeeks: confBeyond,
    meetsDeadline: !confBeyond && confWeeks * 7 <= days,
    latestStart: confBeyond ? null : addDays(deadline, -7 * Math.ceil(confWeeks - 1e-9)),
    teamSize:
      team.teamGiven && !confBeyond && weeksByDeadline > 0
        ? Math.max(1, Math.ceil((team.crew * confWeeks) / wtd - 1e-9))
        : null,
  };
}

/** Whole items of the backlog done by the deadline in at least `confidence` of the runs. */
function itemsDoneAt(sortedItems: Float64Array, confidence: number, backlog: number): number {
  const atConfidence = Math.floor(percentileSorted(sortedItems, 1 - confidence) + 1e-9);
  return Math.min(backlog, Math.max(0, atConfidence));
}

interface RunCounts {
  numberOfSimulations: number;
  unfinishedRuns: number;
  maxWeeks: number;
}

/** Runs finished within `week` weeks; runs stopped at maxWeeks never count as finished. */
function finishedBy(
  histogram: { weeks: number; count: number }[],
  runs: RunCounts,
  week: number,
): number {
  let done = 0;
  for (const h of histogram) if (h.weeks <= week) done += h.count;
  if (week >= runs.maxWeeks) done -= runs.unfinishedRuns;
  return runs.numberOfSimulations > 0 ? done / runs.numberOfSimulations : 1;
}

function probabilityCurve(
  histogram: { weeks: number; count: number }[],
  runs: RunCounts,
  dateAt: (weeks: number) => string,
): DeadlineCurvePoint[] {
  const n = runs.numberOfSimulations;
  const points: DeadlineCurvePoint[] = [];
  let done = 0;
  for (const h of histogram) {
    done += h.count;
    if (h.weeks >= runs.maxWeeks) done -= runs.unfinishedRuns;
    points.push({ weeks: h.weeks, date: dateAt(h.weeks), probability: done / n });
  }
  return points;
}

/** Weeks at a confidence, from the forecast's histogram (the same interpolation as percentile). */
function weeksAtConfidence(
  forecast: {
    histogram: { weeks: number; count: number }[];
    numberOfSimulations: number;
    unfinishedRuns: number;
  },
  confidence: number,
): number {
  const counts = new Uint32Array(
    forecast.histogram.length > 0 ? forecast.histogram[forecast.histogram.length - 1].weeks + 1 : 1,
  );
  for (const h of forecast.histogram) counts[h.weeks] = h.count;
  return weeksPercentile(
    { counts, runs: forecast.numberOfSimulations, unfinished: forecast.unfinishedRuns },
    confidence,
  );
}
