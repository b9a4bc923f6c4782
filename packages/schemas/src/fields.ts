/**
 * Field schemas reused by several request kinds. zod 4's `z.number()` already rejects NaN
 * and ±Infinity and never coerces strings, which is exactly the policy of the spec.
 */
import { z } from 'zod';
import { FF_CODE } from './issues';
import type { IssueCode, IssueParams } from './issues';
import { LIMITS } from './limits';
import { storableString } from './storable';

/** Bounds first, integer check last, so 1e300 reports "at most …" rather than "safe integer". */
export function int(min: number, max: number) {
  return z.number().min(min).max(max).int();
}

export function num(min: number, max: number) {
  return z.number().min(min).max(max);
}

export const nonNegative = z.number().min(0);

export const seed = int(LIMITS.seed.min, LIMITS.seed.max);
export const simulations = int(LIMITS.simulations.min, LIMITS.simulations.max);
export const tasks = int(LIMITS.tasks.min, LIMITS.tasks.max);
export const contributors = int(LIMITS.contributors.min, LIMITS.contributors.max);
export const teamFocus = z.number().gt(0).max(1);
export const sCurveSize = num(LIMITS.sCurveSize.min, LIMITS.sCurveSize.max);
export const maxWeeks = int(LIMITS.maxWeeks.min, LIMITS.maxWeeks.max);
export const money = num(0, LIMITS.money.max);
export const currency = storableString().min(1).max(12);
export const shortText = storableString().max(LIMITS.text.short);
export const longText = storableString().max(LIMITS.text.long);
/** Fraction 0–1 choosing the headline percentile; 0 would headline the best case ever seen. */
export const confidence = z.number().gt(0).max(1);
export const throughputModel = z.enum(['weibull', 'bootstrap', 'estimate']);

/** Weekly throughput history: 1–10,000 finite counts ≥ 0 (the "some > 0" rule is per kind). */
export const tpSamples = z.array(nonNegative).min(1).max(LIMITS.samples.max);
/** Lead times in days. */
export const ltSamples = z.array(nonNegative).max(LIMITS.samples.max);
export const splitRateSamples = z
  .array(num(LIMITS.splitRate.min, LIMITS.splitRate.max))
  .max(LIMITS.samples.max);

/** Adds an issue the describe layer knows how to word and translate. */
export function report(
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
  code: IssueCode,
  params: IssueParams = {},
): void {
  ctx.addIssue({
    code: 'custom',
    path: [...path],
    message: code,
    params: { ...params, [FF_CODE]: code },
    input: undefined,
  });
}
