/** `backtest`: walk-forward / expanding-window checks of the model on the team's own history. */
import { z } from 'zod';
import type { BacktestInput } from '@flow-forecaster/engine';
import { compact, resolveAlias } from './aliases';
import { int, report, seed, simulations, tpSamples } from './fields';
import { LIMITS } from './limits';
import { SIMULATIONS_KEYS } from './simulate';
import { calendarField, resolveCalendar } from './calendar';
import { dateField } from './dates';

const weeks = int(1, LIMITS.samples.max);
const DEFAULT_MIN_TRAIN = 5;
const DEFAULT_TEST = 1;

export const backtestSchema = z
  .object({
    tpSamples,
    backlog: int(1, LIMITS.tasks.max).optional(),
    numberOfTasks: int(1, LIMITS.tasks.max).optional(),
    method: z.enum(['walk-forward', 'expanding']).optional(),
    minTrainSize: weeks.optional(),
    testSize: weeks.optional(),
    foldStride: weeks.optional(),
    confidenceLevels: z
      .array(z.number().gt(0).max(100))
      .min(1)
      .max(LIMITS.confidenceLevels.max)
      .optional(),
    // A backtest replays history, so the no-history `estimate` model has nothing to test.
    throughputModel: z.enum(['weibull', 'bootstrap']).optional(),
    numberOfSimulations: simulations.optional(),
    nSimulations: simulations.optional(),
    seed: seed.optional(),
    /** The first day of the history's first week: where a calendar is laid over it. */
    startDate: dateField.optional(),
    calendar: calendarField.optional(),
    excludeShortWeeks: z.boolean().optional(),
  })
  .transform((v, ctx): BacktestInput => {
    if (!v.tpSamples.some((x) => x > 0)) report(ctx, ['tpSamples'], 'all_zero');
    const needed = (v.minTrainSize ?? DEFAULT_MIN_TRAIN) + (v.testSize ?? DEFAULT_TEST);
    if (v.tpSamples.length < needed) {
      report(ctx, ['tpSamples'], 'not_enough_history', {
        minimum: needed,
        reason: 'minTrainSize + testSize, for at least one fold',
      });
    }
    const backlog = resolveAlias<number>(ctx, v, ['backlog', 'numberOfTasks'], { required: true });
    return compact({
      tpSamples: v.tpSamples,
      backlog: backlog ?? 1,
      method: v.method,
      minTrainSize: v.minTrainSize,
      testSize: v.testSize,
      foldStride: v.foldStride,
      confidenceLevels: v.confidenceLevels,
      throughputModel: v.throughputModel,
      numberOfSimulations: resolveAlias<number>(ctx, v, SIMULATIONS_KEYS),
      seed: v.seed,
      startDate: v.startDate,
      // Holidays are resolved from the history's first week on (startDate is required then).
      calendar: resolveCalendar(ctx, v.calendar, undefined, v.startDate).calendar,
      excludeShortWeeks: v.calendar !== undefined ? v.excludeShortWeeks : undefined,
    });
  });
