/**
 * Generated hostile bodies against every forecast route (sync and async): whatever arrives,
 * the answer is never a 5xx and always the documented shape — Fastify's own framework errors
 * (bad JSON, wrong content type, body too large, prototype poisoning) included — and /healthz
 * keeps answering quickly meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import { createTestApp, databases, login } from './helper';
import type { Caller, TestApp } from './helper';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];
// Small valid bodies to mutate one field at a time (kinds not listed start from `{}`).
const VALID: Record<string, Record<string, unknown>> = {
  simulate: { tpSamples: T12, numberOfTasks: 50, nSimulations: 2000 },
  when: { tpSamples: T12, backlog: 50, nSimulations: 2000 },
  'how-many': { tpSamples: T12, days: 30, nSimulations: 2000 },
  deadline: { tpSamples: T12, backlog: 20, startDate: '2025-10-01', deadlineDate: '2025-10-16' },
  cost: { optimistic: 3000, mostLikely: 5000, pessimistic: 10000, backlog: 50 },
  risks: { risks: [{ likelihood: 30, lowImpact: 10, mediumImpact: 12, highImpact: 15 }] },
  dependencies: { dependencies: [{ onTimeProbability: 0.7 }, { onTimeProbability: 0.7 }] },
  accuracy: { forecasts: [10, 12, 8, 15, 11], actuals: [9.5, 13, 8.5, 14, 10] },
  pbc: { values: [3, 3.1, 2.9, 3.2, 2.8] },
};

const BODY_LIMIT = 64 * 1024;

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    -1,
    0,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    'NaN',
    'Infinity',
    '1e999',
    'a\u0000b',
    '\ud800',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    [],
    {},
    [[[[[[[[[[[]]]]]]]]]]],
    'x'.repeat(5000),
    Array.from({ length: 20_000 }, () => 0),
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

// Text PostgreSQL refuses, somewhere inside otherwise ordinary text.
const unstorableText = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff'),
    fc.string({ maxLength: 8 }),
  )
  .map((parts) => parts.join(''));

interface Probe {
  method: 'POST' | 'PUT' | 'GET';
  url: string;
  contentType?: string;
  payload?: string;
}

const routes = FORECAST_REGISTRY.kinds.flatMap((row) => [
  ...row.paths.slice(0, 1).map((p) => ({ kind: row.kind, url: p as string })),
  ...(row.asyncNames.length > 0 ? [{ kind: row.kind, url: `/api/async/${row.kind}` }] : []),
]);

const probe: fc.Arbitrary<Probe> = fc
  .record({
    route: fc.constantFrom(...routes),
    method: fc.constantFrom<Probe['method']>('POST', 'POST', 'POST', 'POST', 'PUT', 'GET'),
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      undefined,
    ),
    shape: fc.constantFrom('mutate', 'mutate', 'json', 'garbage', 'proto', 'huge'),
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('constructor', 'prototype')),
    value: hostileValue,
    json: fc.jsonValue({ maxDepth: 4 }),
    garbage: fc.string({ unit: 'binary', maxLength: 200 }),
  })
  .map(({ route, method, contentType, shape, key, value, json, garbage }) => {
    const base = VALID[route.kind] ?? {};
    const keys = Object.keys(base);
    let payload: string;
    switch (shape) {
      case 'mutate': {
        const field =
          keys.length > 0 && key.length % 3 !== 0 ? keys[key.length % keys.length] : key;
        payload = JSON.stringify({ ...base, [field]: value });
        break;
      }
      case 'json':
        payload = JSON.stringify(json) ?? 'null';
        break;
      case 'garbage':
        payload = garbage;
        break;
      case 'proto':
        payload = `{"__proto__": {"isAdmin": true}, "tpSamples": ${JSON.stringify(T12)}}`;
        break;
      default:
        payload = `{"tpSamples": [${'1,'.repeat(BODY_LIMIT / 2)}1]}`;
    }
    return {
      method,
      url: route.url,
      contentType,
      payload: method === 'GET' ? undefined : payload,
    };
  });

describe('fuzzing every forecast route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      db: 'pglite',
      config: { bodyLimit: BODY_LIMIT },
      build: { jobs: { syncTimeoutMs: 5_000 } },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 2,000 generated bodies with no 5xx and the documented error shape', async () => {
    const statuses = new Map<number, number>();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(probe, async (p) => {
        const res = await t.app.inject({
          method: p.method,
          url: p.url,
          headers: p.contentType ? { 'content-type': p.contentType } : {},
          ...(p.payload !== undefined ? { payload: p.payload } : {}),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${p.method} ${p.url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        const body = res.json() as Record<string, unknown>;
        if (res.statusCode >= 400) {
          expect(body).toEqual({
            error: expect.objectContaining({
              code: expect.stringMatching(/^FF_ERR_[A-Z_]+$/),
              message: expect.any(String),
            }),
          });
        } else {
          expect(typeof body).toBe('object');
        }
        if (++count % 250 === 0) {
          const t0 = performance.now();
          const health = await t.app.inject('/healthz');
          expect(health.statusCode).toBe(200);
          expect(performance.now() - t0).toBeLessThan(1000);
        }
      }),
      { numRuns: 2000, seed: 20261205 },
    );
    // The generator reached both sides: rejections and accepted forecasts.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(413) ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it('reports the memory held by finished async results against its budget', async () => {
    const body = (await t.app.inject('/metrics')).body;
    const value = (state: string) =>
      Number(
        new RegExp(`^ff_job_results_bytes\\{state="${state}"\\} (\\S+)$`, 'm').exec(body)?.[1],
      );
    expect(value('budget')).toBe(256 * 1024 * 1024);
    // The fuzzing above left finished async forecasts behind.
    expect(value('held')).toBeGreaterThan(0);
  });
});

// The routes that store what they are sent: the class of bodies the databases refuse (NUL,
// unpaired surrogates) used to answer 500 here.
const SAVING: { url: string; base: Record<string, unknown> }[] = [
  { url: '/api/projects', base: { name: 'p', description: 'd' } },
  { url: '/api/tokens', base: { name: 't' } },
  { url: '/api/forecasts', base: { kind: 'simulate', input: VALID.simulate, name: 'f' } },
  { url: '/api/forecasts', base: { kind: 'simulate', input: VALID.simulate, result: { p: 1 } } },
  { url: '/api/forecasts', base: { kind: 'risks', input: VALID.risks } },
];

describe.each(databases)('fuzzing the saving routes on %s', (db) => {
  let t: TestApp;
  let c: Caller;
  beforeAll(async () => {
    t = await createTestApp({ db, config: { bodyLimit: BODY_LIMIT } });
    c = await login(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('never answers 5xx, whatever value lands in whatever field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAVING),
        fc.nat(),
        fc.oneof(hostileValue, unstorableText),
        fc.constantFrom('field', 'input', 'result'),
        async (route, pick, value, where) => {
          const keys = Object.keys(route.base);
          const key = keys[pick % keys.length];
          const body =
            where === 'field'
              ? { ...route.base, [key]: value }
              : where === 'input'
                ? // A string field inside a stored input (a risk's description).
                  {
                    kind: 'risks',
                    input: {
                      risks: [{ ...(VALID.risks.risks as object[])[0], description: value }],
                    },
                  }
                : { ...route.base, result: { [key]: value, nested: [value] } };
          const res = await t.app.inject({
            method: 'POST',
            url: route.url,
            headers: c.headers,
            payload: body,
          });
          expect(res.statusCode, `${route.url} ${key}: ${res.body.slice(0, 300)}`).toBeLessThan(
            500,
          );
          if (res.statusCode >= 400) {
            expect(res.json().error.code).toMatch(/^FF_ERR_[A-Z_]+$/);
          }
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
  }, 600_000);
});
