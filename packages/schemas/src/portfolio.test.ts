import { describe, expect, it } from 'vitest';
import { forecastPortfolio } from '@flow-forecaster/engine';
import { parseForecast } from './registry';
import { portfolioKind } from './kinds/portfolio';
import { withField } from './test-bodies';

const body = {
  teams: [
    { name: 'A', tpSamples: [4], throughputModel: 'bootstrap', featureWip: 2 },
    { name: 'B', tpSamples: [4], throughputModel: 'bootstrap' },
  ],
  features: [
    { name: 'F1', size: 8, team: 'A' },
    { name: 'F2', sizeLow: 3, sizeHigh: 6, team: 'A', targetDate: '2026-03-02' },
    {
      name: 'F3',
      parts: [
        { team: 'A', size: 8 },
        { team: 'B', size: 4 },
      ],
      dependsOn: ['F1'],
    },
  ],
  startDate: '2026-01-05',
  numberOfSimulations: 500,
  seed: 1,
};

function fieldOf(b: Record<string, unknown>): string | undefined {
  const r = parseForecast('portfolio', b);
  return r.ok ? undefined : r.error.field;
}

describe('portfolio request', () => {
  it('parses the spec contract into exactly the engine input', () => {
    const r = parseForecast('portfolio', body);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.input).toEqual(body);
    expect(r.value.run()).toEqual(forecastPortfolio(body as never));
  });

  it.each([
    ['features.2.parts.1.team', 'C', 'features.2.parts.1.team'],
    ['features.0.team', 'Z', 'features.0.team'],
    ['features.2.parts.1.size', 0, 'features.2.parts.1.size'],
    ['features.0.size', 0, 'features.0.size'],
    ['features.1.name', 'F1', 'features.1.name'],
    ['teams.1.name', 'A', 'teams.1.name'],
    ['features.2.dependsOn', ['F9'], 'features.2.dependsOn.0'],
    ['features.2.dependsOn', ['F3'], 'features.2.dependsOn.0'],
    ['teams.0.featureWip', 0, 'teams.0.featureWip'],
    ['teams.0.tpSamples', [0, 0], 'teams.0.tpSamples'],
    ['features.1.sizeLow', 9, 'features.1.sizeLow'],
    ['numberOfSimulations', 100_001, 'numberOfSimulations'],
    ['startDate', undefined, 'startDate'],
  ])('refuses %s = %j naming %s', (path, value, field) => {
    expect(fieldOf(withField(body, path, value))).toBe(field);
  });

  it('refuses a dependency cycle, naming the first feature of the cycle', () => {
    const b = withField(body, 'features.0.dependsOn', ['F3']);
    const r = parseForecast('portfolio', b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('features.0.dependsOn');
    expect(r.error.message).toContain('F1 → F3 → F1');
  });

  it('bounds the work by construction: runs × passes × teams × maxWeeks', () => {
    const teams = Array.from({ length: 20 }, (_, i) => ({ name: `T${i}`, tpSamples: [3] }));
    const features = Array.from({ length: 100 }, (_, i) => ({
      name: `F${i}`,
      size: 5,
      team: `T${i % 20}`,
    }));
    const big = { teams, features, numberOfSimulations: 100_000 };
    expect(fieldOf(big)).toBe('numberOfSimulations');
    // 2e9 / (102 passes × 20 teams × 520 weeks) = 1,885 runs.
    expect(fieldOf({ ...big, numberOfSimulations: 1_886 })).toBe('numberOfSimulations');
    expect(fieldOf({ ...big, numberOfSimulations: 1_885 })).toBe(undefined);
    expect(fieldOf({ ...big, suggestOrder: false, numberOfSimulations: 19_000 })).toBe(undefined);
    expect(fieldOf({ ...big, suggestOrder: false, maxWeeks: 1040 })).toBe('numberOfSimulations');
    expect(fieldOf({ ...big, features: [...features, features[0]] })).toBe('features');
    const ok = parseForecast('portfolio', { ...big, numberOfSimulations: 1_885 });
    expect(ok.ok && ok.value.workBound()).toBeLessThanOrEqual(2e9);
    // The spec's speed case fits.
    const speed = {
      teams: teams.slice(0, 5),
      features: features.slice(0, 50).map((f, i) => ({ ...f, team: `T${i % 5}` })),
      numberOfSimulations: 10_000,
    };
    expect(fieldOf(speed)).toBe(undefined);
  });

  it('has a valid example', () => {
    expect(portfolioKind.parse(portfolioKind.example).ok).toBe(true);
  });
});
