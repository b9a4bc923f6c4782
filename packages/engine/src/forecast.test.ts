import { describe, expect, it } from 'vitest';
import { FORECAST_KINDS, runForecast } from './forecast';
import { EngineInputError } from './errors';

describe('runForecast', () => {
  it('dispatches every throughput kind to its engine function', () => {
    const sim = runForecast('simulate', {
      tpSamples: [10],
      numberOfTasks: 20,
      numberOfSimulations: 100,
      seed: 1,
    });
    expect(sim.percentile_stats.p50).toBe(2);
    expect(
      runForecast('when', { tpSamples: [10], backlog: 30, seed: 1 }).percentile_stats.p85,
    ).toBe(3);
    expect(
      runForecast('how-many', { tpSamples: [10], days: 21, seed: 1 }).itemsAtConfidence['85'],
    ).toBe(30);
    const d = runForecast('deadline', {
      tpSamples: [10],
      backlog: 20,
      startDate: '2025-10-01',
      deadlineDate: '2025-10-16',
      seed: 1,
    });
    expect(d.canMeet).toBe(true);
  });

  it('dispatches the analysis kinds', () => {
    const risks = runForecast('risks', {
      risks: [{ likelihood: 30, lowImpact: 10, mediumImpact: 12, highImpact: 15 }],
    });
    expect(risks).toBeTruthy();
    const pbc = runForecast('pbc', { values: [3, 2.8, 3.2, 2.9, 3.1, 3.0] });
    expect(pbc).toBeTruthy();
    const acc = runForecast('accuracy', { forecasts: [10, 12], actuals: [9, 13] });
    expect(acc).toBeTruthy();
  });

  it('reports completion and honours an aborted signal', () => {
    const seen: number[] = [];
    runForecast(
      'when',
      { tpSamples: [4], backlog: 8, seed: 1 },
      { onProgress: (f) => seen.push(f) },
    );
    expect(seen).toEqual([1]);
    expect(() =>
      runForecast('when', { tpSamples: [4], backlog: 8 }, { signal: { aborted: true } }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('rejects unknown kinds and non-object input', () => {
    expect(FORECAST_KINDS).toContain('history');
    expect(() => runForecast('nope' as never, {} as never)).toThrow(EngineInputError);
    expect(() => runForecast('when', null as never)).toThrow(EngineInputError);
  });
});
