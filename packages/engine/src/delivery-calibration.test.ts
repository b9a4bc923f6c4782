import { describe, expect, it } from 'vitest';
import {
  calibrateDeliveries,
  horizonOf,
  wilsonInterval,
  type ClosedDeliveryForCalibration,
} from './delivery-calibration';

function checkIn(date: string, p50: string, p85: string, p95: string) {
  return { date, completionDates: { p50, p85, p95 } };
}

/** One check-in 2 weeks before the actual; its P85 holds when `held`. */
function delivery(held: boolean): ClosedDeliveryForCalibration {
  return {
    actualDate: '2026-03-16',
    checkIns: [
      checkIn('2026-03-02', '2026-03-09', held ? '2026-03-16' : '2026-03-13', '2026-03-23'),
    ],
  };
}

describe('wilsonInterval', () => {
  it('matches the textbook 95 % score interval of 9 of 10', () => {
    const w = wilsonInterval(9, 10);
    expect(w.low).toBeCloseTo(0.5958, 4);
    expect(w.high).toBeCloseTo(0.9821, 4);
  });
  it('is [0, 1] without trials and stays inside [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const all = wilsonInterval(5, 5);
    expect(all.high).toBe(1);
    expect(all.low).toBeGreaterThan(0.5);
  });
});

describe('horizonOf', () => {
  it('buckets weeks from check-in to actual: more than 8, 4 to 8, under 4', () => {
    expect(horizonOf('2026-01-01', '2026-03-06')).toBe('over8');
    expect(horizonOf('2026-01-01', '2026-02-26')).toBe('4to8');
    expect(horizonOf('2026-01-01', '2026-01-29')).toBe('4to8');
    expect(horizonOf('2026-01-01', '2026-01-28')).toBe('under4');
  });
});

describe('calibrateDeliveries', () => {
  it('counts P85 held in 9 of 10 deliveries, calibrated', () => {
    const r = calibrateDeliveries([
      ...Array(9)
        .fill(null)
        .map(() => delivery(true)),
      delivery(false),
    ]);
    const p85 = r.levels[1];
    expect(r.deliveries).toBe(10);
    expect(p85).toMatchObject({ level: 'P85', hits: 9, count: 10, deliveriesHeld: 9 });
    expect(p85.hitRate).toBeCloseTo(0.9, 12);
    expect(p85.verdict).toBe('calibrated');
    expect(r.levels[0]).toMatchObject({ hits: 0, verdict: 'overconfident' });
    expect(r.levels[2]).toMatchObject({ hits: 10 });
    expect(r.byHorizon.find((h) => h.horizon === 'under4')?.levels[1].count).toBe(10);
    expect(r.byHorizon.find((h) => h.horizon === 'over8')?.levels[1].count).toBe(0);
  });

  it('says overconfident when P85 held in only 6 of 10', () => {
    const r = calibrateDeliveries([
      ...Array(6)
        .fill(null)
        .map(() => delivery(true)),
      ...Array(4)
        .fill(null)
        .map(() => delivery(false)),
    ]);
    expect(r.verdict).toBe('overconfident');
    expect(r.levels[1].hits).toBe(6);
  });

  it('needs five deliveries for a verdict and ignores check-ins on or after the actual', () => {
    const d = delivery(true);
    const r = calibrateDeliveries([
      {
        ...d,
        checkIns: [...d.checkIns, checkIn('2026-03-16', '2026-03-16', '2026-03-16', '2026-03-16')],
      },
    ]);
    expect(r.checkIns).toBe(1);
    expect(r.verdict).toBe('insufficient data');
  });

  it('uses the first check-in of each delivery for "held in k of n deliveries"', () => {
    const r = calibrateDeliveries([
      {
        actualDate: '2026-04-20',
        checkIns: [
          checkIn('2026-01-05', '2026-03-30', '2026-04-13', '2026-04-27'),
          checkIn('2026-03-02', '2026-04-06', '2026-04-20', '2026-04-27'),
        ],
      },
    ]);
    expect(r.levels[1]).toMatchObject({ hits: 1, count: 2, deliveriesHeld: 0, deliveries: 1 });
    expect(r.byHorizon.map((h) => h.levels[1].count)).toEqual([1, 1, 0]);
  });
});
