import { describe, expect, it } from 'vitest';
import { forecastPortfolio } from './portfolio';
import type { PortfolioInput } from './portfolio-input';
import { EngineInputError } from './errors';
import { TWO_TEAMS } from '../test/portfolio-cases';

/** spec/portfolio.md's deterministic cases: bootstrap, one constant sample, no S-curve. */
function oneTeam(throughput: number, wip: number, sizes: number[]): PortfolioInput {
  return {
    teams: [{ name: 'A', tpSamples: [throughput], throughputModel: 'bootstrap', featureWip: wip }],
    features: sizes.map((size, i) => ({ name: `F${i + 1}`, size, team: 'A' })),
    numberOfSimulations: 50,
    seed: 1,
  };
}

describe('portfolio reference cases (spec/portfolio.md)', () => {
  it.each([
    [4, 1, [8, 4, 12], [2, 3, 6]],
    [4, 2, [8, 4, 12], [4, 2, 6]],
    [4, 3, [8, 4, 12], [5, 3, 6]],
    [5, 2, [3, 3, 3, 3], [1, 2, 3, 3]],
    [3, 2, [10, 2, 5, 7], [7, 2, 5, 8]],
  ])('throughput %i, feature WIP %i, sizes %j → weeks %j', (tp, wip, sizes, weeks) => {
    const result = forecastPortfolio(oneTeam(tp, wip, sizes));
    for (const [i, f] of result.features.entries()) {
      expect(f.percentile_stats).toEqual({ p50: weeks[i], p85: weeks[i], p95: weeks[i] });
      expect(f.unfinishedRuns).toBe(0);
    }
  });

  it('two teams: F1 = 8 of A + 4 of B is done in week 2, F2 = 4 of A in week 3', () => {
    const result = forecastPortfolio({
      ...TWO_TEAMS,
      numberOfSimulations: 20,
      seed: 1,
    });
    expect(result.features.map((f) => f.percentile_stats.p50)).toEqual([2, 3]);
    expect(result.teams.map((t) => t.lastCompletion.p50)).toEqual([3, 1]);
  });

  it('the contract example: dates are start + 7 × weeks, probabilities 0 or 1', () => {
    const result = forecastPortfolio({
      ...oneTeam(4, 2, [8, 4, 12]),
      startDate: '2026-01-05',
      targetDate: '2026-01-26',
      confidence: 0.85,
    });
    const [f1, f2, f3] = result.features;
    expect(f1.completionDates).toEqual({ p50: '2026-02-02', p85: '2026-02-02', p95: '2026-02-02' });
    expect(f2.completionDates?.p50).toBe('2026-01-19');
    // Target is 3 weeks after the start: F2 (week 2) makes it, F1 (4) and F3 (6) do not.
    expect(result.features.map((f) => f.probabilityByTarget)).toEqual([0, 1, 0]);
    expect(result.features.map((f) => f.inCutLine)).toEqual([false, true, false]);
    expect(result.allOnTime).toBe(0);
    expect(f3.latestStart).toBe('2025-12-15');
    expect(result.seed).toBe(1);
    expect(result.warnings).toEqual(expect.any(Array));
  });
});

