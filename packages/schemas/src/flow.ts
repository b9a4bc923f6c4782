/**
 * `flow`: work items → flow analytics (spec/flow-metrics.md, "Request and result").
 *
 * Unlike `history`, an item that cannot be used (no id, the same id twice, an unreadable
 * date) is a 400 naming it (`items.17.started`): flow views list items one by one, so a
 * silently dropped item would be a wrong chart. Notes such as "done before started" stay
 * in the result's `problems`, as the engine reports them.
 */
import { z } from 'zod';
import {
  FLOW_MAX_ITEMS,
  dayOfIsoDate,
  isoOfDay,
  mondayOfDay,
  prepareFlowItems,
} from '@flow-forecaster/engine';
import type { FlowInput, FlowItemInput, FlowWindowInput } from '@flow-forecaster/engine';
import { compact } from './aliases';
import { dateField } from './dates';
import { int, num, report, shortText } from './fields';
import { LIMITS } from './limits';
import { calendarField, resolveCalendar } from './calendar';

export { FLOW_MAX_ITEMS };

/** Item dates are tracker data (date-times, Jira spellings): read by the engine, sized here. */
const itemDate = z.string().max(64).nullable().optional();
const itemText = shortText.nullable().optional();

export const flowItemSchema = z
  .object({
    // Azure DevOps ids are numbers in JSON exports; they are still ids.
    id: z
      .union([z.string().max(LIMITS.text.short), z.number().int()])
      .nullable()
      .optional(),
    type: itemText,
    created: itemDate,
    started: itemDate,
    done: itemDate,
    state: itemText,
  })
  .transform((item): FlowItemInput =>
    compact({ ...item, id: typeof item.id === 'number' ? String(item.id) : item.id }),
  );

// zod checks the length before reading any element, so a million items cost a length check.
const flowItems = z.array(flowItemSchema).max(LIMITS.flowItems.max);

const percentile = num(0, 100).gt(0);

const flowWindowSchema = z.union([
  z.literal('all'),
  z.strictObject({ weeks: int(1, LIMITS.maxWeeks.max) }),
  z.strictObject({ from: dateField.optional(), to: dateField.optional() }),
]);

export const flowSchema = z
  .object({
    items: flowItems,
    asOf: dateField.optional(),
    window: flowWindowSchema.optional(),
    percentiles: z.array(percentile).min(1).max(LIMITS.confidenceLevels.max).optional(),
    slePercentile: percentile.optional(),
    types: z.array(shortText).max(LIMITS.risks.max).optional(),
    dateFormat: z.string().min(1).max(64).optional(),
    staleAfterDays: int(1, LIMITS.days.max).optional(),
    calendar: calendarField.optional(),
  })
  .transform((v, ctx): FlowInput => {
    const window: FlowWindowInput | undefined =
      v.window === undefined || v.window === 'all' || 'weeks' in v.window
        ? v.window
        : compact(v.window);
    if (
      v.window !== undefined &&
      v.window !== 'all' &&
      'from' in v.window &&
      v.window.from !== undefined &&
      v.window.to !== undefined &&
      v.window.to < v.window.from
    ) {
      report(ctx, ['window', 'to'], 'must_not_precede', { other: 'window.from' });
    }
    const prepared = prepareFlowItems(v.items, { dateFormat: v.dateFormat });
    const firstInvalid = prepared.problems.find((p) => p.severity === 'invalid');
    if (firstInvalid !== undefined) {
      const [, index, field] = firstInvalid.field.split('.');
      const item = v.items[Number(index)] as Record<string, unknown>;
      const value = item[field];
      const reason =
        firstInvalid.code === 'unreadableDate'
          ? `${firstInvalid.message} (${JSON.stringify(value)})`
          : firstInvalid.code === 'duplicateId'
            ? `${firstInvalid.message} (${String(value)})`
            : firstInvalid.message;
      report(ctx, ['items', Number(index), field], 'invalid', { reason });
    }
    const { calendar, ...rest } = v;
    if (calendar === undefined) return compact({ ...rest, window });
    // Holidays are resolved from the first completion on: the throughput series' first week
    // (without any completion the series is empty and any start will do).
    let first: number | null = null;
    for (const r of prepared.records) {
      if (r.done !== null && (first === null || r.done < first)) first = r.done;
    }
    const from = isoOfDay(mondayOfDay(first ?? dayOfIsoDate(v.asOf ?? '1970-01-05')));
    return compact({
      ...rest,
      window,
      calendar: resolveCalendar(ctx, calendar, undefined, from).calendar,
    });
  });
