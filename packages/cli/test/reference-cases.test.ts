/**
 * The spec's reference cases (spec/reference-cases.json) through the real `ff`:
 * each request goes through the CLI's validation (aliases such as `nSimulations` included)
 * and the engine, and the printed JSON must carry the known-good figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC, ff } from './helpers';

type Obj = Record<string, unknown>;

interface ReferenceCase {
  id: string;
  kind: string;
  input: Obj;
  expected: Obj;
  tolerance?: number;
  relativeTolerance?: number;
  absoluteTolerance?: number;
}

const FILE = `${SPEC}/reference-cases.json`;
const cases = (JSON.parse(readFileSync(FILE, 'utf8')) as { cases: ReferenceCase[] }).cases;

const o = (v: unknown) => (v ?? {}) as Obj;
const byDescription = (r: Obj, key: string) =>
  Object.fromEntries((r.risks as Obj[]).map((x) => [String(x.description), x[key]]));
/** A result's weeks at P50, P85 and P95, named as the spec's cases name them. */
const weeks = (r: Obj) => ({
  p50Weeks: o(r.percentile_stats).p50,
  p85Weeks: o(r.percentile_stats).p85,
  p95Weeks: o(r.percentile_stats).p95,
});

/** For each spec kind the CLI covers: its command, and the result in the case's terms. */
const VIEWS: Record<string, { command: string; view: (r: Obj) => Obj }> = {
  riskSummary: {
    command: 'risks',
    view: (r) => ({
      expectedImpact: byDescription(r, 'expectedImpact'),
      totalExpected: r.totalExpectedImpact,
      totalP85: r.totalP85Impact,
      severity: byDescription(r, 'severity'),
    }),
  },
  accuracy: { command: 'accuracy', view: (r) => r },
  costAnalysis: {
    command: 'cost',
    view: (r) => ({ mean: r.mean, p85: o(r.percentile_stats).p85 }),
  },
  dependencyAnalysis: { command: 'dependencies', view: (r) => r },
  pbc: { command: 'pbc', view: (r) => r },
  deadlineAnalysis: { command: 'deadline', view: (r) => r },
  howMany: { command: 'how-many', view: (r) => r },
  when: {
    command: 'when',
    view: (r) => ({
      ...weeks(r),
      meanWeeks: r.mean,
      p85Date: o(r.completionDates).p85,
    }),
  },
  simulate: {
    command: 'simulate',
    view: (r) => ({
      ...weeks(r),
      p85EffortPersonWeeks: o(r.effort).p85,
    }),
  },
};

function expectMatches(actual: unknown, expected: unknown, c: ReferenceCase, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    if (c.relativeTolerance !== undefined) {
      expect(Math.abs(a / expected - 1), path).toBeLessThanOrEqual(c.relativeTolerance);
    } else {
      const tol = c.absoluteTolerance ?? c.tolerance ?? 0;
      expect(Math.abs(a - expected), `${path}: ${a} vs ${expected}`).toBeLessThanOrEqual(
        tol + 1e-12,
      );
    }
  } else if (typeof expected === 'object' && expected !== null) {
    for (const [k, v] of Object.entries(expected))
      expectMatches(o(actual)[k], v, c, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/** Commands without random draws, which therefore take no --seed. */
const DETERMINISTIC = new Set(['risks', 'accuracy', 'pbc']);

const covered = cases.filter((c) => VIEWS[c.kind] !== undefined);

describe.concurrent('spec reference cases through ff', () => {
  it('covers every reference case of a kind the CLI runs', () => {
    expect(covered.length).toBeGreaterThanOrEqual(10);
  });

  it.each(covered.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const { command, view } = VIEWS[c.kind];
    // A fixed seed keeps the stochastic cases reproducible; their tolerances come from the file.
    const seed = DETERMINISTIC.has(command) ? [] : ['--seed', '20251125'];
    const r = await ff([command, ...seed], { stdin: JSON.stringify(c.input) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectMatches(view(JSON.parse(r.stdout) as Obj), c.expected, c, c.id);
  });
});
