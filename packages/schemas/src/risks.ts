import { z } from 'zod';
import type { RiskInput, RiskSummaryInput } from '@flow-forecaster/engine';
import { compact } from './aliases';
import { longText, num, report } from './fields';
import { LIMITS } from './limits';

const impact = num(0, LIMITS.tasks.max);

/** likelihood ≥ 1 is a percent (1 means 1 %), below 1 a fraction — as in the original. */
export const riskSchema = z
  .object({
    likelihood: num(0, 100),
    lowImpact: impact,
    mediumImpact: impact.optional(),
    highImpact: impact,
    description: longText.optional(),
  })
  .transform((r, ctx): RiskInput => {
    if (r.lowImpact > r.highImpact) {
      report(ctx, ['lowImpact'], 'must_not_exceed', { other: 'highImpact' });
    } else if (
      r.mediumImpact !== undefined &&
      (r.mediumImpact < r.lowImpact || r.mediumImpact > r.highImpact)
    ) {
      report(ctx, ['mediumImpact'], 'must_be_between', { low: 'lowImpact', high: 'highImpact' });
    }
    return compact(r);
  });

export const risksField = z.array(riskSchema).max(LIMITS.risks.max);

export const riskSummarySchema = z
  .object({ risks: risksField })
  .transform((v): RiskSummaryInput => ({ risks: v.risks }));
