/**
 * A delivery's items (from a tracker export or a live connection) as check-in counts and a
 * weekly history — one rule for the web's CSV import and the server's connection check-ins:
 * at the end of a check-in's date, done = items finished by then; remaining = items created by
 * then (or with no creation date) and not finished, so scope added later shows up at the check-in
 * that first sees it rather than being back-dated.
 */
import type { DeliveryHistoryWeek } from './delivery';
import { historyFromItems } from './history';

export interface DeliveryItem {
  /** ISO date the item was created; null when the source does not say. */
  created: string | null;
  /** ISO date the item was finished; null while it is not. */
  done: string | null;
}

export function deliveryCountsAsOf(
  items: readonly DeliveryItem[],
  date: string,
): { done: number; remaining: number } {
  let done = 0;
  let remaining = 0;
  for (const item of items) {
    if (item.done !== null && item.done <= date) done++;
    else if (item.created === null || item.created <= date) remaining++;
  }
  return { done, remaining };
}

/**
 * Weekly throughput (Monday weeks) of the finished items. A check-in's forecast cuts it at its
 * own date (`historyAsOf`), so passing every week is safe.
 */
export function deliveryHistoryOf(items: readonly DeliveryItem[]): DeliveryHistoryWeek[] {
  const h = historyFromItems({ items: items.map((i) => ({ done: i.done })) });
  return h.weekStarts.map((weekStart, i) => ({ weekStart, count: h.weeklyThroughput[i] }));
}
