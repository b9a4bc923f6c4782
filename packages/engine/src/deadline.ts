/**
 * "Can we meet this deadline?": the throughput forecast of the backlog compared with the
 * weeks available, plus the scope that fits, effort and cost.
 */
import { type EngineWarning } from './warnings';
import type { DeadlineInput } from './inputs';
import { forecastWhen } from './when';
import { addWeeks, daysBetween, parseDate } from './dates';
import type { CalendarSummary } from './calendar';
import { EngineInputError } from './errors';
import type { StopSignal } from './errors';
import { roundHalfEven, roundTo } from './round';
import type { PercentileStats } from './aggregate';

type Level = 'p50' | 'p85' | 'p95';
type ByLevel<T> = Record<Level, T>;

export interface DeadlineResult {
  /** Days to the deadline / 7, one decimal (raw in weeksToDeadlineRaw). */
  weeksToDeadline: number;
  weeksToDeadlineRaw: number;
  daysToDeadline: number;
  p50Weeks: number;
  p85Weeks: number;
  p95Weeks: number;
  /** The 85th percentile finishes by the deadline. */
  canMeet: boolean;
  completionDates: ByLevel<string>;
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
  /** Share of the P85 duration that fits before the deadline, capped at 100 (and raw). */
  deadlineCompletionPct: number;
  /** Null when there is no time at all before the deadline but work to do. */
  deadlineCompletionPctRaw: number | null;
  /** Person-weeks: P_X × the mean of min and max contributors. */
  effort: ByLevel<number>;
  cost: (ByLevel<number> & { currency: string; costPerPersonWeek: number }) | null;
  percentile_stats: PercentileStats;
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

export function deadlineAnalysis(
  input: DeadlineInput,
  opts: { signal?: StopSignal } = {},
): DeadlineResult {
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

  const forecast = forecastWhen(
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
    opts,
  );
  const onCalendar = forecast.calendar !== null ? forecast.completionDates : null;
  const B = input.backlog;
  const wtd = days / 7;
  const ps = forecast.percentile_stats;
  const weeks: ByLevel<number> = { p50: ps.p50, p85: ps.p85, p95: ps.p95 };
  const byLevel = <T>(f: (l: Level) => T): ByLevel<T> => ({
    p50: f('p50'),
    p85: f('p85'),
    p95: f('p95'),
  });
  // A zero-week forecast (empty backlog) fits any window.
  const itemsPossible = byLevel((l) => (weeks[l] > 0 ? roundHalfEven((wtd / weeks[l]) * B) : B));
  const projectedWork = byLevel((l) => Math.min(itemsPossible[l], B));
  const scopeRaw = B > 0 ? (projectedWork.p85 / B) * 100 : 100;
  const deadlineRaw = wtd > 0 ? (weeks.p85 / wtd) * 100 : weeks.p85 > 0 ? Infinity : 0;
  const crew = (minC + maxC) / 2;
  const effort = byLevel((l) => weeks[l] * crew);

  return {
    weeksToDeadline: roundTo(wtd, 1),
    weeksToDeadlineRaw: wtd,
    daysToDeadline: days,
    p50Weeks: weeks.p50,
    p85Weeks: weeks.p85,
    p95Weeks: weeks.p95,
    canMeet: wtd >= weeks.p85,
    completionDates: byLevel((l) => onCalendar?.[l] ?? addWeeks(start, weeks[l])),
    calendar: forecast.calendar,
    itemsPossible,
    projectedWork,
    projectedWorkP50: projectedWork.p50,
    projectedWorkP85: projectedWork.p85,
    projectedWorkP95: projectedWork.p95,
    scopeCompletionPct: Math.min(100, Math.round(scopeRaw)),
    scopeCompletionPctRaw: roundTo(scopeRaw, 1),
    deadlineCompletionPct: Math.min(100, Math.round(deadlineRaw)),
    deadlineCompletionPctRaw: Number.isFinite(deadlineRaw) ? roundTo(deadlineRaw, 1) : null,
    effort,
    cost:
      costRate !== undefined && costRate !== null
        ? {
            ...byLevel((l) => roundTo(effort[l] * costRate, 2)),
            currency: input.currency ?? 'USD',
            costPerPersonWeek: costRate,
          }
        : null,
    percentile_stats: ps,
    backlog: B,
    startDate: start,
    deadlineDate: deadline,
    numberOfSimulations: forecast.numberOfSimulations,
    seed: forecast.seed,
    warnings: forecast.warnings,
    warningCodes: forecast.warningCodes,
  };
}
