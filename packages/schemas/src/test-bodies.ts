/** Minimal valid bodies of each kind, shared by the tests (not exported from the package). */
import type { RequestKind } from './kinds';

export const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

export const validBodies: Record<RequestKind, Record<string, unknown>> = {
  simulate: { tpSamples: T12, numberOfTasks: 50 },
  when: { tpSamples: T12, backlog: 50 },
  'how-many': { tpSamples: T12, days: 30 },
  deadline: { tpSamples: T12, backlog: 20, startDate: '2025-10-01', deadlineDate: '2025-10-16' },
  cost: { optimistic: 3000, mostLikely: 5000, pessimistic: 10000, backlog: 50 },
  risks: { risks: [{ likelihood: 30, lowImpact: 10, mediumImpact: 12, highImpact: 15 }] },
  dependencies: { dependencies: [{ onTimeProbability: 0.7 }, { onTimeProbability: 0.7 }] },
  backtest: { tpSamples: T12, backlog: 20 },
  accuracy: { forecasts: [10, 12, 8, 15, 11], actuals: [9.5, 13, 8.5, 14, 10] },
  pbc: { values: [3, 3.1, 2.9, 3.2, 2.8] },
  history: { items: [{ done: '2025-03-06T17:15:00', start: '2025-02-17T16:15:00' }] },
  delivery: {
    start: '2026-01-05',
    history: [
      { weekStart: '2025-12-29', count: 5 },
      { weekStart: '2026-01-05', count: 6 },
    ],
    checkIns: [{ date: '2026-01-19', done: 10, remaining: 30 }],
    numberOfSimulations: 500,
  },
  flow: { items: [{ id: 'A', started: '2025-03-03', done: '2025-03-06' }], asOf: '2025-03-10' },
  portfolio: {
    teams: [{ name: 'A', tpSamples: T12 }],
    features: [{ name: 'F1', size: 8, team: 'A' }],
    numberOfSimulations: 500,
  },
};

/** A copy of `body` with the value at a dotted path replaced (`risks.0.likelihood`). */
export function withField(
  body: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
