import { describe, expect, it } from 'vitest';
import { parseRequest } from './requests';
import { T12 } from './test-bodies';

function value(kind: Parameters<typeof parseRequest>[0], body: unknown): Record<string, unknown> {
  const result = parseRequest(kind, body);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

describe('aliases of the original API', () => {
  it('maps historical_team_size to historicalTeamSize', () => {
    const v = value('simulate', { tpSamples: T12, numberOfTasks: 50, historical_team_size: 10 });
    expect(v.historicalTeamSize).toBe(10);
    expect(v).not.toHaveProperty('historical_team_size');
  });

  it('maps the three-point shape onto an estimate simulation', () => {
    const v = value('simulate', {
      targetOutcome: 40,
      pBest: 9,
      pWorst: 2,
      pLikely: 5,
      sCurveSize: 10,
      nSimulations: 2000,
      confidence: 0.9,
    });
    expect(v).toEqual({
      numberOfTasks: 40,
      throughputModel: 'estimate',
      pBest: 9,
      pLikely: 5,
      pWorst: 2,
      sCurveSize: 10,
      numberOfSimulations: 2000,
      confidence: 0.9,
    });
  });

  it.each([
    ['simulate', 'numberOfTasks', ['backlog', 'targetOutcome']],
    ['when', 'backlog', ['numberOfTasks', 'targetOutcome']],
    ['deadline', 'backlog', ['numberOfTasks']],
    ['cost', 'backlog', ['numberOfTasks']],
    ['backtest', 'backlog', ['numberOfTasks']],
  ] as const)('%s: %s is also accepted as %j', (kind, canonical, aliases) => {
    const base: Record<string, unknown> = {
      tpSamples: T12,
      startDate: '2025-10-01',
      deadlineDate: '2025-12-01',
      optimistic: 1,
      mostLikely: 2,
      pessimistic: 4,
    };
    for (const alias of aliases) {
      const v = value(kind, { ...base, [alias]: 37 });
      expect(v[canonical]).toBe(37);
      expect(v).not.toHaveProperty(alias);
    }
    const missing = parseRequest(kind, base);
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.field).toBe(canonical);
      for (const alias of aliases) expect(missing.error.message).toContain(alias);
    }
  });

  it.each([
    ['simulate', 'numberOfSimulations', 'nSimulations', { tpSamples: T12, numberOfTasks: 5 }],
    ['when', 'numberOfSimulations', 'nSimulations', { tpSamples: T12, backlog: 5 }],
    ['how-many', 'numberOfSimulations', 'nSimulations', { tpSamples: T12, days: 14 }],
    ['backtest', 'numberOfSimulations', 'nSimulations', { tpSamples: T12, backlog: 5 }],
    [
      'cost',
      'nSimulations',
      'numberOfSimulations',
      { optimistic: 1, mostLikely: 2, pessimistic: 3, backlog: 5 },
    ],
    ['dependencies', 'nSimulations', 'numberOfSimulations', { dependencies: [{}] }],
  ] as const)('%s: %s is also accepted as %s', (kind, canonical, alias, base) => {
    expect(value(kind, { ...base, [alias]: 500 })[canonical]).toBe(500);
    expect(value(kind, { ...base, [canonical]: 500, [alias]: 500 })[canonical]).toBe(500);
    const conflict = parseRequest(kind, { ...base, [canonical]: 500, [alias]: 600 });
    expect(conflict.ok).toBe(false);
    if (!conflict.ok) {
      expect(conflict.error.field).toBe(alias);
      expect(conflict.error.message).toMatch(/same thing/);
    }
  });

  it('maps dependencyMode to mode in a dependency analysis', () => {
    expect(value('dependencies', { dependencies: [{}], dependencyMode: 'max' }).mode).toBe('max');
  });

  it('names the alias the user sent when its value is wrong', () => {
    const r = parseRequest('simulate', {
      tpSamples: T12,
      numberOfTasks: 5,
      historical_team_size: '10',
    });
    expect(!r.ok && r.error.field).toBe('historical_team_size');
  });

  it('ignores unknown keys but rejects known keys of the wrong type', () => {
    const v = value('simulate', {
      tpSamples: T12,
      numberOfTasks: 5,
      colour: 'blue',
      x: { y: [1] },
    });
    expect(v).not.toHaveProperty('colour');
    const r = parseRequest('simulate', { tpSamples: T12, numberOfTasks: '5' });
    expect(!r.ok && r.error.field).toBe('numberOfTasks');
  });
});
