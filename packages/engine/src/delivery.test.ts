import { describe, expect, it } from 'vitest';
import {
  checkInHits,
  forecastDelivery,
  historyAsOf,
  replayDelivery,
  type DeliveryHistoryWeek,
  type DeliveryInput,
} from './delivery';
import { addWeeks } from './dates';
import { EngineInputError } from './errors';

/** spec/tracking.md's reference history: 5 a week before 2026-01-19, 10 a week from then on. */
function referenceHistory(weeks = 24): DeliveryHistoryWeek[] {
  return Array.from({ length: weeks }, (_, k) => {
    const weekStart = addWeeks('2025-10-06', k);
    return { weekStart, count: weekStart < '2026-01-19' ? 5 : 10 };
  });
}

const RUNS = 10_000;

function reference(overrides: Partial<DeliveryInput> = {}): DeliveryInput {
  return {
    name: 'Release 3',
    start: '2026-01-05',
    targetDate: '2026-03-02',
    history: referenceHistory(),
    throughputModel: 'bootstrap',
    checkIns: [
      { date: '2026-01-19', done: 10, remaining: 30 },
      { date: '2026-02-02', done: 20, remaining: 25 },
    ],
    numberOfSimulations: RUNS,
    seed: 1,
    ...overrides,
  };
}

describe('forecastDelivery: the spec reference case', () => {
  const r = forecastDelivery(reference());
  const [first, second] = r.checkIns;

  it('at 2026-01-19 sees only the weeks of 5: every run takes 6 weeks → 2026-03-02', () => {
    expect(first.historyWeeks).toBe(15);
    expect(first.input.tpSamples).toEqual(Array(15).fill(5));
    expect(first.percentile_stats.p50).toBe(6);
    expect(first.percentile_stats.p85).toBe(6);
    expect(first.percentile_stats.p95).toBe(6);
    expect(first.completionDates.p50).toBe('2026-03-02');
    expect(first.completionDates.p95).toBe('2026-03-02');
    expect(first.probabilityByTarget).toBe(1);
    expect(first.scopeAdded).toBeNull();
  });

  it('at 2026-02-02 sees 15 weeks of 5 and 2 of 10: P50 = P85 = P95 = 5 weeks → 2026-03-09', () => {
    expect(second.historyWeeks).toBe(17);
    expect(second.percentile_stats.p50).toBe(5);
    expect(second.percentile_stats.p85).toBe(5);
    expect(second.percentile_stats.p95).toBe(5);
    expect(second.completionDates.p50).toBe('2026-03-09');
    expect(second.completionDates.p85).toBe('2026-03-09');
    expect(second.completionDates.p95).toBe('2026-03-09');
  });

  it('P(≤ 4 weeks, i.e. by the 2026-03-02 target) = 1 − (15/17)⁴ within 4 binomial SDs', () => {
    const exact = 1 - (15 / 17) ** 4;
    expect(exact).toBeCloseTo(0.394, 3);
    const sd = Math.sqrt((exact * (1 - exact)) / RUNS);
    expect(Math.abs((second.probabilityByTarget as number) - exact)).toBeLessThan(4 * sd);
  });

  it('derives scope added since the previous check-in (remaining + done − previous total)', () => {
    expect(second.totalScope).toBe(45);
    expect(second.scopeAdded).toBe(5);
  });
});

