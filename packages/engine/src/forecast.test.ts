import { describe, expect, it } from 'vitest';
import { FORECAST_KINDS, runForecast } from './forecast';
import { EngineInputError } from './errors';
import { riskSummary } from './risk-summary';
import { pbcAnalysis } from './pbc';
import { accuracyAnalysis } from './accuracy';
import { backtest } from './backtest';
import { costAnalysis } from './cost';
import { dependencyAnalysis } from './dependencies';
import { historyFromItems } from './history';

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

  it('dispatches the analysis kinds to their functions', () => {
    const risks = { risks: [{ likelihood: 30, lowImpact: 10, mediumImpact: 12, highImpact: 15 }] };
    expect(runForecast('risks', risks)).toEqual(riskSummary(risks));
    const pbc = { values: [3, 2.8, 3.2, 2.9, 3.1, 3.0] };
    expect(runForecast('pbc', pbc)).toEqual(pbcAnalysis(pbc));
    const acc = { forecasts: [10, 12], actuals: [9, 13] };
    expect(runForecast('accuracy', acc)).toEqual(accuracyAnalysis(acc));
    const bt = {
      tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8],
      backlog: 20,
      numberOfSimulations: 200,
      seed: 1,
    };
    expect(runForecast('backtest', bt)).toEqual(backtest(bt));
    const cost = {
      optimistic: 1,
      mostLikely: 2,
      pessimistic: 4,
      backlog: 10,
      nSimulations: 500,
      seed: 1,
    };
    expect(runForecast('cost', cost)).toEqual(costAnalysis(cost));
    const deps = { dependencies: [{ onTimeProbability: 0.7 }], nSimulations: 500, seed: 1 };
    expect(runForecast('dependencies', deps)).toEqual(dependencyAnalysis(deps));
    const history = { items: [{ start: '2025-01-06', done: '2025-01-08' }] };
    expect(runForecast('history', history)).toEqual(historyFromItems(history));
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
