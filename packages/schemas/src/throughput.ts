/**
 * Throughput history or a three-point estimate, shared by every throughput-driven kind.
 *
 * The model is inferred when the request does not name it: a body with pBest/pLikely/pWorst
 * and no tpSamples is the spreadsheet's range estimate (the `{targetOutcome, pBest, …}` shape).
 */
import { z } from 'zod';
import type { HistoryWindowNote, ThroughputInput } from '@flow-forecaster/engine';
import { dateField } from './dates';
import { int, longText, num, report, shortText, throughputModel, tpSamples } from './fields';
import { LIMITS } from './limits';

const estimatePoint = num(0, 1_000_000).optional();

/** Where tpSamples came from (a team's window): stored and shown, never simulated. */
export const historyWindowNote = z
  .strictObject({
    team: shortText.optional(),
    window: z.union([
      z.literal('all'),
      z.strictObject({ weeks: int(1, LIMITS.maxWeeks.max) }),
      z.strictObject({ from: dateField, to: dateField }),
    ]),
    auto: z.boolean().optional(),
    reason: longText.optional(),
    from: dateField.optional(),
    to: dateField.optional(),
    weeks: int(0, LIMITS.samples.max),
  })
  .transform((v): HistoryWindowNote => {
    const out: HistoryWindowNote = { window: v.window, weeks: v.weeks };
    if (v.team !== undefined) out.team = v.team;
    if (v.auto !== undefined) out.auto = v.auto;
    if (v.reason !== undefined) out.reason = v.reason;
    if (v.from !== undefined) out.from = v.from;
    if (v.to !== undefined) out.to = v.to;
    return out;
  });

export const throughputShape = {
  tpSamples: tpSamples.optional(),
  throughputModel: throughputModel.optional(),
  pBest: estimatePoint,
  pLikely: estimatePoint,
  pWorst: estimatePoint,
  historyWindow: historyWindowNote.optional(),
};

const ESTIMATE_KEYS = ['pBest', 'pLikely', 'pWorst'] as const;

/** Checks the throughput part of a request and returns it in the engine's shape. */
export function resolveThroughput(v: ThroughputInput, ctx: z.RefinementCtx): ThroughputInput {
  const hasEstimate = ESTIMATE_KEYS.some((k) => v[k] !== undefined);
  let model = v.throughputModel;
  if (model === undefined && v.tpSamples === undefined && hasEstimate) model = 'estimate';

  if (model === 'estimate') {
    for (const key of ESTIMATE_KEYS) {
      if (v[key] === undefined)
        report(ctx, [key], 'required', { when: 'throughputModel is estimate' });
    }
    const points = ESTIMATE_KEYS.map((k) => v[k] ?? 0);
    if (ESTIMATE_KEYS.every((k) => v[k] !== undefined) && Math.max(...points) === 0) {
      report(ctx, ['pBest'], 'invalid', {
        reason: 'pBest, pLikely and pWorst are all 0, so no forecast can finish',
      });
    }
    return {
      throughputModel: 'estimate',
      ...(v.historyWindow ? { historyWindow: v.historyWindow } : {}),
      pBest: v.pBest,
      pLikely: v.pLikely,
      pWorst: v.pWorst,
      ...(v.tpSamples ? { tpSamples: v.tpSamples } : {}),
    };
  }

  if (v.tpSamples === undefined) {
    report(ctx, ['tpSamples'], 'required', {});
  } else if (!v.tpSamples.some((x) => x > 0)) {
    report(ctx, ['tpSamples'], 'all_zero');
  }
  return {
    tpSamples: v.tpSamples,
    ...(v.historyWindow ? { historyWindow: v.historyWindow } : {}),
    ...(model ? { throughputModel: model } : {}),
    ...(hasEstimate ? { pBest: v.pBest, pLikely: v.pLikely, pWorst: v.pWorst } : {}),
  };
}
