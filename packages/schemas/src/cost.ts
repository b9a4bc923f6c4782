/**
 * `cost`: model "duration" (weeks × team × cost per person-week, from a throughput history) or
 * "per-item" (PERT-Beta per item; the spec requires optimistic < mostLikely < pessimistic).
 * Without `model`: duration when costPerPersonWeek is given, else per-item.
 */
import { z } from 'zod';
import type { CostInput } from '@flow-forecaster/engine';
import { compact, resolveAlias } from './aliases';
import {
  contributors,
  currency,
  money,
  nonNegative,
  report,
  seed,
  simulations,
  tasks,
  throughputModel,
} from './fields';
import { LIMITS } from './limits';

export const costSchema = z
  .object({
    model: z.enum(['duration', 'per-item']).optional(),
    optimistic: money.optional(),
    mostLikely: money.optional(),
    pessimistic: money.optional(),
    costPerPersonWeek: money.optional(),
    throughputModel: throughputModel.optional(),
    backlog: tasks.optional(),
    numberOfTasks: tasks.optional(),
    nSimulations: simulations.optional(),
    numberOfSimulations: simulations.optional(),
    tpSamples: z.array(nonNegative).max(LIMITS.samples.max).optional(),
    teamSize: contributors.optional(),
    budget: money.optional(),
    currency: currency.optional(),
    seed: seed.optional(),
  })
  .transform((v, ctx): CostInput => {
    const model = v.model ?? (v.costPerPersonWeek !== undefined ? 'duration' : 'per-item');
    if (model === 'duration') {
      const when = 'the cost model is "duration"';
      if (v.costPerPersonWeek === undefined)
        report(ctx, ['costPerPersonWeek'], 'required', { when });
      if (!v.tpSamples || v.tpSamples.length === 0)
        report(ctx, ['tpSamples'], 'required', { when });
    } else {
      const when = 'the cost model is "per-item"';
      const { optimistic: a, mostLikely: m, pessimistic: b } = v;
      if (a === undefined) report(ctx, ['optimistic'], 'required', { when });
      if (m === undefined) report(ctx, ['mostLikely'], 'required', { when });
      if (b === undefined) report(ctx, ['pessimistic'], 'required', { when });
      if (a !== undefined && m !== undefined && b !== undefined) {
        if (!(m > a)) report(ctx, ['mostLikely'], 'must_exceed', { other: 'optimistic' });
        else if (!(b > m)) report(ctx, ['pessimistic'], 'must_exceed', { other: 'mostLikely' });
      }
    }
    const backlog = resolveAlias<number>(ctx, v, ['backlog', 'numberOfTasks'], { required: true });
    return compact({
      model,
      optimistic: v.optimistic,
      mostLikely: v.mostLikely,
      pessimistic: v.pessimistic,
      backlog: backlog ?? 0,
      nSimulations: resolveAlias<number>(ctx, v, ['nSimulations', 'numberOfSimulations']),
      tpSamples: v.tpSamples,
      throughputModel: v.throughputModel,
      teamSize: v.teamSize,
      costPerPersonWeek: v.costPerPersonWeek,
      budget: v.budget,
      currency: v.currency,
      seed: v.seed,
    });
  });
