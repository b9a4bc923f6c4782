import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pbcAnalysis } from './pbc';
import { referenceCases } from '../test/reference-cases';

describe('pbcAnalysis', () => {
  for (const c of referenceCases('pbc')) {
    it(`matches reference case ${c.id}`, () => {
      const input = c.input as { values: number[] };
      const e = c.expected as Record<string, number | boolean>;
      const r = pbcAnalysis(input);
      const tol = c.tolerance ?? 0.001;
      for (const k of [
        'average',
        'averageMovingRange',
        'unpl',
        'lnpl',
        'urlMovingRange',
        'score',
      ] as const) {
        expect(Math.abs(r[k] - (e[k] as number)), k).toBeLessThanOrEqual(tol);
      }
      expect(r.predictable).toBe(e.predictable);
    });
  }

  it('flags a point beyond the limits and lowers the score by 15', () => {
    // Alternating 3, 7 (no runs or trends) and one 30 at the end; n = 20 costs nothing.
    const values = [...Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 3 : 7)), 30];
    const r = pbcAnalysis({ values });
    expect(r.points[19].aboveLimit).toBe(true);
    expect(r.points.filter((p) => p.aboveLimit || p.belowLimit)).toHaveLength(1);
    expect(r.signals.pointsBeyondLimits).toBe(1);
    expect(r.score).toBe(100 - 15);
    expect(r.predictable).toBe(false);
    expect(r.points[19].rangeSignal).toBe(true);
  });

  it('counts each run of ≥ 8 on one side once, a point equal to the mean counting as below', () => {
    // Mean exactly 5: eight points above, then ten at or below it (index 8 equals the mean).
    const values = [7, 6, 7, 6, 7, 6, 7, 6, 5, 3, 4, 4, 3, 4, 4, 3, 4, 4];
    const r = pbcAnalysis({ values });
    expect(r.average).toBe(5);
    expect(r.signals.runs).toEqual([
      { start: 0, end: 7, length: 8, direction: 'above' },
      { start: 8, end: 17, length: 10, direction: 'below' },
    ]);
    expect(r.points.every((p) => p.inRun)).toBe(true);
    expect(r.signals.trends).toHaveLength(0);
    // Two runs −20, n < 20 −5; no point beyond the limits.
    expect(r.signals.pointsBeyondLimits).toBe(0);
    expect(r.score).toBe(75);
    const seven = pbcAnalysis({ values: [6, 6, 6, 6, 6, 6, 6, 2, 3, 2, 3, 2, 3, 2] });
    expect(seven.signals.runs).toHaveLength(0);
  });

  it('detects trends of 6 rising or falling points and breaks them on equal neighbours', () => {
    const r = pbcAnalysis({ values: [1, 2, 3, 4, 5, 6, 5, 4, 3, 3, 2, 1] });
    expect(r.signals.trends).toEqual([{ start: 0, end: 5, length: 6, direction: 'up' }]);
    expect(r.points[5].inTrend).toBe(true);
    expect(r.points[6].inTrend).toBe(false);
    const five = pbcAnalysis({ values: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5] });
    expect(five.signals.trends).toHaveLength(0);
    const down = pbcAnalysis({ values: [9, 8, 7, 6, 5, 4, 3, 2, 5, 5] });
    expect(down.signals.trends).toEqual([{ start: 0, end: 7, length: 8, direction: 'down' }]);
    // n < 10 → −10; one trend −8.
    expect(pbcAnalysis({ values: [1, 2, 3, 4, 5, 6] }).score).toBe(100 - 8 - 10);
  });

  it('floors LNPL and the score at 0, and handles a single value', () => {
    const r = pbcAnalysis({ values: [0, 10, 0, 10, 0, 10] });
    expect(r.lnpl).toBe(0);
    // 1..15 rising: mean 8, mR̄ 1 → limits 5.34 / 10.66, so 10 points lie beyond them, plus a
    // run (1..8, the 8 equal to the mean counting as below) and a trend: far below zero.
    const bad = pbcAnalysis({ values: Array.from({ length: 15 }, (_, i) => i + 1) });
    expect(bad.signals.pointsBeyondLimits).toBe(10);
    expect(bad.signals.runs).toEqual([{ start: 0, end: 7, length: 8, direction: 'below' }]);
    expect(bad.signals.trends).toHaveLength(1);
    expect(bad.score).toBe(0);
    expect(bad.verdict).toBe('unpredictable');
    const one = pbcAnalysis({ values: [4] });
    expect(one.unpl).toBe(4);
    expect(one.warnings).toHaveLength(1);
    expect(pbcAnalysis({ values: [1, 2], labels: ['w1', 'w2'] }).points[1].label).toBe('w2');
  });

  it('keeps the mean inside the limits and the score in [0, 100] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 80 }),
        (values) => {
          const r = pbcAnalysis({ values });
          expect(r.lnpl).toBeLessThanOrEqual(r.average + 1e-9);
          expect(r.unpl).toBeGreaterThanOrEqual(r.average - 1e-9);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.points).toHaveLength(values.length);
        },
      ),
    );
  });
});
