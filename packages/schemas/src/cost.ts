/** `cost`: PERT-Beta cost per item; the spec requires optimistic < mostLikely < pessimistic. */
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
} from './fields';
import { LIMITS } from './limits';

export const costSchema = z
  .object({
    optimistic: money,
    mostLikely: money,
    pessimistic: money,
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
    if (!(v.mostLikely > v.optimistic)) {
      report(ctx, ['mostLikely'], 'must_exceed', { other: 'optimistic' });
    } else if (!(v.pessimistic > v.mostLikely)) {
      report(ctx, ['pessimistic'], 'must_exceed', { other: 'mostLikely' });
    }
    const backlog = resolveAlias<number>(ctx, v, ['backlog', 'numberOfTasks'], { required: true });
    return compact({
      optimistic: v.optimistic,
      mostLikely: v.mostLikely,
      pessimistic: v.pessimistic,
      backlog: backlog ?? 0,
      nSimulations: resolveAlias<number>(ctx, v, ['nSimulations', 'numberOfSimulations']),
      tpSamples: v.tpSamples,
      teamSize: v.teamSize,
      budget: v.budget,
      currency: v.currency,
      seed: v.seed,
    });
  });
