/** `history`: work items (done/start dates) to weekly throughput and lead times. */
import { z } from 'zod';
import type { HistoryInput, WorkItemInput } from '@flow-forecaster/engine';
import { compact } from './aliases';
import { dateField, isoDateTimeField } from './dates';
import { report } from './fields';
import { LIMITS } from './limits';

const itemDate = isoDateTimeField.nullable().optional();

export const workItemSchema = z
  .object({ done: itemDate, start: itemDate })
  .transform((item, ctx): WorkItemInput => {
    // Calendar days only: a date-only done on the day a timed start happened is fine, and
    // zone offsets on the two ends cannot move a value by more than a day.
    if (item.done && item.start && item.done.slice(0, 10) < item.start.slice(0, 10)) {
      report(ctx, ['done'], 'must_not_precede', { other: 'start' });
    }
    return compact(item);
  });

export const historySchema = z
  .object({
    items: z.array(workItemSchema).max(LIMITS.historyItems.max),
    from: dateField.optional(),
    to: dateField.optional(),
  })
  .transform((v, ctx): HistoryInput => {
    if (v.from !== undefined && v.to !== undefined && v.to < v.from) {
      report(ctx, ['to'], 'must_not_precede', { other: 'from' });
    }
    return compact(v);
  });
