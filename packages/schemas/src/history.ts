/**
 * `history`: work items (done/start dates) to weekly throughput and lead times.
 *
 * Item dates are tracker data, not request fields: the engine reads them with `dateFormat`
 * (or detection), and counts and warns about the ones it cannot read, so one odd row in a
 * 5,000-row export does not reject the whole import. Here we only bound their size and type.
 */
import { z } from 'zod';
import type { HistoryInput, WorkItemInput } from '@flow-forecaster/engine';
import { compact } from './aliases';
import { dateField } from './dates';
import { report } from './fields';
import { LIMITS } from './limits';
import { calendarField, resolveCalendar } from './calendar';

const itemDate = z.string().max(64).nullable().optional();

export const workItemSchema = z
  .object({ done: itemDate, start: itemDate })
  .transform((item): WorkItemInput => compact(item));

export const historySchema = z
  .object({
    items: z.array(workItemSchema).max(LIMITS.historyItems.max),
    from: dateField.optional(),
    to: dateField.optional(),
    dateFormat: z.string().min(1).max(64).optional(),
    calendar: calendarField.optional(),
    excludeShortWeeks: z.boolean().optional(),
  })
  .transform((v, ctx): HistoryInput => {
    if (v.from !== undefined && v.to !== undefined && v.to < v.from) {
      report(ctx, ['to'], 'must_not_precede', { other: 'from' });
    }
    const { calendar, ...rest } = v;
    if (calendar === undefined) return compact(rest);
    // The holidays resolved are those from `from` on: the history's range must be known.
    if (v.from === undefined) {
      report(ctx, ['from'], 'required', { when: 'a calendar is given' });
      return compact(rest);
    }
    return compact({
      ...rest,
      calendar: resolveCalendar(ctx, calendar, undefined, v.from).calendar,
    });
  });
