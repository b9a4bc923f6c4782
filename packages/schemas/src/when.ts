/** `when`, `how-many` and `deadline`: the throughput-only forecasts. */
import { z } from 'zod';
import type { DeadlineInput, HowManyInput, WhenInput } from '@flow-forecaster/engine';
import { compact, resolveAlias } from './aliases';
import { dateField } from './dates';
import { calendarField, calendarShape, resolveCalendar } from './calendar';
import {
  confidence,
  contributors,
  currency,
  maxWeeks,
  money,
  report,
  seed,
  simulations,
  tasks,
  teamFocus,
} from './fields';
import { LIMITS } from './limits';
import { checkContributorRange, SIMULATIONS_KEYS } from './simulate';
import { resolveThroughput, throughputShape } from './throughput';

const WHEN_BACKLOG_KEYS = ['backlog', 'numberOfTasks', 'targetOutcome'] as const;

const common = {
  ...throughputShape,
  teamFocus: teamFocus.optional(),
  numberOfSimulations: simulations.optional(),
  nSimulations: simulations.optional(),
  seed: seed.optional(),
};

export const whenSchema = z
  .object({
    ...common,
    backlog: tasks.optional(),
    numberOfTasks: tasks.optional(),
    targetOutcome: tasks.optional(),
    startDate: dateField.optional(),
    maxWeeks: maxWeeks.optional(),
    ...calendarShape,
  })
  .transform((v, ctx): WhenInput =>
    compact({
      ...resolveThroughput(v, ctx),
      backlog: resolveAlias<number>(ctx, v, WHEN_BACKLOG_KEYS, { required: true }) ?? 0,
      startDate: v.startDate,
      teamFocus: v.teamFocus,
      numberOfSimulations: resolveAlias<number>(ctx, v, SIMULATIONS_KEYS),
      maxWeeks: v.maxWeeks,
      seed: v.seed,
      ...resolveCalendar(ctx, v.calendar, v.resolution, v.startDate),
    }),
  );

export const howManySchema = z
  .object({
    ...common,
    days: z.number().gt(0).max(LIMITS.days.max).optional(),
    startDate: dateField.optional(),
    endDate: dateField.optional(),
    ...calendarShape,
  })
  .transform((v, ctx): HowManyInput => {
    const throughput = resolveThroughput(v, ctx);
    // Trust rules: a period given twice is refused rather than one silently winning.
    if (v.days !== undefined && v.endDate !== undefined) {
      report(ctx, ['endDate'], 'not_both', { other: 'days' });
    }
    if (v.days === undefined) {
      if (v.startDate === undefined || v.endDate === undefined) {
        report(ctx, ['days'], 'needs_one_of', { fields: ['days', 'startDate and endDate'] });
      } else if (v.endDate <= v.startDate) {
        report(ctx, ['endDate'], 'must_follow', { other: 'startDate' });
      }
    }
    return compact({
      ...throughput,
      days: v.days,
      startDate: v.startDate,
      endDate: v.endDate,
      teamFocus: v.teamFocus,
      numberOfSimulations: resolveAlias<number>(ctx, v, SIMULATIONS_KEYS),
      seed: v.seed,
      ...resolveCalendar(ctx, v.calendar, v.resolution, v.startDate),
    });
  });

export const deadlineSchema = z
  .object({
    ...common,
    backlog: tasks.optional(),
    numberOfTasks: tasks.optional(),
    startDate: dateField,
    deadlineDate: dateField,
    calendar: calendarField.optional(),
    minContributors: contributors.optional(),
    maxContributors: contributors.optional(),
    costPerPersonWeek: money.optional(),
    currency: currency.optional(),
    confidence: confidence.optional(),
  })
  .transform((v, ctx): DeadlineInput => {
    const throughput = resolveThroughput(v, ctx);
    const backlog = resolveAlias<number>(ctx, v, ['backlog', 'numberOfTasks'], { required: true });
    if (v.deadlineDate < v.startDate) {
      report(ctx, ['deadlineDate'], 'must_not_precede', { other: 'startDate' });
    }
    checkContributorRange(v, ctx);
    return compact({
      ...throughput,
      backlog: backlog ?? 0,
      startDate: v.startDate,
      deadlineDate: v.deadlineDate,
      teamFocus: v.teamFocus,
      minContributors: v.minContributors,
      maxContributors: v.maxContributors,
      costPerPersonWeek: v.costPerPersonWeek,
      currency: v.currency,
      confidence: v.confidence,
      numberOfSimulations: resolveAlias<number>(ctx, v, SIMULATIONS_KEYS),
      seed: v.seed,
      calendar: resolveCalendar(ctx, v.calendar, undefined, v.startDate).calendar,
    });
  });
