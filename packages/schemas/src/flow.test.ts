import { describe, expect, it } from 'vitest';
import { flowAnalysis } from '@flow-forecaster/engine';
import { parseForecast } from './registry';
import { LIMITS } from './limits';
import { flowParseSchema, flowSchema } from './flow';
import { parseBody } from './parse';

const items = [
  { id: 'A', type: 'Story', started: '2025-03-03', done: '2025-03-06' },
  { id: 1002, started: '2025-03-04T10:00:00', done: '2025-03-05' },
  { id: 'C', started: '2025-03-05', state: 'Review' },
];

function fieldOf(body: unknown): string | undefined {
  const parsed = parseForecast('flow', body);
  return parsed.ok ? undefined : parsed.error.field;
}

describe('flow request schema', () => {
  it('takes the contract of spec/flow-metrics.md and runs the engine on it', () => {
    const parsed = parseForecast('flow', {
      items,
      asOf: '2025-03-10',
      window: { from: '2025-03-01', to: '2025-03-10' },
      percentiles: [50, 70, 85, 95],
      slePercentile: 85,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.input.items[1].id).toBe('1002');
    const result = parsed.value.run();
    expect(result).toEqual(flowAnalysis(parsed.value.input));
    expect(result.cycleTime.n).toBe(2);
    expect(result.inProgress.map((i) => [i.id, i.age])).toEqual([['C', 6]]);
    expect(parsed.value.summarise(result).headline).toBe(
      '85% of items finish within 4 days; 1 in progress',
    );
  });

  it('names the item and field of an unusable item', () => {
    expect(fieldOf({ items: [...items, { id: 'D', started: '31/31/2025' }] })).toBe(
      'items.3.started',
    );
    expect(fieldOf({ items: [...items, { id: 'A' }] })).toBe('items.3.id');
    expect(fieldOf({ items: [...items, { type: 'Bug' }] })).toBe('items.3.id');
    const bad = parseForecast('flow', { items: [...items, { id: 'A' }] });
    expect(!bad.ok && bad.error.message).toMatch(/items\.3\.id.*same id.*\(A\)/);
  });

  it('names the field of a bad window, percentile or as-of day', () => {
    expect(fieldOf({ items, window: { from: '2025-03-10', to: '2025-03-01' } })).toBe('window.to');
    expect(fieldOf({ items, window: { weeks: 0 } })).toBe('window');
    expect(fieldOf({ items, percentiles: [50, 120] })).toBe('percentiles.1');
    expect(fieldOf({ items, slePercentile: 0 })).toBe('slePercentile');
    expect(fieldOf({ items, asOf: 'soon' })).toBe('asOf');
  });

  it('refuses a million items by their number, before reading any of them', () => {
    const million = Array.from({ length: 1_000_000 }, () => 0);
    const started = performance.now();
    const parsed = parseForecast('flow', { items: million });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(!parsed.ok && parsed.error).toMatchObject({ field: 'items' });
    expect(!parsed.ok && parsed.error.message).toContain(
      LIMITS.flowItems.max.toLocaleString('en-US'),
    );
  });

  it('reads well-formed items by its fast path into exactly what zod reads', () => {
    const odd = [
      ...items,
      { id: 7, type: null, created: null, started: '2025-03-05', done: null, state: null },
      { id: 'E', extra: 'ignored', started: undefined, type: 'Bug' },
      { id: null },
      {},
      Object.assign(Object.create(null) as object, { id: 'F', done: '2025-03-07' }),
    ];
    for (const body of [
      { items },
      { items: odd, window: 'auto' },
      { items: odd, window: { from: '2025-03-01' } },
    ]) {
      const fast = parseBody(flowParseSchema, body);
      expect(fast).toEqual(parseBody(flowSchema, body));
      expect(JSON.stringify(fast)).toBe(JSON.stringify(parseBody(flowSchema, body)));
    }
  });

  it("gives zod's error when an item is not plainly well-formed", () => {
    for (const bad of [
      { id: 1.5 },
      { id: 'x'.repeat(LIMITS.text.short + 1) },
      { id: 'G', type: 'a\u0000b' },
      { id: 'G', started: 20250301 },
      { id: 'G', done: 'x'.repeat(65) },
      ['G'],
      null,
    ]) {
      const body = { items: [...items, bad] };
      const fast = parseBody(flowParseSchema, body);
      expect(fast.ok).toBe(false);
      expect(fast).toEqual(parseBody(flowSchema, body));
      expect(fieldOf(body)).toMatch(/^items\.3/);
    }
  });
});
