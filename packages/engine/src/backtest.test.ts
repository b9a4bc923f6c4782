import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backtest, overallVerdict } from './backtest';
import { calibrationVerdict } from './calibration';
import { EngineInputError } from './errors';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];
const T24 = [...T12, 6, 5, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe('backtest folds', () => {
  it('has len(range(minTrain, n − test + 1, stride)) folds with the documented windows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        (n, minTrain, testSize, stride) => {
          const tp = Array.from({ length: n }, (_, i) => 3 + (i % 4));
          const r = backtest({
            tpSamples: tp,
            backlog: 10,
            minTrainSize: minTrain,
            testSize,
            foldStride: stride,
            numberOfSimulations: 50,
            seed: 1,
            method: 'expanding',
          });
          const expected = Math.max(0, Math.ceil((n - testSize + 1 - minTrain) / stride));
          expect(r.foldCount).toBe(expected);
          r.folds.forEach((f, k) => {
            expect(f.trainEnd).toBe(minTrain + k * stride);
            expect(f.trainStart).toBe(0);
            expect(f.testEnd).toBe(f.trainEnd + testSize);
            expect(f.testEnd).toBeLessThanOrEqual(n);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('trains walk-forward on a fixed window and expanding on everything before', () => {
    const wf = backtest({
      tpSamples: T12,
      backlog: 20,
      minTrainSize: 5,
      numberOfSimulations: 200,
      seed: 3,
    });
    expect(wf.method).toBe('walk-forward');
    expect(wf.foldCount).toBe(7);
    expect(wf.folds.map((f) => f.trainEnd - f.trainStart)).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(wf.folds[2].trainMean).toBeCloseTo((7 + 4 + 8 + 6 + 5) / 5, 12);
    const ex = backtest({
      tpSamples: T12,
      backlog: 20,
      method: 'expanding',
      numberOfSimulations: 200,
      seed: 3,
    });
    expect(ex.folds.map((f) => f.trainEnd - f.trainStart)).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it("uses the original's classic actual and computes the metrics from the folds", () => {
    const r = backtest({
      tpSamples: T24,
      backlog: 20,
      testSize: 2,
      confidenceLevels: [50, 85],
      numberOfSimulations: 2000,
      seed: 11,
    });
    for (const f of r.folds) {
      const test = T24.slice(f.trainEnd, f.testEnd);
      expect(f.actual).toBeCloseTo(20 / (test.reduce((s, x) => s + x, 0) / test.length), 12);
      expect(f.hits['85']).toBe((f.actual as number) <= f.forecasts['85']);
      expect(f.forecasts['85']).toBeGreaterThanOrEqual(f.forecasts['50']);
    }
    const m85 = r.metrics.find((m) => m.confidence === 85)!;
    const errs = r.folds.map((f) => f.forecasts['85'] - (f.actual as number));
    expect(m85.folds).toBe(r.folds.length);
    expect(m85.mae).toBeCloseTo(errs.reduce((s, e) => s + Math.abs(e), 0) / errs.length, 12);
    expect(m85.rmse).toBeCloseTo(Math.sqrt(errs.reduce((s, e) => s + e * e, 0) / errs.length), 12);
    expect(m85.bias).toBeCloseTo(errs.reduce((s, e) => s + e, 0) / errs.length, 12);
    expect(m85.hitRate).toBeCloseTo(
      (100 * r.folds.filter((f) => f.hits['85']).length) / r.folds.length,
      12,
    );
    expect(r.metrics.map((m) => m.confidence)).toEqual([50, 85]);
  });

  it('gives calibration actuals from the later history and skips folds that never finish', () => {
    const r = backtest({ tpSamples: T12, backlog: 20, numberOfSimulations: 500, seed: 2 });
    // Fold ending at week 5 (0-based): 6 + 5 + 7 + 6 = 24 ≥ 20 after 4 weeks.
    expect(r.folds[0].completionWeeks).toBe(4);
    // Folds from week 9 on have 6 + 8... fewer than 20 items left: 8 + 5 + 7 = 20 at week 9.
    expect(r.folds.find((f) => f.trainEnd === 9)!.completionWeeks).toBe(3);
    expect(r.folds.find((f) => f.trainEnd === 10)!.completionWeeks).toBeNull();
    expect(r.calibration.skippedFolds).toBe(2);
    expect(r.calibration.folds).toBe(5);
    expect(r.calibration.levels.map((l) => l.nominal)).toEqual([50, 85, 95]);
    expect(r.calibration.verdict).toBe('insufficient data');
    expect(r.warnings.some((w) => w.includes('never reached'))).toBe(true);
  });

  it('scores the errors at every forecast level on the calibration folds (one set of folds)', () => {
    const r = backtest({
      tpSamples: T12,
      backlog: 20,
      confidenceLevels: [70, 85],
      numberOfSimulations: 500,
      seed: 2,
    });
    const m = r.calibration.metrics;
    // The requested 70 beside the calibration's own levels, each over the calibrated folds.
    expect(m.map((x) => x.confidence)).toEqual([50, 70, 85, 95]);
    expect(new Set(m.map((x) => x.folds))).toEqual(new Set([r.calibration.folds]));
    for (const l of r.calibration.levels) {
      expect(m.find((x) => x.confidence === l.confidence)!.hitRate).toBe(l.hitRate);
    }
    const scored = r.folds.filter((f) => f.completionWeeks !== null);
    const hits70 = scored.filter((f) => f.completionWeeks! <= f.forecasts['70']).length;
    expect(m[1].hitRate).toBe((hits70 / scored.length) * 100);
  });

  it('skips folds with an empty test window or training window and counts them', () => {
    const tp = [0, 0, 0, 0, 0, 4, 5, 0, 6, 5];
    const r = backtest({
      tpSamples: tp,
      backlog: 8,
      numberOfSimulations: 300,
      seed: 9,
      method: 'expanding',
    });
    expect(r.folds[0].skipped).toBe('no positive week in the training window');
    expect(r.folds[0].forecasts).toEqual({});
    const emptyTest = r.folds.find((f) => f.trainEnd === 7)!;
    expect(emptyTest.actual).toBeNull();
    expect(emptyTest.skipped).toBe('test window without throughput');
    expect(emptyTest.completionWeeks).toBe(3); // 0 + 6 + 5 ≥ 8 in the third week
    expect(r.skippedFolds).toBe(2);
    expect(r.metrics[0].folds).toBe(r.foldCount - 2);
  });

  it('is reproducible, and a fold does not depend on the others', () => {
    const a = backtest({ tpSamples: T24, backlog: 15, numberOfSimulations: 500, seed: 5 });
    expect(backtest({ tpSamples: T24, backlog: 15, numberOfSimulations: 500, seed: 5 })).toEqual(a);
    // Starting later drops the first folds; fold k of the shorter run is fold k of its own stream,
    // so compare a backtest whose only fold is a's first.
    const one = backtest({
      tpSamples: T24.slice(0, 6),
      backlog: 15,
      numberOfSimulations: 500,
      seed: 5,
    });
    expect(one.folds[0].forecasts).toEqual(a.folds[0].forecasts);
  });

  it('warns about short histories and rejects bad input', () => {
    const r = backtest({ tpSamples: [5, 6, 7], backlog: 10, seed: 1 });
    expect(r.foldCount).toBe(0);
    expect(r.warnings[0]).toMatch(/too short/);
    expect(() => backtest({ tpSamples: T12, backlog: 0 })).toThrow(EngineInputError);
    expect(() => backtest({ tpSamples: T12, backlog: 5, confidenceLevels: [120] })).toThrow(
      EngineInputError,
    );
    expect(() => backtest({ tpSamples: T12, backlog: 5, minTrainSize: 0 })).toThrow(
      EngineInputError,
    );
    expect(() => backtest({ tpSamples: [1, -1], backlog: 5 })).toThrow(EngineInputError);
    // 100 % is allowed: the slowest simulated run.
    const all = backtest({
      tpSamples: T12,
      backlog: 10,
      confidenceLevels: [100],
      numberOfSimulations: 100,
      seed: 1,
    });
    expect(all.metrics[0].hitRate).toBe(100);
  });

  it('lowers runs per fold when folds × runs × weeks would be too much work, with a warning', () => {
    // 295 folds of ~81 weeks (backlog 400 at 5 a week): 10,000 runs each would be 240 M weeks.
    const tp = Array.from({ length: 300 }, (_, i) => 4 + (i % 3));
    const r = backtest({
      tpSamples: tp,
      backlog: 400,
      numberOfSimulations: 10_000,
      seed: 1,
      throughputModel: 'bootstrap',
    });
    expect(r.foldCount).toBe(295);
    expect(r.numberOfSimulations).toBeLessThan(10_000);
    expect(r.numberOfSimulations).toBeGreaterThanOrEqual(200);
    expect(r.foldCount * r.numberOfSimulations * 81).toBeLessThanOrEqual(20_000_000);
    expect(r.warnings.some((w) => w.includes('lowered'))).toBe(true);
  });
});

describe('overall calibration verdict (trust rules)', () => {
  const level = (confidence: number, coverage: number, low: number, high: number) => ({
    confidence,
    nominal: confidence,
    folds: 20,
    hitRate: coverage,
    expectedHitRate: confidence,
    coverage,
    band: { low, high },
    verdict: calibrationVerdict(coverage / 100, { low: low / 100, high: high / 100 }, 20),
  });

  it('is calibrated only when every level is inside its band', () => {
    expect(
      overallVerdict([level(50, 52, 40, 60), level(85, 86, 78, 92), level(95, 95, 90, 99)]),
    ).toEqual({ verdict: 'calibrated', verdictLevel: null });
  });

  it('names P50 holding 93 % of the time as underconfident even when P85 holds', () => {
    expect(
      overallVerdict([level(50, 93, 40, 60), level(85, 86, 78, 92), level(95, 95, 90, 99)]),
    ).toEqual({ verdict: 'underconfident', verdictLevel: 50 });
  });

  it('reports the level farthest outside its band when levels disagree', () => {
    expect(
      overallVerdict([level(50, 62, 40, 60), level(85, 60, 78, 92), level(95, 95, 90, 99)]),
    ).toEqual({ verdict: 'overconfident', verdictLevel: 85 });
  });
});