describe('forecastDelivery never reads history after a check-in', () => {
  it('gives identical results when every later week is poisoned', () => {
    const clean = forecastDelivery(reference());
    const poisoned = reference();
    poisoned.history = poisoned.history.map((w) =>
      w.weekStart >= '2026-02-02' ? { ...w, count: 1000 } : w,
    );
    const firstOnly = reference({ checkIns: [reference().checkIns[0]] });
    firstOnly.history = firstOnly.history.map((w) =>
      w.weekStart >= '2026-01-19' ? { ...w, count: 0 } : w,
    );
    expect(forecastDelivery(poisoned)).toEqual(clean);
    expect(forecastDelivery(firstOnly).checkIns[0]).toEqual(clean.checkIns[0]);
  });

  it('does not count the week that starts on the check-in date', () => {
    expect(historyAsOf(referenceHistory(), '2026-01-19')).toEqual(Array(15).fill(5));
    expect(historyAsOf(referenceHistory(), '2026-01-25')).toEqual(Array(15).fill(5));
    expect(historyAsOf(referenceHistory(), '2026-01-26')).toEqual([...Array(15).fill(5), 10]);
  });

  it('names the check-in when no week had ended by its date', () => {
    const input = reference({ checkIns: [{ date: '2025-10-08', done: 0, remaining: 40 }] });
    expect(() => forecastDelivery(input)).toThrow(EngineInputError);
    try {
      forecastDelivery(input);
    } catch (e) {
      expect((e as EngineInputError).field).toBe('checkIns.0.date');
    }
  });
});

describe('forecastDelivery: seeds, scope growth, hits, replay', () => {
  it('derives the same seed from the same input when none is given, and stores it', () => {
    const a = forecastDelivery(reference({ seed: undefined }));
    const b = forecastDelivery(reference({ seed: undefined }));
    expect(a.checkIns.map((c) => c.seed)).toEqual(b.checkIns.map((c) => c.seed));
    expect(a.checkIns[1].input.seed).toBe(a.checkIns[1].seed);
  });

  it('uses the realised scope growth as a split rate only when asked', () => {
    const off = forecastDelivery(reference());
    const on = forecastDelivery(reference({ scopeGrowth: true }));
    expect(off.checkIns[1].scopeGrowthFactor).toBeNull();
    expect(on.checkIns[1].scopeGrowthFactor).toBeCloseTo(45 / 40, 12);
    // 25 × 1.125 ≈ 28 items: still done within 5 weeks of 5+, but later than without growth.
    expect(on.checkIns[1].probabilityByTarget as number).toBeLessThan(
      off.checkIns[1].probabilityByTarget as number,
    );
  });

  it('records, for a closed delivery, whether the actual fell on or before P50/P85/P95', () => {
    const late = forecastDelivery(reference({ actualDate: '2026-03-16' }));
    expect(late.checkIns[1].hits).toEqual({ P50: false, P85: false, P95: false });
    const onTime = forecastDelivery(reference({ actualDate: '2026-03-02' }));
    expect(onTime.checkIns[0].hits).toEqual({ P50: true, P85: true, P95: true });
    expect(forecastDelivery(reference()).checkIns[0].hits).toBeNull();
  });

  it('replays every check-in from its stored input and seed, number for number', () => {
    const stored = JSON.parse(JSON.stringify(forecastDelivery(reference()))) as ReturnType<
      typeof forecastDelivery
    >;
    expect(replayDelivery(stored)).toEqual({ identical: true, checkIns: 2, mismatches: [] });
    stored.checkIns[1].percentile_stats.p85 = 4;
    const replay = replayDelivery(stored);
    expect(replay.identical).toBe(false);
    expect(replay.mismatches[0]).toMatchObject({ index: 1, field: 'percentile_stats' });
  });
});

describe('a check-in percentile beyond maxWeeks', () => {
  it('is no date, and any actual lands before it', () => {
    const dates = { p50: '2026-03-02', p85: null, p95: null };
    expect(checkInHits(dates, '2026-03-09', '2026-01-19')).toEqual({
      P50: false,
      P85: true,
      P95: true,
    });
    const capped = forecastDelivery({
      start: '2026-01-05',
      history: [{ weekStart: '2025-12-29', count: 1 }],
      throughputModel: 'bootstrap',
      checkIns: [{ date: '2026-01-12', done: 0, remaining: 500 }],
      numberOfSimulations: 200,
      seed: 1,
      settings: { maxWeeks: 52 },
    });
    // One item a week cannot finish 500 in 52 weeks: every percentile is a cap, never a date.
    expect(capped.checkIns[0].completionDates).toEqual({
      p10: null,
      p25: null,
      p50: null,
      p75: null,
      p85: null,
      p90: null,
      p95: null,
    });
  });
});
