import { describe, expect, it } from 'vitest';
import { parseBody } from './parse';
import { howManySchema, whenSchema } from './when';

const NOTE = {
  team: 'Checkout',
  window: { from: '2025-06-09', to: '2025-08-31' },
  from: '2025-06-09',
  to: '2025-08-25',
  weeks: 12,
};

describe('historyWindow: where a forecast’s throughput came from', () => {
  it('travels with the request unchanged, and changes nothing else', () => {
    const body = { tpSamples: [3, 5, 4], backlog: 20, seed: 1 };
    const plain = parseBody(whenSchema, body);
    const noted = parseBody(whenSchema, { ...body, historyWindow: NOTE });
    expect(plain.ok && noted.ok).toBe(true);
    if (!plain.ok || !noted.ok) return;
    expect(noted.value.historyWindow).toEqual(NOTE);
    const { historyWindow: _w, ...rest } = noted.value;
    expect(rest).toEqual(plain.value);
    const auto = parseBody(howManySchema, {
      tpSamples: [3, 5],
      days: 14,
      historyWindow: { window: { weeks: 12 }, auto: true, reason: 'last 12 weeks', weeks: 12 },
    });
    expect(auto.ok && auto.value.historyWindow?.window).toEqual({ weeks: 12 });
  });

  it('400s a bad window naming the field', () => {
    const cases: [unknown, string][] = [
      [{ ...NOTE, window: { weeks: 0 } }, 'historyWindow.window.weeks'],
      [{ ...NOTE, window: { from: 'June', to: '2025-08-31' } }, 'historyWindow.window'],
      [{ ...NOTE, weeks: -1 }, 'historyWindow.weeks'],
      [{ ...NOTE, colour: 'red' }, 'historyWindow'],
    ];
    for (const [historyWindow, field] of cases) {
      const r = parseBody(whenSchema, { tpSamples: [3], backlog: 5, historyWindow });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.field).toBe(field);
    }
  });
});
