import { describe, expect, it } from 'vitest';
import { forecastDelivery } from '@flow-forecaster/engine';
import {
  addCheckInSchema,
  closeDeliverySchema,
  createDeliverySchema,
  deliverySchema,
} from './delivery';
import { parseBody } from './parse';
import { parseForecast } from './registry';
import { installHolidays } from './holidays';

const base = {
  name: 'Release 3',
  start: '2026-01-05',
  targetDate: '2026-03-02',
  history: [
    { weekStart: '2025-12-29', count: 5 },
    { weekStart: '2026-01-05', count: 5 },
    { weekStart: '2026-01-12', count: 5 },
  ],
  throughputModel: 'bootstrap',
  checkIns: [
    { date: '2026-01-19', done: 10, remaining: 30 },
    { date: '2026-01-26', done: 15, remaining: 26 },
    { date: '2026-02-02', done: 20, remaining: 22 },
  ],
  numberOfSimulations: 1000,
  seed: 1,
};

function fieldOf(body: unknown): string | undefined {
  const r = parseBody(deliverySchema, body);
  return r.ok ? undefined : r.error.field;
}

describe('deliverySchema', () => {
  it('accepts the spec request and hands the engine ISO dates and grouped settings', () => {
    const r = parseBody(deliverySchema, { ...base, start: '05/01/2026', teamFocus: 0.5 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.start).toBe('2026-01-05');
    expect(r.value.settings).toEqual({ teamFocus: 0.5 });
    expect(forecastDelivery(r.value).checkIns).toHaveLength(3);
  });

  it('names the check-in that is out of date order', () => {
    const checkIns = [...base.checkIns];
    checkIns[2] = { ...checkIns[2], date: '2026-01-22' };
    expect(fieldOf({ ...base, checkIns })).toBe('checkIns.2.date');
    checkIns[2] = { ...checkIns[2], date: '2026-01-26' };
    expect(fieldOf({ ...base, checkIns })).toBe('checkIns.2.date');
  });

  it('names a check-in before the start and one after the actual date', () => {
    const early = [{ ...base.checkIns[0], date: '2026-01-02' }, ...base.checkIns.slice(1)];
    expect(fieldOf({ ...base, checkIns: early })).toBe('checkIns.0.date');
    expect(fieldOf({ ...base, actualDate: '2026-01-30' })).toBe('checkIns.2.date');
    expect(fieldOf({ ...base, actualDate: '2026-02-02' })).toBeUndefined();
  });

  it('names negative and fractional counts', () => {
    const checkIns = structuredClone(base.checkIns);
    checkIns[1].done = -1;
    expect(fieldOf({ ...base, checkIns })).toBe('checkIns.1.done');
    checkIns[1].done = 15;
    checkIns[1].remaining = 2.5;
    expect(fieldOf({ ...base, checkIns })).toBe('checkIns.1.remaining');
    const history = structuredClone(base.history);
    history[0].count = -3;
    expect(fieldOf({ ...base, history })).toBe('history.0.count');
  });

  it('names history weeks that do not start on a Monday or are out of order', () => {
    const history = structuredClone(base.history);
    history[1].weekStart = '2026-01-06';
    expect(fieldOf({ ...base, history })).toBe('history.1.weekStart');
    history[1].weekStart = '2025-12-29';
    expect(fieldOf({ ...base, history })).toBe('history.1.weekStart');
  });

  it('bounds the work: check-ins × runs', () => {
    const checkIns = Array.from({ length: 200 }, (_, i) => ({
      date: `2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      done: i,
      remaining: 10,
    }));
    const body = { ...base, start: '2026-01-01', checkIns, numberOfSimulations: 20_000 };
    expect(fieldOf(body)).toBe('numberOfSimulations');
    expect(fieldOf({ ...body, numberOfSimulations: 10_000 })).toBeUndefined();
  });

  it('is the `delivery` kind, whose parsed input parses to itself', () => {
    const first = parseForecast('delivery', { ...base, sCurveSize: 10 });
    if (!first.ok) throw new Error(first.error.message);
    const again = parseForecast('delivery', JSON.parse(JSON.stringify(first.value.input)));
    expect(again.ok && again.value.input).toEqual(first.value.input);
    expect(first.value.workBound()).toBe(3 * 1000 * 520);
  });
});

describe('route bodies', () => {
  it('create needs a name and takes no actual date', () => {
    const { checkIns: _c, ...header } = base;
    expect(parseBody(createDeliverySchema, header).ok).toBe(true);
    const noName = parseBody(createDeliverySchema, { ...header, name: '' });
    expect(!noName.ok && noName.error.field).toBe('name');
    const closed = parseBody(createDeliverySchema, { ...header, actualDate: '2026-03-01' });
    expect(!closed.ok && closed.error.field).toBe('actualDate');
  });

  it('check-in and close bodies name their fields', () => {
    const bad = parseBody(addCheckInSchema, { date: 'tomorrow', done: 1, remaining: 2 });
    expect(!bad.ok && bad.error.field).toBe('date');
    const noDate = parseBody(closeDeliverySchema, { note: 'shipped' });
    expect(!noDate.ok && noDate.error.field).toBe('actualDate');
  });
});

describe('a delivery with a calendar', () => {
  it('resolves the holidays once from its start, and the check-ins count them', () => {
    installHolidays();
    // Weekdays only: the same date convention (completion working day), no holidays.
    const plain = parseBody(deliverySchema, {
      ...base,
      calendar: { workingDays: [1, 2, 3, 4, 5] },
    });
    const withCal = parseBody(deliverySchema, {
      ...base,
      calendar: { country: 'BR', optionalHolidays: 'include' },
    });
    expect(plain.ok && withCal.ok).toBe(true);
    if (!plain.ok || !withCal.ok) return;
    const holidays = withCal.value.settings?.calendar?.holidays ?? [];
    // Tiradentes (Apr 21) is public; Carnival (Feb 16–17) is optional, asked for here.
    expect(holidays.some((h) => h.date === '2026-04-21')).toBe(true);
    expect(holidays.some((h) => h.date === '2026-02-17')).toBe(true);
    const a = forecastDelivery(plain.value);
    const b = forecastDelivery(withCal.value);
    // Each check-in's stored input carries the resolved calendar, for an exact replay.
    expect(b.checkIns[0].input.calendar?.holidays).toEqual(holidays);
    // Holidays can only move a date later, never earlier; Carnival falls inside the forecasts.
    // (Every percentile here is a date: these runs all finish well within maxWeeks.)
    const date = (d: string | null) => {
      expect(d).not.toBeNull();
      return d ?? '';
    };
    for (let i = 0; i < a.checkIns.length; i++) {
      const [before, after] = [a, b].map((r) => date(r.checkIns[i].completionDates.p85));
      expect(after >= before).toBe(true);
    }
    expect(
      b.checkIns.some(
        (c, i) => date(c.completionDates.p95) > date(a.checkIns[i].completionDates.p95),
      ),
    ).toBe(true);
  });

  it('refuses an unknown country when the delivery is created, naming the field', () => {
    installHolidays();
    const r = parseBody(createDeliverySchema, {
      name: 'x',
      start: '2026-01-05',
      calendar: { country: 'XX' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('calendar.country');
  });
});
