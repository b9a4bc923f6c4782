// Snapshots of seeded analytics output. They pin behaviour that the statistical tests only
// bound (which uniforms are drawn in which order, how ties and edges are handled), so an
// unintended change shows up as a diff to review. Figures are rounded to 9 significant digits
// so the snapshot states the maths, not the last bits of floating point.
import { describe, expect, it } from 'vitest';
import { costAnalysis } from './cost';
import { dependencyAnalysis } from './dependencies';
import { backtest } from './backtest';
import { pbcAnalysis } from './pbc';

function rounded(value: unknown): unknown {
  if (typeof value === 'number')
    return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  }
  return value;
}

describe('seeded analytics snapshots', () => {
  it('cost', () => {
    const r = costAnalysis({
      optimistic: 3000,
      mostLikely: 5000,
      pessimistic: 10000,
      backlog: 12,
      nSimulations: 2000,
      budget: 66_000,
      tpSamples: [4, 6, 5],
      teamSize: 3,
      seed: 2024,
    });
    expect(
      rounded({
        mean: r.mean,
        sd: r.sd,
        min: r.min,
        max: r.max,
        p: r.percentile_stats,
        risk: r.risk,
      }),
    ).toMatchSnapshot();
  });

  it('dependencies, sum and max', () => {
    const deps = [
      { name: 'API', onTimeProbability: 0.8, expectedDelayDays: 10 },
      { name: 'Data', onTimeProbability: 0.6, delaySamples: [2, 9, 21] },
      { name: 'Ops', onTimeProbability: 0.9, expectedDelayDays: 0 },
    ];
    for (const mode of ['sum', 'max'] as const) {
      const r = dependencyAnalysis({ dependencies: deps, mode, nSimulations: 3000, seed: 5 });
      expect(
        rounded({
          mean: r.meanDelayDays,
          days: r.delayDays,
          weeks: r.delayWeeks,
          score: r.riskScore,
          level: r.riskLevel,
          odds: r.odds,
        }),
      ).toMatchSnapshot(mode);
    }
  });

  it('backtest', () => {
    const tp = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7, 0, 9, 6, 5, 7, 3, 8, 6];
    const r = backtest({
      tpSamples: tp,
      backlog: 18,
      confidenceLevels: [50, 85],
      numberOfSimulations: 1000,
      // Bootstrap keeps this snapshot about the backtest, not about the Weibull fit.
      throughputModel: 'bootstrap',
      seed: 31,
    });
    expect(
      rounded({
        forecasts: r.folds.map((f) => f.forecasts),
        metrics: r.metrics,
        calibration: r.calibration.levels,
      }),
    ).toMatchSnapshot();
  });

  it('pbc flags', () => {
    const r = pbcAnalysis({ values: [3, 4, 3, 5, 4, 4, 12, 3, 2, 3, 2, 3, 2, 3, 2, 3, 1, 2] });
    expect(
      r.points.map((p) =>
        [
          p.aboveLimit && 'above',
          p.belowLimit && 'below',
          p.inRun && 'run',
          p.inTrend && 'trend',
          p.rangeSignal && 'mR',
        ]
          .filter(Boolean)
          .join(','),
      ),
    ).toMatchSnapshot();
  });
});
