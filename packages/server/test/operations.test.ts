import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestApp, databases, login, postAs, uniqueEmail, PASSWORD } from './helper';
import type { TestApp } from './helper';
import { REDACT_PATHS } from '../src/app';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe('bad requests never become 500s', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite', config: { bodyLimit: 64 * 1024 } });
    headers = (await login(t.app)).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (
    payload: string | object,
    extra: Record<string, string> = {},
    url = '/api/projects',
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers, ...extra },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('answers invalid JSON with 400 FF_ERR_INVALID_JSON', async () => {
    for (const body of ['{"name": ', '{name: 1}', 'NaN', '{"name": NaN}']) {
      const res = await send(body);
      expect(res.statusCode, body).toBe(400);
      expect(res.json().error.code, body).toBe('FF_ERR_INVALID_JSON');
    }
  });

  it('answers a body over the limit with 413', async () => {
    const res = await send({ name: 'x'.repeat(100 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FF_ERR_BODY_TOO_LARGE');
  });

  it('answers a wrong content type with 400', async () => {
    const res = await send('name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FF_ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers wrong types, missing fields, huge arrays and deep nesting with 400 and a field', async () => {
    // Built as text: JSON.stringify itself recurses and would overflow first.
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const deepObject = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const cases: [string, object | string][] = [
      ['/api/projects', { name: 42 }],
      ['/api/projects', {}],
      ['/api/projects', { name: ['a'] }],
      ['/api/projects', { name: { $gt: '' } }],
      ['/api/forecasts', { kind: 'simulate', input: { tpSamples: 'many', numberOfTasks: 5 } }],
      [
        '/api/forecasts',
        { kind: 'simulate', input: { tpSamples: new Array(20_000).fill(1), numberOfTasks: 5 } },
      ],
      ['/api/forecasts', `{"kind":"simulate","input":{"tpSamples":${deep},"numberOfTasks":5}}`],
      ['/api/forecasts', `{"kind":"simulate","input":${deepObject}}`],
      ['/api/projects', `{"name":${deepObject}}`],
      ['/api/forecasts', { kind: 'when', input: { tpSamples: T12, backlog: -1 } }],
      ['/api/actuals', { forecastId: 'nope', actualWeeks: 3 }],
    ];
    for (const [url, payload] of cases) {
      const res = await send(payload, {}, url);
      const label = `${url} ${(typeof payload === 'string' ? payload : JSON.stringify(payload)).slice(0, 60)}`;
      expect(res.statusCode, label).toBe(400);
      const error = res.json().error;
      expect(error.code, label).toBe('FF_ERR_VALIDATION');
      expect(typeof error.message, label).toBe('string');
      expect(error.field, label).toBeTruthy();
      expect(res.body, label).not.toMatch(/at \w+ \(|node_modules/);
    }
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('FF_ERR_ROUTE_NOT_FOUND');
  });
});

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exposes Prometheus metrics by route pattern and counts forecasts', async () => {
    const c = await login(t.app);
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/forecasts',
      headers: c.headers,
      payload: {
        kind: 'simulate',
        input: { tpSamples: T12, numberOfTasks: 30, numberOfSimulations: 500, seed: 1 },
      },
    });
    expect(saved.statusCode).toBe(201);
    await t.app.inject({ url: `/api/forecasts/${saved.json().id}`, headers: c.headers });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const text = res.body;
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/forecasts\/:id",status="200"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*route="\/api\/forecasts\/:id"/,
    );
    expect(text).toMatch(/ff_forecasts_total\{kind="simulate"\} 1/);
    expect(text).toMatch(/ff_simulation_runs_total 500/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
    expect(text).not.toContain(saved.json().id);
  });

  it('serves an OpenAPI document and the docs page', async () => {
    const doc = await t.app.inject({ url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/projects', '/api/forecasts']),
    );
    const login = spec.paths['/api/auth/login'].post;
    expect(JSON.stringify(login.requestBody)).toContain('password');
    const page = await t.app.inject({ url: '/docs/' });
    expect(page.statusCode).toBe(200);
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'req-123' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('says the web app is not built when dist is missing', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/not been built/);
  });

  it.each(databases)('reports not ready (503) when the %s database is closed', async (db) => {
    const s = await createTestApp({ db });
    try {
      expect((await s.app.inject('/readyz')).statusCode).toBe(200);
      const c = await login(s.app);
      await s.app.database.close();
      const res = await s.app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json().database.status).toBe('down');
      expect((await s.app.inject('/health')).statusCode).toBe(503);
      // API calls that need the database say it is unavailable rather than failing with 500.
      const api = await s.app.inject({ url: '/api/projects', headers: c.headers });
      expect(api.statusCode).toBe(503);
      expect(api.json().error.code).toBe('FF_ERR_UNAVAILABLE');
      expect((await s.app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      db: 'pglite',
      config: { rateLimit: { max: 8, windowSeconds: 60, authMax: 3 } },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('limits per user, so classmates behind one address are not locked out', async () => {
    // login() itself makes requests (register + login): they count against the address.
    const users = [];
    for (let i = 0; i < 3; i++) users.push(await login(t.app));
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (await t.app.inject({ url: '/api/projects', headers: users[0].headers })).statusCode,
      );
    }
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    const limited = await t.app.inject({ url: '/api/projects', headers: users[0].headers });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('FF_ERR_RATE_LIMITED');
    // Same address, other users: still served.
    for (const u of users.slice(1)) {
      expect((await t.app.inject({ url: '/api/projects', headers: u.headers })).statusCode).toBe(
        200,
      );
    }
    // Health and metrics are never limited.
    for (let i = 0; i < 12; i++) expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });

  it('limits password guessing on one account more strictly', async () => {
    const email = uniqueEmail();
    const codes = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: `guess number ${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
    // Sign-ups from one address are limited too, whatever the emails (3 × authMax).
    const signUps = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        remoteAddress: '10.9.8.7',
        payload: { email: uniqueEmail('spam'), password: PASSWORD },
      });
      signUps.push(res.statusCode);
    }
    expect(signUps.filter((s) => s === 201)).toHaveLength(9);
    expect(signUps.slice(9)).toEqual([429, 429, 429]);
    // Another account from the same address can still log in.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail(), password: PASSWORD },
    });
    expect(other.statusCode).toBe(401);
  });
});

describe('web app serving', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ff-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>FF</title><div id="root"></div>',
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app");'.repeat(200));
    t = await createTestApp({ db: 'pglite', config: { webDist: dist } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('caches hashed assets for a year and revalidates index.html', async () => {
    const asset = await t.app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await t.app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toContain('id="root"');
  });

  it('falls back to index.html for client routes but not for the API or missing assets', async () => {
    const page = await t.app.inject({ url: '/projects/42', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="root"');
    const api = await t.app.inject({ url: '/api/unknown', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('FF_ERR_ROUTE_NOT_FOUND');
    const asset = await t.app.inject({ url: '/assets/gone.js', headers: { accept: 'text/html' } });
    expect(asset.statusCode).toBe(404);
  });

  it('compresses responses over real HTTP', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = await res.text(); // fetch decodes gzip itself
    expect(body).toContain('console.log');
    const api = await fetch(`${address}/healthz`);
    expect(await api.json()).toEqual({ status: 'ok' });
  });
});

describe('logs', () => {
  it('are JSON with request ids and never contain passwords, tokens or cookies', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        cb();
      },
    });
    const logger = pino({ level: 'info', redact: REDACT_PATHS }, stream);
    const t = await createTestApp({ db: 'pglite', build: { loggerInstance: logger } });
    try {
      const c = await login(t.app, uniqueEmail(), 'super secret words');
      await t.app.inject({ url: '/api/projects', headers: c.headers });
      await t.app.inject({
        url: '/api/projects',
        headers: { authorization: 'Bearer ff_leaky_token' },
      });
      // Without SMTP settings the reset link goes to the log: the one secret that must.
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/forgot-password',
        payload: { email: c.user.email },
      });
      await new Promise((r) => setTimeout(r, 50));
      const mailLine = lines.find((l) => l.includes('SMTP is not configured'));
      expect(mailLine).toMatch(/http:\/\/localhost:8080\/#\/reset-password\?token=[\w%-]{20,}/);
      const all = lines.filter((l) => l !== mailLine).join('\n');
      expect(lines.length).toBeGreaterThan(3);
      const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string });
      expect(parsed.some((l) => typeof l.reqId === 'string')).toBe(true);
      expect(all).not.toContain('super secret words');
      expect(all).not.toContain('ff_leaky_token');
      expect(all).not.toContain(c.csrfToken!);
      expect(all).not.toContain(c.headers.cookie.split('=')[1]);
    } finally {
      await t.close();
    }
  });
});

describe('JSON bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('treats an empty JSON body as no body', async () => {
    const c = await login(t.app);
    const project = (
      await t.app.inject({
        method: 'POST',
        url: '/api/projects',
        headers: c.headers,
        payload: { name: 'p' },
      })
    ).json();
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/projects/${project.id}`,
      headers: { ...c.headers, 'content-type': 'application/json' },
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().archived).toBe(true);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { ...c.headers, 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('name');
  });

  it('still rejects prototype poisoning', async () => {
    const c = await login(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { ...c.headers, 'content-type': 'application/json' },
      payload: '{"name":"x","__proto__":{"admin":true}}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FF_ERR_INVALID_JSON');
  });
});

describe('REQUIRE_LOGIN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite', config: { requireLogin: true } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks anonymous callers to log in and cookie callers for their CSRF token', async () => {
    const body = { tpSamples: T12, backlog: 20, seed: 1 };
    const anon = await t.app.inject({ method: 'POST', url: '/api/forecast-when', payload: body });
    expect(anon.statusCode).toBe(401);
    const c = await login(t.app);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/forecast-when',
      headers: { cookie: c.headers.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('FF_ERR_CSRF');
    const ok = await postAs(t.app, c, '/api/forecast-when', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().percentile_stats.p85).toBeGreaterThan(0);
  });
});
