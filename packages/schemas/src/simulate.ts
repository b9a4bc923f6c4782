/**
 * `simulate`: the full team simulation. Also accepts the deployment guide's three-point shape
 * `{targetOutcome, pBest, pWorst, pLikely, sCurveSize, nSimulations, confidence}`.
 */
import { z } from 'zod';
import type { SimulateInput } from '@flow-forecaster/engine';
import { compact, resolveAlias } from './aliases';
import { dateField } from './dates';
import { calendarField, resolveCalendar } from './calendar';
import { dependenciesField, dependencyMode } from './dependencies';
import {
  confidence,
  contributors,
  currency,
  ltSamples,
  maxWeeks,
  money,
  num,
  report,
  sCurveSize,
  seed,
  simulations,
  splitRateSamples,
  tasks,
  teamFocus,
} from './fields';
import { LIMITS } from './limits';
import { risksField } from './risks';
import { resolveThroughput, throughputShape } from './throughput';

export const BACKLOG_KEYS = ['numberOfTasks', 'backlog', 'targetOutcome'] as const;
export const SIMULATIONS_KEYS = ['numberOfSimulations', 'nSimulations'] as const;

const adjustedBacklog = num(0, LIMITS.adjustedBacklog.max);
const teamSize = z.number().gt(0).max(LIMITS.contributors.max);

/** The risks, dependencies and team size range, as the simulation and a delivery take them. */
export const teamShape = {
  risks: risksField.optional(),
  dependencies: dependenciesField.optional(),
  dependencyMode: dependencyMode.optional(),
  totalContributors: contributors.optional(),
  minContributors: contributors.optional(),
  maxContributors: contributors.optional(),
};

/** Min ≤ max contributors, reported on the min (the one users usually mistype). */
export function checkContributorRange(
  v: { minContributors?: number; maxContributors?: number },
  ctx: z.RefinementCtx,
): void {
  if (
    v.minContributors !== undefined &&
    v.maxContributors !== undefined &&
    v.minContributors > v.maxContributors
  ) {
    report(ctx, ['minContributors'], 'must_not_exceed', { other: 'maxContributors' });
  }
}

export const simulateSchema = z
  .object({
    ...throughputShape,
    numberOfTasks: tasks.optional(),
    backlog: tasks.optional(),
    targetOutcome: tasks.optional(),
    backlogAdjustedMin: adjustedBacklog.optional(),
    backlogAdjustedMax: adjustedBacklog.optional(),
    ltSamples: ltSamples.optional(),
    splitRateSamples: splitRateSamples.optional(),
    ...teamShape,
    sCurveSize: sCurveSize.optional(),
    teamFocus: teamFocus.optional(),
    historicalTeamSize: teamSize.optional(),
    historical_team_size: teamSize.optional(),
    numberOfSimulations: simulations.optional(),
    nSimulations: simulations.optional(),
    maxWeeks: maxWeeks.optional(),
    startDate: dateField.optional(),
    calendar: calendarField.optional(),
    confidence: confidence.optional(),
    includeRuns: z.boolean().optional(),
    costPerPersonWeek: money.optional(),
    currency: currency.optional(),
    seed: seed.optional(),
  })
  .transform((v, ctx): SimulateInput => {
    const throughput = resolveThroughput(v, ctx);
    const numberOfTasks = resolveAlias<number>(ctx, v, BACKLOG_KEYS, { required: true });
    checkContributorRange(v, ctx);
    return compact({
      ...throughput,
      numberOfTasks: numberOfTasks ?? 0,
      backlogAdjustedMin: v.backlogAdjustedMin,
      backlogAdjustedMax: v.backlogAdjustedMax,
      ltSamples: v.ltSamples,
      splitRateSamples: v.splitRateSamples,
      risks: v.risks,
      dependencies: v.dependencies,
      dependencyMode: v.dependencyMode,
      totalContributors: v.totalContributors,
      minContributors: v.minContributors,
      maxContributors: v.maxContributors,
      sCurveSize: v.sCurveSize,
      teamFocus: v.teamFocus,
      historicalTeamSize: resolveAlias<number>(ctx, v, [
        'historicalTeamSize',
        'historical_team_size',
      ]),
      numberOfSimulations: resolveAlias<number>(ctx, v, SIMULATIONS_KEYS),
      maxWeeks: v.maxWeeks,
      startDate: v.startDate,
      // The full simulation counts working days; the daily model (resolution) is `when`'s.
      calendar: resolveCalendar(ctx, v.calendar, undefined, v.startDate).calendar,
      confidence: v.confidence,
      includeRuns: v.includeRuns,
      costPerPersonWeek: v.costPerPersonWeek,
      currency: v.currency,
      seed: v.seed,
    });
  });
