import { describe, expect, it } from 'vitest';
import { deliveryCountsAsOf, deliveryHistoryOf, type DeliveryItem } from './delivery-items';

const items: DeliveryItem[] = [
  { created: '2026-01-05', done: '2026-01-07' },
  { created: '2026-01-05', done: '2026-01-14' },
  { created: '2026-01-06', done: null },
  { created: '2026-01-13', done: null }, // added in the second week
  { created: null, done: null }, // no creation date: counted from the start
];

describe('delivery items as check-ins', () => {
  it('counts done by the end of the date and remaining as created by then and not done', () => {
    expect(deliveryCountsAsOf(items, '2026-01-04')).toEqual({ done: 0, remaining: 1 });
    expect(deliveryCountsAsOf(items, '2026-01-07')).toEqual({ done: 1, remaining: 3 });
    expect(deliveryCountsAsOf(items, '2026-01-13')).toEqual({ done: 1, remaining: 4 });
    expect(deliveryCountsAsOf(items, '2026-01-14')).toEqual({ done: 2, remaining: 3 });
  });

  it('gives the weekly throughput of the finished items, by Monday week', () => {
    expect(deliveryHistoryOf(items)).toEqual([
      { weekStart: '2026-01-05', count: 1 },
      { weekStart: '2026-01-12', count: 1 },
    ]);
  });
});
