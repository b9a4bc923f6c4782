import { z } from 'zod';
import type { DependencyAnalysisInput, DependencyInput } from '@flow-forecaster/engine';
import { compact, resolveAlias } from './aliases';
import { num, seed, shortText, simulations } from './fields';
import { LIMITS } from './limits';

const delayDays = num(0, LIMITS.delayDays.max);

export const dependencySchema = z
  .object({
    name: shortText.optional(),
    onTimeProbability: num(0, 1).optional(),
    expectedDelayDays: delayDays.optional(),
    delaySamples: z.array(delayDays).max(LIMITS.samples.max).optional(),
  })
  .transform((d): DependencyInput => compact(d));

export const dependenciesField = z.array(dependencySchema).max(LIMITS.dependencies.max);
export const dependencyMode = z.enum(['sum', 'max']);

export const dependencyAnalysisSchema = z
  .object({
    dependencies: dependenciesField.min(1),
    mode: dependencyMode.optional(),
    dependencyMode: dependencyMode.optional(),
    nSimulations: simulations.optional(),
    numberOfSimulations: simulations.optional(),
    seed: seed.optional(),
  })
  .transform((v, ctx): DependencyAnalysisInput =>
    compact({
      dependencies: v.dependencies,
      mode: resolveAlias<'sum' | 'max'>(ctx, v, ['mode', 'dependencyMode']),
      nSimulations: resolveAlias<number>(ctx, v, ['nSimulations', 'numberOfSimulations']),
      seed: v.seed,
    }),
  );
