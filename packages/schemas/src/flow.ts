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
  NO_DAY,
  dayOfIsoDate,
  isoOfDay,
  mondayOfDay,
  prepareFlowItems,
} from '@flow-forecaster/engine';
import type {
  FlowInput,
  FlowItemInput,
  FlowWindowInput,
  PreparedFlowItems,
} from '@flow-forecaster/engine';
import { compact } from './aliases';
import { dateField } from './dates';
import { int, num, report, shortText } from './fields';
import { isStorable } from './storable';
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

/**
 * The items the transform below has just prepared (to find the first unusable one), so the
 * kind's run reads them once, not twice: the run follows the parse on the same thread, with the
 * same array. Weak, so nothing outlives the request.
 */
const preparedItems = new WeakMap<
  readonly FlowItemInput[],
  { dateFormat: string | undefined; prepared: PreparedFlowItems }
>();

/** The prepared items of a parsed request, when this thread's parse made them. */
export function preparedFlowItemsOf(input: FlowInput): PreparedFlowItems | undefined {
  const hit = preparedItems.get(input.items);
  return hit !== undefined && hit.dateFormat === input.dateFormat ? hit.prepared : undefined;
}

const TEXT_KEYS = ['type', 'created', 'started', 'done', 'state'] as const;

/**
 * The items as `flowItemSchema` reads them, by a loop doing the same checks, or null as soon as
 * one item is not plainly well-formed (zod then reads them all and names the field). zod took
 * ~0.5 s for 100,000 items, more than the flow metrics themselves; the browser's worker parses
 * every request it runs, so this is most of its time saved.
 */
function readItemsFast(raw: unknown): FlowItemInput[] | null {
  if (!Array.isArray(raw) || raw.length > LIMITS.flowItems.max) return null;
  const out = new Array<FlowItemInput>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i];
    if (typeof item !== 'object' || item === null) return null;
    const proto: unknown = Object.getPrototypeOf(item);
    if (proto !== Object.prototype && proto !== null) return null;
    const o = item as Record<string, unknown>;
    const read: FlowItemInput = {};
    const id = o.id;
    if (typeof id === 'string') {
      if (id.length > LIMITS.text.short) return null;
      read.id = id;
    } else if (typeof id === 'number') {
      if (!Number.isSafeInteger(id)) return null;
      read.id = String(id);
    } else if (id === null) read.id = null;
    else if (id !== undefined) return null;
    for (const key of TEXT_KEYS) {
      const v = o[key];
      if (v === undefined) continue;
      if (v === null) read[key] = null;
      else if (typeof v !== 'string') return null;
      else if (key === 'type' || key === 'state') {
        if (v.length > LIMITS.text.short || !isStorable(v)) return null;
        read[key] = v;
      } else {
        if (v.length > 64) return null;
        read[key] = v;
      }
    }
    out[i] = read;
  }
  return out;
}

/** `flowItems` for parsing: the fast reading when it applies, zod's otherwise. */
const flowItemsParsed = z.unknown().transform((raw, ctx): FlowItemInput[] => {
  const fast = readItemsFast(raw);
  if (fast !== null) return fast;
  const parsed = flowItems.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input: undefined });
  return z.NEVER;
});

const percentile = num(0, 100).gt(0);

const flowWindowSchema = z.union([
  z.literal('all'),
  // The window the items' own weekly throughput calibrates best (result: historyWindow).
  z.literal('auto'),
  z.strictObject({ weeks: int(1, LIMITS.maxWeeks.max) }),
  z.strictObject({ from: dateField.optional(), to: dateField.optional() }),
]);

function flowRequest(items: z.ZodType<FlowItemInput[]>) {
  return z
    .object({
      items,
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
        v.window === undefined || v.window === 'all' || v.window === 'auto' || 'weeks' in v.window
          ? v.window
          : compact(v.window);
      if (
        v.window !== undefined &&
        v.window !== 'all' &&
        v.window !== 'auto' &&
        'from' in v.window &&
        v.window.from !== undefined &&
        v.window.to !== undefined &&
        v.window.to < v.window.from
      ) {
        report(ctx, ['window', 'to'], 'must_not_precede', { other: 'window.from' });
      }
      const prepared = prepareFlowItems(v.items, { dateFormat: v.dateFormat });
      preparedItems.set(v.items, { dateFormat: v.dateFormat, prepared });
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
      const done = prepared.records.done;
      for (let i = 0; i < done.length; i++) {
        if (done[i] !== NO_DAY && (first === null || done[i] < first)) first = done[i];
      }
      const from = isoOfDay(mondayOfDay(first ?? dayOfIsoDate(v.asOf ?? '1970-01-05')));
      return compact({
        ...rest,
        window,
        calendar: resolveCalendar(ctx, calendar, undefined, from).calendar,
      });
    });
}

/** The request as documented (OpenAPI, JSON Schema): every item described by flowItemSchema. */
export const flowSchema = flowRequest(flowItems);

/** The same request, parsed with the fast reading of well-formed items. */
export const flowParseSchema = flowRequest(flowItemsParsed);