describe('dependencies', () => {
  it('a feature waits for the week after its dependency is done', () => {
    // Team B could finish G in week 1, but G depends on F1, done by A in week 2.
    const result = forecastPortfolio({
      teams: [
        { name: 'A', tpSamples: [4], throughputModel: 'bootstrap' },
        { name: 'B', tpSamples: [4], throughputModel: 'bootstrap' },
      ],
      features: [
        { name: 'F1', size: 8, team: 'A' },
        { name: 'G', size: 4, team: 'B', dependsOn: ['F1'] },
      ],
      numberOfSimulations: 10,
      seed: 3,
    });
    expect(result.features.map((f) => f.percentile_stats.p50)).toEqual([2, 3]);
  });

  it('a blocked feature lets the next ready one take the capacity', () => {
    const result = forecastPortfolio({
      teams: [{ name: 'A', tpSamples: [4], throughputModel: 'bootstrap' }],
      features: [
        { name: 'X', size: 4, team: 'A', dependsOn: ['Y'] },
        { name: 'Y', size: 8, team: 'A' },
      ],
      numberOfSimulations: 10,
      seed: 3,
    });
    expect(result.features.map((f) => f.percentile_stats.p50)).toEqual([3, 2]);
  });

  it.each([
    [[{ name: 'F1', size: 1, team: 'A', dependsOn: ['F9'] }], 'features.0.dependsOn.0'],
    [
      [
        { name: 'F1', size: 1, team: 'A', dependsOn: ['F2'] },
        { name: 'F2', size: 1, team: 'A', dependsOn: ['F1'] },
      ],
      'features.0.dependsOn',
    ],
  ])('unknown dependencies and cycles name the field', (features, field) => {
    const input = { ...oneTeam(4, 1, []), features };
    expect(() => forecastPortfolio(input)).toThrow(EngineInputError);
    try {
      forecastPortfolio(input);
    } catch (e) {
      expect((e as EngineInputError).field).toBe(field);
    }
  });
});

describe('bad input names the field', () => {
  const base = oneTeam(4, 1, [3, 3, 3, 3]);
  it.each([
    [
      {
        features: [
          ...base.features.slice(0, 3),
          {
            name: 'F4',
            parts: [
              { team: 'A', size: 1 },
              { team: 'Z', size: 2 },
            ],
          },
        ],
      },
      'features.3.parts.1.team',
    ],
    [{ features: [{ name: 'F1', parts: [{ team: 'A', size: 0 }] }] }, 'features.0.parts.0.size'],
    [
      {
        features: [
          { name: 'F1', size: 2, team: 'A' },
          { name: 'F1', size: 2, team: 'A' },
        ],
      },
      'features.1.name',
    ],
    [{ teams: [{ name: 'A', tpSamples: [4], featureWip: 0 }] }, 'teams.0.featureWip'],
    [{ teams: [{ name: 'A', tpSamples: [0, 0] }] }, 'teams.0.tpSamples'],
    [{ targetDate: '2026-01-01' }, 'startDate'],
  ])('%j → %s', (patch, field) => {
    let error: unknown;
    try {
      forecastPortfolio({ ...base, ...patch } as PortfolioInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineInputError);
    expect((error as EngineInputError).field).toBe(field);
  });
});

describe('cost of delay and CD3', () => {
  it('expected delay cost is CoD × weeks late, and CD3 puts the urgent small feature first', () => {
    // Alone: Big takes 3 weeks, Small 1. Given order Big, Small: Big on time (week 3), Small
    // done week 4, 3 weeks after its target (week 1) → 3 × 1000. CD3 Small = 1000/1 > 100/3.
    const result = forecastPortfolio({
      teams: [{ name: 'A', tpSamples: [4], throughputModel: 'bootstrap' }],
      features: [
        { name: 'Big', size: 12, team: 'A', targetDate: '2026-01-26', costOfDelayPerWeek: 100 },
        { name: 'Small', size: 4, team: 'A', targetDate: '2026-01-12', costOfDelayPerWeek: 1000 },
      ],
      startDate: '2026-01-05',
      numberOfSimulations: 100,
      seed: 9,
    });
    expect(result.features.map((f) => f.expectedDelayCost)).toEqual([0, 3000]);
    const cod = result.costOfDelay;
    expect(cod?.totalExpectedDelayCost).toBe(3000);
    expect(cod?.suggestedOrder).toEqual(['Small', 'Big']);
    // Small first: Small week 1 (on time), Big week 4 (1 week late × 100).
    expect(cod?.suggestedTotalExpectedDelayCost).toBe(100);
    expect(cod?.saving).toBe(2900);
    expect(cod?.features.map((f) => f.medianWeeksAlone)).toEqual([3, 1]);
  });
});
