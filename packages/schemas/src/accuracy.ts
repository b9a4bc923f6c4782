/** `accuracy` (forecast vs actual) and `pbc` (XmR chart): plain lists of numbers. */
import { z } from 'zod';
import type { AccuracyInput, PbcInput } from '@flow-forecaster/engine';
import { compact } from './aliases';
import { nonNegative, report, shortText } from './fields';
import { LIMITS } from './limits';

// MAPE divides by the actual, and R² needs some spread: two pairs with a positive actual each.
export const accuracySchema = z
  .object({
    forecasts: z.array(nonNegative).min(2).max(LIMITS.samples.max),
    actuals: z.array(z.number().gt(0)).min(2).max(LIMITS.samples.max),
  })
  .transform((v, ctx): AccuracyInput => {
    if (v.actuals.length !== v.forecasts.length) {
      report(ctx, ['actuals'], 'length_mismatch', { other: 'forecasts' });
    }
    return { forecasts: v.forecasts, actuals: v.actuals };
  });

// A moving range needs two points.
export const pbcSchema = z
  .object({
    values: z.array(z.number()).min(2).max(LIMITS.samples.max),
    labels: z.array(shortText).max(LIMITS.samples.max).optional(),
  })
  .transform((v, ctx): PbcInput => {
    if (v.labels !== undefined && v.labels.length !== v.values.length) {
      report(ctx, ['labels'], 'length_mismatch', { other: 'values' });
    }
    return compact({ values: v.values, labels: v.labels });
  });
