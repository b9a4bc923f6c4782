import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runForecast } from '@flow-forecaster/engine';
import {
  MAX_SHARE_CODE_CHARS,
  decodeShareCode,
  encodeShareCode,
  parseForecast,
  parseRequest,
} from '@flow-forecaster/schemas';
import { TEAM_CASE, T12, buildJobsApp, sleep } from './jobs-app';
import { codeOfLength, random } from '../../schemas/test/share-codes';

/** Incompressible samples: a link of these cannot fit the size limit. */
function noise(n: number): number[] {
  let x = 12345;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % 100_000;
  });
}

describe('synchronous forecast routes', () => {
  let app: FastifyInstance;
  let pooled: FastifyInstance;
  beforeAll(async () => {
    app = await buildJobsApp();
    // Everything through the worker-thread pool, to compare with the in-thread answers.
    pooled = await buildJobsApp({ poolWorkThreshold: 0 });
  });
  afterAll(async () => {
    await app.close();
    await pooled.close();
  });

  it('answers /api/simulate with the engine’s result for the team reference case', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/simulate', payload: TEAM_CASE });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { percentile_stats: Record<string, number>; seed: number };
    const parsed = parseRequest('simulate', TEAM_CASE);
    if (!parsed.ok) throw new Error('reference case must validate');
    expect(body).toEqual(JSON.parse(JSON.stringify(runForecast('simulate', parsed.value))));
    expect(body.seed).toBe(TEAM_CASE.seed);
    // Spec: P85 = 23 weeks (seeded, so a small band around it).
    expect(body.percentile_stats.p85).toBeGreaterThanOrEqual(22);
    expect(body.percentile_stats.p85).toBeLessThanOrEqual(24);
  });

  it('gives the same answer on the pool as on the request thread', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/api/simulate', { ...TEAM_CASE, numberOfSimulations: 50_000 }],
      ['/api/forecast-when', { tpSamples: T12, backlog: 60, seed: 9, startDate: '2025-10-01' }],
      ['/api/forecast-how-many', { tpSamples: T12, days: 30, seed: 9 }],
    ];
    for (const [url, payload] of cases) {
      const a = await app.inject({ method: 'POST', url, payload });
      const b = await pooled.inject({ method: 'POST', url, payload });
      expect(a.statusCode, url).toBe(200);
      expect(b.json(), url).toEqual(a.json());
    }
    const team = parseForecast('simulate', TEAM_CASE);
    const tiny = parseForecast('when', { tpSamples: T12, backlog: 5, numberOfSimulations: 100 });
    if (!team.ok || !tiny.ok) throw new Error('the cases must validate');
    expect(pooled.forecastRunner.isLarge(tiny.value)).toBe(true);
    expect(app.forecastRunner.isLarge(team.value)).toBe(true);
    expect(app.forecastRunner.isLarge(tiny.value)).toBe(false);
  });

  it('serves every forecast path', async () => {
    const bodies: [string, Record<string, unknown>][] = [
      ['/api/mc-throughput', { tpSamples: T12, backlog: 30, seed: 1 }],
      [
        '/api/deadline-analysis',
        {
          tpSamples: [10, 10, 10, 10, 10, 10, 10, 10],
          backlog: 20,
          startDate: '2025-10-01',
          deadlineDate: '2025-10-16',
          seed: 1,
        },
      ],
      [
        '/api/cost-analysis',
        { optimistic: 3000, mostLikely: 5000, pessimistic: 10000, backlog: 50, seed: 1 },
      ],
      [
        '/api/risk-summary',
        {
          risks: [
            { likelihood: 30, lowImpact: 10, mediumImpact: 12, highImpact: 15 },
            { likelihood: 0.15, lowImpact: 5, mediumImpact: 7, highImpact: 10 },
          ],
        },
      ],
      [
        '/api/dependency-analysis',
        { dependencies: [{ onTimeProbability: 0.7 }, { onTimeProbability: 0.7 }], seed: 1 },
      ],
      ['/api/backtest', { tpSamples: T12, backlog: 20, seed: 1, numberOfSimulations: 1000 }],
      [
        '/api/accuracy-analysis',
        { forecasts: [10, 12, 8, 15, 11], actuals: [9.5, 13, 8.5, 14, 10] },
      ],
      ['/api/pbc-analysis', { values: [3, 3.1, 2.9, 3, 3.2, 2.8, 3, 3.1, 2.9, 3] }],
    ];
    for (const [url, payload] of bodies) {
      const res = await app.inject({ method: 'POST', url, payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(Object.keys(res.json() as object).length, url).toBeGreaterThan(0);
    }
  });

  it('turns work items into weekly throughput and lead times (/api/history)', async () => {
    const items = [
      { start: '2025-09-01', done: '2025-09-03' },
      { start: '2025-09-02', done: '2025-09-05' },
      { start: '2025-09-08', done: '2025-09-10' },
      { start: '2025-09-01', done: '2025-09-18' },
      { start: '2025-09-15', done: null },
    ];
    const res = await app.inject({ method: 'POST', url: '/api/history', payload: { items } });
    expect(res.statusCode, res.body).toBe(200);
    const parsed = parseRequest('history', { items });
    if (!parsed.ok) throw new Error('history body must validate');
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(runForecast('history', parsed.value))));
    const bad = await app.inject({
      method: 'POST',
      url: '/api/history',
      payload: { items: 'all' },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { field: string } }).error.field).toBe('items');
  });

  it('rejects bad bodies with 400 naming the field', async () => {
    const bad: [string, unknown, string][] = [
      ['/api/simulate', { tpSamples: 'lots', numberOfTasks: 5 }, 'tpSamples'],
      ['/api/simulate', { tpSamples: [0, 0], numberOfTasks: 5 }, 'tpSamples'],
      ['/api/simulate', { tpSamples: [1, 2], numberOfTasks: 5, teamFocus: 0 }, 'teamFocus'],
      [
        '/api/simulate',
        { tpSamples: [1, 2], numberOfTasks: 5, numberOfSimulations: 5e6 },
        'numberOfSimulations',
      ],
      ['/api/forecast-when', { tpSamples: [1, 2] }, 'backlog'],
      ['/api/cost-analysis', { optimistic: 5, mostLikely: 3, pessimistic: 10, backlog: 5 }, ''],
    ];
    for (const [url, payload, field] of bad) {
      const res = await app.inject({ method: 'POST', url, payload: payload as object });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      const err = (res.json() as { error: { code: string; field?: string; message: string } })
        .error;
      expect(err.code).toBe('FF_ERR_VALIDATION');
      if (field) expect(err.field).toBe(field);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('round-trips share links and refuses damaged ones', async () => {
    const input = { tpSamples: T12, numberOfTasks: 40, seed: 77 };
    const enc = await app.inject({
      method: 'POST',
      url: '/api/encode',
      payload: { kind: 'simulate', input },
    });
    expect(enc.statusCode).toBe(200);
    const { code } = enc.json() as { code: string };
    expect(code).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const dec = await app.inject({ method: 'POST', url: '/api/decode', payload: { code } });
    expect(dec.statusCode).toBe(200);
    expect(dec.json()).toEqual({ kind: 'simulate', input });

    // The web page's form rides along and comes back as given; the web app (CompressionStream)
    // reads the same code, so one written here opens in the browser and vice versa.
    const form = { tpText: '1, 2', scope: 'veryUnclear' };
    const withForm = await app.inject({
      method: 'POST',
      url: '/api/encode',
      payload: { kind: 'simulate', input, form },
    });
    const formCode = (withForm.json() as { code: string }).code;
    expect(await decodeShareCode(formCode)).toEqual({ kind: 'simulate', input, form });
    const fromBrowser = await encodeShareCode({ kind: 'simulate', input, form });
    const opened = await app.inject({
      method: 'POST',
      url: '/api/decode',
      payload: { code: fromBrowser },
    });
    expect(opened.json()).toEqual({ kind: 'simulate', input, form });
    const badForm = await app.inject({
      method: 'POST',
      url: '/api/encode',
      payload: { kind: 'simulate', input, form: [1] },
    });
    expect(badForm.statusCode).toBe(400);
    expect((badForm.json() as { error: { field: string } }).error.field).toBe('form');

    // A bare simulate body (the original's form) encodes too.
    const bare = await app.inject({ method: 'POST', url: '/api/encode', payload: input });
    expect((bare.json() as { code: string }).code).toBe(code);

    for (const broken of [
      code.slice(0, -6),
      'v2.' + code.slice(3),
      'hello',
      code.replace('v1.', 'v1.AAAA'),
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/decode',
        payload: { code: broken },
      });
      expect(res.statusCode, broken).toBe(400);
      expect((res.json() as { error: { field: string } }).error.field).toBe('code');
    }
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/encode',
      payload: { kind: 'simulate', input: { tpSamples: [0], numberOfTasks: 4 } },
    });
    expect(invalid.statusCode).toBe(400);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/encode',
      payload: {
        kind: 'simulate',
        input: { tpSamples: noise(9000), numberOfTasks: 4 },
        form: { note: random(MAX_SHARE_CODE_CHARS) },
      },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error).toMatchObject({ field: 'input', message: /the limit is 200,000/ });
  });

  it('opens the longest share code any writer makes and refuses one character more (issue 12)', async () => {
    const longest = codeOfLength(MAX_SHARE_CODE_CHARS);
    expect(longest.length).toBeGreaterThan(MAX_SHARE_CODE_CHARS - 4);
    const opened = await app.inject({
      method: 'POST',
      url: '/api/decode',
      payload: { code: longest },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().kind).toBe('simulate');
    const over = await app.inject({
      method: 'POST',
      url: '/api/decode',
      payload: { code: 'v1.' + 'A'.repeat(MAX_SHARE_CODE_CHARS - 2) },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toEqual({
      code: 'FF_ERR_VALIDATION',
      field: 'code',
      message: 'code: the share code is 200,001 characters; the limit is 200,000',
    });
  });

  it('keeps the event loop responsive while a million-run forecast runs', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    let done = false;
    const t0 = performance.now();
    const big = fetch(`${base}/api/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...TEAM_CASE, numberOfSimulations: 1_000_000 }),
    }).then(async (r) => {
      done = true;
      return { status: r.status, body: (await r.json()) as { percentile_stats: { p85: number } } };
    });
    const latencies: number[] = [];
    while (!done) {
      const s = performance.now();
      const r = await fetch(`${base}/ping`);
      expect(r.status).toBe(200);
      latencies.push(performance.now() - s);
      await sleep(10);
    }
    const result = await big;
    const elapsed = performance.now() - t0;
    expect(result.status).toBe(200);
    expect(result.body.percentile_stats.p85).toBeGreaterThanOrEqual(22);
    // The ping kept answering during the whole run, each within a fraction of it.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(Math.max(100, elapsed / 4));
  }, 60_000);

  it('stops a pool forecast whose client disconnects, and frees the threads', async () => {
    const abandoned: string[] = [];
    const own = await buildJobsApp(
      { poolWorkThreshold: 0 },
      { onAbandoned: (kind) => abandoned.push(kind) },
    );
    try {
      await own.listen({ port: 0, host: '127.0.0.1' });
      const address = own.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      // ~3,000 simulated weeks per run: a million runs would keep both threads busy for tens
      // of seconds; each batch takes a fraction of a second.
      const heavy = {
        tpSamples: T12,
        numberOfTasks: 20_000,
        maxWeeks: 5_200,
        numberOfSimulations: 1_000_000,
        seed: 5,
      };
      const client = new AbortController();
      const request = fetch(`http://127.0.0.1:${port}/api/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(heavy),
        signal: client.signal,
      }).catch((err: unknown) => err);
      await sleep(400);
      const abortedAt = performance.now();
      client.abort();
      expect(await request).toMatchObject({ name: 'AbortError' });
      while (abandoned.length === 0 && performance.now() - abortedAt < 10_000) await sleep(20);
      const stoppedAfter = performance.now() - abortedAt;
      expect(abandoned).toEqual(['simulate']);
      // The batches already on the threads finish (well under a second each); nothing after.
      expect(stoppedAfter).toBeLessThan(5_000);
      // The threads are free again: a small pool forecast answers without waiting for the heavy
      // one, which would hold both threads for tens of seconds (longer still on a loaded machine,
      // which slows both alike). The bound is generous so a busy CI machine does not flake it.
      const t = performance.now();
      const small = await own.inject({
        method: 'POST',
        url: '/api/simulate',
        payload: { ...TEAM_CASE, numberOfSimulations: 20_000 },
      });
      expect(small.statusCode).toBe(200);
      expect(performance.now() - t).toBeLessThan(10_000);
    } finally {
      await own.close();
    }
  }, 60_000);

  it('stops a synchronous pool forecast past the time limit and points to the async API', async () => {
    const own = await buildJobsApp({ poolWorkThreshold: 0, syncTimeoutMs: 300 });
    try {
      const t = performance.now();
      const res = await own.inject({
        method: 'POST',
        url: '/api/simulate',
        payload: {
          tpSamples: T12,
          numberOfTasks: 20_000,
          maxWeeks: 5_200,
          numberOfSimulations: 1_000_000,
          seed: 5,
        },
      });
      const elapsed = performance.now() - t;
      expect(res.statusCode).toBe(503);
      const { error } = res.json() as { error: { code: string; message: string } };
      expect(error.code).toBe('FF_ERR_SYNC_TIMEOUT');
      expect(error.message).toContain('POST /api/async/simulate');
      // The batches on the threads when the limit passed finish; nothing after them runs.
      expect(elapsed).toBeLessThan(5_000);
      // A forecast within the limit still answers.
      const small = await own.inject({ method: 'POST', url: '/api/simulate', payload: TEAM_CASE });
      expect(small.statusCode).toBe(200);
    } finally {
      await own.close();
    }
  }, 60_000);
});
