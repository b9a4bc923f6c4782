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
    const actuals = [10, 20, 30, 40];
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
    const actuals = [100, 100];
    const q = (f: number) => accuracyAnalysis({ forecasts: [f, f], actuals }).quality;
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
    const zeros = accuracyAnalysis({ forecasts: [1, 0], actuals: [0, 0] });
    expect(zeros.mape).toBeNull();
    expect(zeros.bias).toBe('over');
    expect(zeros.quality).toBe('fair');
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
