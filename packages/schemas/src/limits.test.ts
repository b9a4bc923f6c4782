import { describe, expect, it } from 'vitest';
import { parseRequest } from './requests';
import type { RequestKind } from './kinds';
import { validBodies, withField } from './test-bodies';

type Case = {
  kind: RequestKind;
  field: string;
  ok: unknown[];
  bad: unknown[];
  /** When the error lands on another field than the one changed. */
  errorField?: string;
};

const many = (n: number, v = 1) => Array.from({ length: n }, () => v);
const risk = { likelihood: 0.2, lowImpact: 1, highImpact: 3 };
const dep = { onTimeProbability: 0.5 };

// Each row: values just inside and just outside the limit from the spec's "Input limits".
const cases: Case[] = [
  {
    kind: 'simulate',
    field: 'tpSamples',
    ok: [[1], many(10_000)],
    bad: [[], many(10_001), [0, 0]],
  },
  {
    kind: 'simulate',
    field: 'tpSamples',
    ok: [[0, 0, 3]],
    bad: [
      [-1, 3],
      [1, Infinity],
    ],
    errorField: 'tpSamples.0',
  },
  { kind: 'simulate', field: 'ltSamples', ok: [[], many(10_000, 3)], bad: [many(10_001, 3)] },
  {
    kind: 'simulate',
    field: 'splitRateSamples',
    ok: [[0.2, 10], []],
    bad: [[0.19], [10.01], many(10_001)],
  },
  {
    kind: 'simulate',
    field: 'numberOfSimulations',
    ok: [100, 1_000_000],
    bad: [99, 1_000_001, 500.5, -1],
  },
  { kind: 'simulate', field: 'numberOfTasks', ok: [0, 1_000_000], bad: [-1, 1_000_001, 2.5] },
  {
    kind: 'simulate',
    field: 'risks',
    ok: [[], many(100).map(() => risk)],
    bad: [many(101).map(() => risk)],
  },
  {
    kind: 'simulate',
    field: 'dependencies',
    ok: [many(100).map(() => dep)],
    bad: [many(101).map(() => dep)],
  },
  { kind: 'simulate', field: 'teamFocus', ok: [1, 0.01], bad: [0, 1.01, -0.5] },
  { kind: 'simulate', field: 'totalContributors', ok: [1, 10_000], bad: [0, 10_001, 1.5] },
  { kind: 'simulate', field: 'minContributors', ok: [1, 10_000], bad: [0, 10_001] },
  { kind: 'simulate', field: 'maxContributors', ok: [1, 10_000], bad: [0, 10_001] },
  { kind: 'simulate', field: 'sCurveSize', ok: [0, 50, 12.5], bad: [-1, 51] },
  { kind: 'simulate', field: 'seed', ok: [0, 4294967295], bad: [-1, 4294967296, 1.5] },
  { kind: 'simulate', field: 'confidence', ok: [0.85, 1], bad: [0, 1.5, 85] },
  { kind: 'simulate', field: 'maxWeeks', ok: [1, 5200], bad: [0, 5201] },
  { kind: 'simulate', field: 'historicalTeamSize', ok: [0.5, 10_000], bad: [0, 10_001] },
  { kind: 'simulate', field: 'backlogAdjustedMin', ok: [0, 22.75], bad: [-1, 3_000_001] },
  { kind: 'simulate', field: 'throughputModel', ok: ['weibull', 'bootstrap'], bad: ['normal', ''] },
  { kind: 'simulate', field: 'dependencyMode', ok: ['sum', 'max'], bad: ['min'] },
  { kind: 'simulate', field: 'includeRuns', ok: [true, false], bad: ['true', 1] },
  { kind: 'simulate', field: 'costPerPersonWeek', ok: [0, 2500.5], bad: [-1] },
  { kind: 'when', field: 'backlog', ok: [0, 1_000_000], bad: [-1, 1_000_001] },
  { kind: 'when', field: 'maxWeeks', ok: [52], bad: [0] },
  { kind: 'how-many', field: 'days', ok: [1, 0.5, 3660], bad: [0, -7, 3661] },
  { kind: 'cost', field: 'nSimulations', ok: [100, 1_000_000], bad: [99, 1_000_001] },
  { kind: 'cost', field: 'teamSize', ok: [1, 10_000], bad: [0, 10_001] },
  { kind: 'cost', field: 'budget', ok: [0, 300_000], bad: [-1] },
  { kind: 'cost', field: 'tpSamples', ok: [[], [0, 3]], bad: [many(10_001)] },
  {
    kind: 'risks',
    field: 'risks',
    ok: [[], many(100).map(() => risk)],
    bad: [many(101).map(() => risk)],
  },
  { kind: 'risks', field: 'risks.0.likelihood', ok: [0, 0.3, 1, 100], bad: [-0.1, 101] },
  {
    kind: 'dependencies',
    field: 'dependencies',
    ok: [[dep], many(100).map(() => dep)],
    bad: [[], many(101).map(() => dep)],
  },
  {
    kind: 'dependencies',
    field: 'dependencies.0.onTimeProbability',
    ok: [0, 1],
    bad: [-0.1, 1.1, 70],
  },
  { kind: 'dependencies', field: 'mode', ok: ['sum', 'max'], bad: ['avg'] },
  {
    kind: 'backtest',
    field: 'tpSamples',
    ok: [many(6), many(10_000)],
    bad: [many(5), many(10_001), many(12, 0)],
  },
  { kind: 'backtest', field: 'minTrainSize', ok: [1, 11], bad: [0, 12], errorField: undefined },
  {
    kind: 'backtest',
    field: 'confidenceLevels',
    ok: [[50, 85, 95], [100]],
    bad: [[], [0], [101], many(21, 50)],
  },
  { kind: 'backtest', field: 'throughputModel', ok: ['bootstrap'], bad: ['estimate'] },
  { kind: 'backtest', field: 'method', ok: ['walk-forward', 'expanding'], bad: ['rolling'] },
  {
    kind: 'accuracy',
    field: 'actuals',
    ok: [[1, 2, 3, 4, 5]],
    bad: [[1, 2, 3, 4, 0], [1, 2], [1]],
  },
  { kind: 'accuracy', field: 'forecasts', ok: [[0, 0, 0, 0, 0]], bad: [[1], many(10_001)] },
  {
    kind: 'pbc',
    field: 'values',
    ok: [
      [1, 2],
      [-1, 1],
    ],
    bad: [[1], many(10_001)],
  },
  {
    kind: 'pbc',
    field: 'labels',
    ok: [['a', 'b', 'c', 'd', 'e']],
    bad: [['a'], ['x'.repeat(201), 'b', 'c', 'd', 'e']],
  },
  {
    kind: 'history',
    field: 'items',
    ok: [[], many(100_000).map(() => ({}))],
    bad: [many(100_001).map(() => ({}))],
  },
];

