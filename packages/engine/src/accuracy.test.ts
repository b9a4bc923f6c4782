import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accuracyAnalysis } from './accuracy';
import { EngineInputError } from './errors';
import { referenceCases } from '../test/reference-cases';

describe('accuracyAnalysis', () => {
  for (const c of referenceCases('accuracy')) {
    it(`matches reference case ${c.id}`, () => {
      const input = c.input as { forecasts: number[]; actuals: number[] };
      const e = c.expected as Record<string, number | string>;
      const r = accuracyAnalysis(input);
      const tol = c.tolerance ?? 0.01;
      // The reference rounds its figures (RMSE 0.84, MAPE 7.2), so compare to the same digits.
      const digits = (v: number) => (String(v).split('.')[1] ?? '').length;
      for (const k of ['mae', 'rmse', 'mape', 'r2', 'accuracyRate'] as const) {
        const want = e[k] as number;
        const got = r[k] as number;
        const shown = Math.round(got * 10 ** digits(want)) / 10 ** digits(want);
        expect(Math.abs(shown - want), k).toBeLessThanOrEqual(tol);
      }
      expect(r.bias).toBe(e.bias);
      expect(r.quality).toBe('excellent');
    });
  }

  it('calls consistent over- and under-forecasting by name', () => {
    const actuals = [10, 20, 30, 40, 50];
    expect(accuracyAnalysis({ forecasts: actuals.map((a) => a * 1.3), actuals }).bias).toBe('over');
    expect(accuracyAnalysis({ forecasts: actuals.map((a) => a * 0.7), actuals }).bias).toBe(
      'under',
    );
    const r = accuracyAnalysis({ forecasts: actuals.map((a) => a * 1.3), actuals });
    expect(r.mape).toBeCloseTo(30, 9);
    expect(r.quality).toBe('fair');
    expect(r.accuracyRate).toBe(0);
  });

  it('labels quality by MAPE thresholds', () => {
    const actuals = [100, 100, 100, 100, 100];
    const q = (f: number) => accuracyAnalysis({ forecasts: actuals.map(() => f), actuals }).quality;
    expect(q(110)).toBe('excellent');
    expect(q(115)).toBe('good');
    expect(q(125)).toBe('fair');
    expect(q(140)).toBe('poor');
  });

  it('leaves zero actuals out of MAPE and handles constant actuals', () => {
    const r = accuracyAnalysis({ forecasts: [0, 2, 4], actuals: [0, 2, 5] });
    expect(r.excludedFromMape).toBe(1);
    expect(r.mape).toBeCloseTo(10, 12);
    expect(r.pairs[0].withinTolerance).toBe(true);
    const flat = accuracyAnalysis({ forecasts: [5, 6], actuals: [5, 5] });
    expect(flat.r2).toBeNull();
    expect(accuracyAnalysis({ forecasts: [5, 5], actuals: [5, 5] }).r2).toBe(1);
    const zeros = accuracyAnalysis({ forecasts: [1, 0, 0, 0, 1], actuals: [0, 0, 0, 0, 0] });
    expect(zeros.mape).toBeNull();
    expect(zeros.bias).toBe('over');
    expect(zeros.quality).toBe('fair');
  });

  it('says too few to judge below 5 pairs: one pair that missed its P85 is never excellent', () => {
    const one = accuracyAnalysis({ forecasts: [11], actuals: [12] });
    expect(one.quality).toBe('insufficient');
    expect(one.onOrBefore).toBe(0);
    expect(one.onOrBeforeRate).toBe(0);
    const four = accuracyAnalysis({ forecasts: [10, 10, 10, 10], actuals: [10, 10, 10, 10] });
    expect(four.quality).toBe('insufficient');
    expect(four.onOrBefore).toBe(4);
  });

  it('counts actuals on or before the forecast, the headline', () => {
    const r = accuracyAnalysis({ forecasts: [10, 12, 8, 15, 11], actuals: [9.5, 13, 8, 14, 12] });
    expect(r.pairs.map((p) => p.onOrBefore)).toEqual([true, false, true, true, false]);
    expect(r.onOrBefore).toBe(3);
    expect(r.onOrBeforeRate).toBe(60);
  });

  it('signs a pair’s error as (actual − forecast) / forecast, as a recorded actual does', () => {
    const [p] = accuracyAnalysis({ forecasts: [11], actuals: [12] }).pairs;
    expect(p.error).toBe(1);
    expect(p.percentError).toBeCloseTo(9.0909, 3);
    const [early] = accuracyAnalysis({ forecasts: [10], actuals: [8] }).pairs;
    expect(early.percentError).toBeCloseTo(-20, 9);
    expect(accuracyAnalysis({ forecasts: [0], actuals: [3] }).pairs[0].percentError).toBeNull();
  });

  it('rejects lists of different lengths', () => {
    expect(() => accuracyAnalysis({ forecasts: [1], actuals: [1, 2] })).toThrow(EngineInputError);
    expect(() => accuracyAnalysis({ forecasts: [], actuals: [] })).toThrow(EngineInputError);
  });

  it('gives zero errors, R² 1 and 100 % accuracy for perfect forecasts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 2 }),
        (xs) => {
          const r = accuracyAnalysis({ forecasts: xs, actuals: xs });
          expect(r.mae).toBe(0);
          expect(r.rmse).toBe(0);
          expect(r.mape).toBe(0);
          expect(r.meanError).toBe(0);
          expect(r.r2).toBe(1);
          expect(r.accuracyRate).toBe(100);
          expect(r.bias).toBe('balanced');
        },
      ),
    );
  });

  it('has RMSE ≥ MAE ≥ |mean error| for any pairs (property)', () => {
    const pair = fc.tuple(
      fc.double({ min: 0, max: 1000, noNaN: true }),
      fc.double({ min: 0.1, max: 1000, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 50 }), (ps) => {
        const r = accuracyAnalysis({
          forecasts: ps.map((p) => p[0]),
          actuals: ps.map((p) => p[1]),
        });
        expect(r.rmse).toBeGreaterThanOrEqual(r.mae * (1 - 1e-12));
        expect(r.mae).toBeGreaterThanOrEqual(Math.abs(r.meanError) * (1 - 1e-12));
        expect(r.accuracyRate).toBeGreaterThanOrEqual(0);
        expect(r.accuracyRate).toBeLessThanOrEqual(100);
      }),
    );
  });
});
