/**
 * `POST /api/portfolio` and `/api/async/portfolio` (spec/portfolio.md), on both databases:
 * the spec's exact reference cases through the API, bad input refused naming the field, and a
 * portfolio forecast saved in a project (the save body's kinds come from the registry).
 */
import { describe, expect, it } from 'vitest';
import { forecastPortfolio } from '@flow-forecaster/engine';
import type { PortfolioInput } from '@flow-forecaster/engine';
import { databases, useAppWithCaller } from './helper';
import { pollTask } from './jobs-app';

const one = (name: string, tp: number, featureWip = 1) => ({
  name,
  tpSamples: [tp],
  throughputModel: 'bootstrap' as const,
  featureWip,
});

/** Reference table row "throughput 3, WIP 2, sizes 10, 2, 5, 7 → weeks 7, 2, 5, 8". */
const TABLE_CASE: PortfolioInput = {
  teams: [one('A', 3, 2)],
  features: [10, 2, 5, 7].map((size, i) => ({ name: `F${i + 1}`, size, team: 'A' })),
  startDate: '2026-01-05',
  targetDate: '2026-02-16',
  numberOfSimulations: 500,
  seed: 11,
};

const SPEC_BODY = {
  teams: [one('A', 4, 2), one('B', 4)],
  features: [
    { name: 'F1', size: 8, team: 'A' },
    {
      name: 'F2',
      sizeLow: 3,
      sizeHigh: 6,
      team: 'A',
      targetDate: '2026-03-02',
      costOfDelayPerWeek: 5000,
    },
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
  targetDate: '2026-03-30',
  confidence: 0.85,
  numberOfSimulations: 2000,
  seed: 1,
};

describe.each(databases)('portfolio on %s', (db) => {
  const s = useAppWithCaller(db, { plainUser: true });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    s.app.inject({ method: 'POST', url, headers, payload: payload as object });

  it('answers a reference case of the spec exactly, with dates start + 7 × weeks', async () => {
    const res = await post('/api/portfolio', TABLE_CASE);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ReturnType<typeof forecastPortfolio>;
    expect(r.features.map((f) => f.percentile_stats.p85)).toEqual([7, 2, 5, 8]);
    expect(r.features.map((f) => f.percentile_stats.p50)).toEqual([7, 2, 5, 8]);
    expect(r.features[0].completionDates).toEqual({
      p50: '2026-02-23',
      p85: '2026-02-23',
      p95: '2026-02-23',
    });
    // Target 2026-02-16 is week 6: F2 and F3 make it, F1 (7) and F4 (8) do not.
    expect(r.features.map((f) => f.inCutLine)).toEqual([false, true, true, false]);
    expect(r.allOnTime).toBe(0);
    expect(r.seed).toBe(11);
  });

  it('gives the engine’s result for the spec’s request, sync and async alike', async () => {
    const expected = JSON.parse(JSON.stringify(forecastPortfolio(SPEC_BODY as PortfolioInput)));
    const sync = await post('/api/portfolio', SPEC_BODY);
    expect(sync.statusCode, sync.body).toBe(200);
    expect(sync.json()).toEqual(expected);
    const queued = await post('/api/async/portfolio', SPEC_BODY);
    expect(queued.statusCode, queued.body).toBe(202);
    const { body } = await pollTask(s.app, (queued.json() as { task_id: string }).task_id);
    expect(body.state).toBe('SUCCESS');
    expect(body.result).toEqual(expected);
  });

  it.each([
    [
      'a part on an unknown team',
      ['features', 2, 'parts', 1, 'team'],
      'C',
      'features.2.parts.1.team',
    ],
    ['a part of size 0', ['features', 2, 'parts', 0, 'size'], 0, 'features.2.parts.0.size'],
    ['duplicate feature names', ['features', 1, 'name'], 'F1', 'features.1.name'],
    [
      'a dependency on an unknown feature',
      ['features', 2, 'dependsOn'],
      ['F9'],
      'features.2.dependsOn.0',
    ],
    ['a dependency cycle', ['features', 0, 'dependsOn'], ['F3'], 'features.0.dependsOn'],
    ['feature WIP below 1', ['teams', 0, 'featureWip'], 0, 'teams.0.featureWip'],
    ['too many runs', ['numberOfSimulations'], 1_000_000, 'numberOfSimulations'],
  ])('refuses %s with 400 naming the field, sync and async', async (_what, path, value, field) => {
    const body = structuredClone(SPEC_BODY) as Record<string, unknown>;
    let node = body as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]] = value;
    for (const url of ['/api/portfolio', '/api/async/portfolio']) {
      const res = await post(url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'FF_ERR_VALIDATION', field } });
    }
  });

  it('saves a portfolio forecast in a project and lists it with its cut-line headline', async () => {
    const project = await post('/api/projects', { name: 'Release train' }, s.caller.headers);
    expect(project.statusCode, project.body).toBe(201);
    const result = forecastPortfolio(TABLE_CASE);
    const saved = await post(
      '/api/forecasts',
      { projectId: project.json().id, kind: 'portfolio', input: TABLE_CASE, result, name: 'Q1' },
      s.caller.headers,
    );
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    const got = await s.app.inject({ url: `/api/forecasts/${id}`, headers: s.caller.headers });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ kind: 'portfolio', input: TABLE_CASE });
    const bad = await post(
      '/api/forecasts',
      { kind: 'portfolio', input: { ...TABLE_CASE, teams: [] } },
      s.caller.headers,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('input.teams');
  });

  it('is in the OpenAPI document, sync and async', async () => {
    const doc = (await s.app.inject('/docs/json')).json() as {
      paths: Record<string, { post?: { summary?: string; requestBody?: unknown } }>;
    };
    expect(doc.paths['/api/portfolio']?.post?.summary).toBe('Portfolio cut line');
    expect(JSON.stringify(doc.paths['/api/portfolio']?.post?.requestBody)).toContain('featureWip');
    expect(doc.paths['/api/async/portfolio']?.post).toBeDefined();
  });
});