describe('input limits', () => {
  for (const c of cases) {
    it(`${c.kind}.${c.field} accepts ${c.ok.length} values at its limits`, () => {
      for (const value of c.ok) {
        const result = parseRequest(c.kind, withField(validBodies[c.kind], c.field, value));
        expect(result.ok, JSON.stringify(result.ok ? '' : result.error)).toBe(true);
      }
    });
    it(`${c.kind}.${c.field} rejects ${c.bad.length} values beyond them, naming the field`, () => {
      for (const value of c.bad) {
        const result = parseRequest(c.kind, withField(validBodies[c.kind], c.field, value));
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        const field = result.error.field ?? '';
        // Element errors name the element (tpSamples.0) and cross-field ones may name a sibling.
        const expected = c.errorField ?? c.field;
        const related =
          field === expected || field.startsWith(`${c.field}.`) || field === 'tpSamples';
        expect(related, `${field}: ${result.error.message}`).toBe(true);
        expect(result.error.message).toContain(field);
      }
    });
  }
});

describe('cross-field rules', () => {
  const fail = (kind: RequestKind, patch: Record<string, unknown>) => {
    const result = parseRequest(kind, { ...validBodies[kind], ...patch });
    if (result.ok) throw new Error('expected a validation error');
    return result.error;
  };

  it('rejects min contributors above max, naming minContributors', () => {
    const error = fail('simulate', { minContributors: 6, maxContributors: 5 });
    expect(error).toMatchObject({ code: 'FF_ERR_VALIDATION', field: 'minContributors' });
    expect(error.message).toMatch(/maxContributors/);
    expect(
      parseRequest('simulate', { ...validBodies.simulate, minContributors: 5, maxContributors: 5 })
        .ok,
    ).toBe(true);
    expect(fail('deadline', { minContributors: 3, maxContributors: 2 }).field).toBe(
      'minContributors',
    );
  });

  it('requires PERT a < m < b', () => {
    expect(fail('cost', { mostLikely: 3000 }).field).toBe('mostLikely');
    expect(fail('cost', { mostLikely: 2000 }).field).toBe('mostLikely');
    expect(fail('cost', { pessimistic: 5000 }).field).toBe('pessimistic');
    expect(parseRequest('cost', { ...validBodies.cost, optimistic: 0 }).ok).toBe(true);
  });

  it('requires risk impacts in order', () => {
    const r = { likelihood: 0.3, lowImpact: 5, highImpact: 15 };
    expect(fail('risks', { risks: [{ ...r, lowImpact: 20 }] }).field).toBe('risks.0.lowImpact');
    expect(fail('risks', { risks: [r, { ...r, mediumImpact: 16 }] }).field).toBe(
      'risks.1.mediumImpact',
    );
    expect(fail('risks', { risks: [{ ...r, likelihood: 'high' }] }).field).toBe(
      'risks.0.likelihood',
    );
  });

  it('needs throughput: samples with one week above zero, or a complete estimate', () => {
    expect(fail('simulate', { tpSamples: undefined }).field).toBe('tpSamples');
    expect(fail('when', { tpSamples: [0, 0, 0] }).field).toBe('tpSamples');
    expect(fail('simulate', { throughputModel: 'estimate', pBest: 5, pLikely: 3 }).field).toBe(
      'pWorst',
    );
    expect(fail('how-many', { tpSamples: undefined, pBest: 0, pLikely: 0, pWorst: 0 }).field).toBe(
      'pBest',
    );
    const estimate = parseRequest('when', { backlog: 10, pBest: 1, pLikely: 0, pWorst: 0 });
    expect(estimate.ok && estimate.value.throughputModel).toBe('estimate');
  });

  it('orders dates', () => {
    expect(fail('deadline', { deadlineDate: '2025-09-30' }).field).toBe('deadlineDate');
    expect(
      parseRequest('deadline', { ...validBodies.deadline, deadlineDate: '2025-10-01' }).ok,
    ).toBe(true);
    const hm = { tpSamples: [3], startDate: '2025-10-10', endDate: '2025-10-10' };
    expect(parseRequest('how-many', hm).ok).toBe(false);
    expect(parseRequest('how-many', { ...hm, endDate: '2025-10-11' }).ok).toBe(true);
    expect(fail('how-many', { days: undefined }).field).toBe('days');
    expect(fail('history', { from: '2025-05-01', to: '2025-04-01' }).field).toBe('to');
  });

  it('matches list lengths', () => {
    expect(fail('accuracy', { actuals: [1, 2, 3] }).field).toBe('actuals');
    expect(fail('pbc', { labels: ['a', 'b'] }).field).toBe('labels');
  });
});
