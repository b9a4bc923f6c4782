/**
 * A tracker export as a delivery: every row is one item of the delivery. Weekly throughput
 * comes from the done dates; at a check-in date, done = items finished by then and remaining =
 * items created by then and not finished, so scope added later shows up as scope added.
 */
import {
  dateOfDateTime,
  deliveryCountsAsOf,
  deliveryHistoryOf,
  parseDateTime,
} from '@flow-forecaster/engine';
import Papa from 'papaparse';

export interface DeliveryItems {
  created: (string | null)[];
  done: (string | null)[];
  history: { weekStart: string; count: number }[];
  firstWeek: string | null;
}

const DONE = /resolved|closed|completed|done|finish|conclus|entreg|finaliz|cerrad/i;
const CREATED = /created|criado|creado|opened/i;

function dateOf(value: string | undefined): string | null {
  if (!value || value.trim() === '') return null;
  const parsed = parseDateTime(value);
  return parsed === null ? null : dateOfDateTime(parsed);
}

export function deliveryItemsFromCsv(text: string): DeliveryItems {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const columns = parsed.meta.fields ?? [];
  const doneCol = columns.find((c) => DONE.test(c)) ?? '';
  const createdCol = columns.find((c) => CREATED.test(c)) ?? '';
  const rows = parsed.data;
  const done = rows.map((r) => dateOf(r[doneCol]));
  const created = rows.map((r) => dateOf(r[createdCol]));
  const history = deliveryHistoryOf(done.map((d, i) => ({ done: d, created: created[i] })));
  return { created, done, history, firstWeek: history[0]?.weekStart ?? null };
}

/** Done and remaining as of the end of `date`. */
export function countsAsOf(
  items: DeliveryItems,
  date: string,
): { done: number; remaining: number } {
  return deliveryCountsAsOf(
    items.done.map((d, i) => ({ done: d, created: items.created[i] })),
    date,
  );
}
