/**
 * Limits that fit workshops, and clear degradation when a dependency goes away.
 *
 * A classroom shares one address: logged-in participants are limited each on their own, only
 * anonymous callers share the address's budget, WORKSHOP_MODE raises the budgets, and health
 * and metrics are never limited. When Redis or PostgreSQL really goes down (a Redis server
 * of this test's own is killed; the test database stops accepting connections), health says
 * which and how slow, async endpoints answer 503 at once every time, synchronous forecasts
 * keep working, and everything recovers when the dependency is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config';
import { createTestApp, login, adminQuery } from './helper';
import type { Caller, TestApp } from './helper';
import { freePort, startProcess, stopGracefully, waitFor } from './ops-support';
import type { Proc } from './ops-support';

const FORECAST = {
  tpSamples: [5, 6, 7, 4, 8, 6],
  numberOfTasks: 30,
  numberOfSimulations: 1000,
  seed: 4,
};

describe('rate limits for a classroom behind one address', () => {
  const MAX = 6;
  let t: TestApp;
  const students: Caller[] = [];
  beforeAll(async () => {
    t = await createTestApp({
      db: 'pglite',
      // Room for a class of 12 to register and log in from one address.
      config: { rateLimit: { max: MAX, windowSeconds: 60, authMax: 12 } },
    });
    for (let i = 0; i < 12; i++) students.push(await login(t.app));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const forecast = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/simulate', headers, payload: FORECAST });

  it('gives every logged-in participant their own budget, the anonymous address one', async () => {
    // Anonymous callers from the room's address exhaust the address's budget…
    const anonymous: number[] = [];
    for (let i = 0; i < MAX + 2; i++) anonymous.push((await forecast()).statusCode);
    expect(anonymous.slice(0, MAX).every((s) => s === 200)).toBe(true);
    expect(anonymous.slice(MAX)).toEqual([429, 429]);
    // …while each of 12 students from the same address still gets all of theirs.
    for (const s of students) {
      const codes: number[] = [];
      for (let i = 0; i < MAX - 1; i++) codes.push((await forecast(s.headers)).statusCode);
      expect(
        codes.every((c) => c === 200),
        `student codes ${codes.join(',')}`,
      ).toBe(true);
    }
    // And a student is limited on their own budget too.
    const over: number[] = [];
    for (let i = 0; i < 3; i++) over.push((await forecast(students[0].headers)).statusCode);
    expect(over).toContain(429);
    const limited = await forecast(students[0].headers);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('FF_ERR_RATE_LIMITED');
  });

  it('never limits health and metrics, even for an address over its budget', async () => {
    expect((await forecast()).statusCode).toBe(429);
    for (const url of ['/healthz', '/readyz', '/health', '/metrics', '/api/async/health']) {
      for (let i = 0; i < MAX + 2; i++) {
        const res = await t.app.inject({ url });
        expect(res.statusCode, url).toBe(200);
      }
    }
  });

  it('raises every budget in WORKSHOP_MODE', () => {
    const normal = loadConfig({});
    const workshop = loadConfig({ WORKSHOP_MODE: 'true' });
    expect(workshop.rateLimit.max).toBeGreaterThanOrEqual(normal.rateLimit.max * 2);
    expect(workshop.rateLimit.authMax).toBeGreaterThanOrEqual(normal.rateLimit.authMax * 2);
    // 30 participants forecasting and saving every 10 s stay inside their own budget.
    expect(workshop.rateLimit.max).toBeGreaterThan((60 / 10) * 3);
  });
});

const admin = adminQuery;

interface Dependency {
  status: string;
  latencyMs?: number;
}
interface Health {
  database: Dependency;
  redis: Dependency;
}

function startRedis(port: number): Proc {
  return startProcess(
    `redis ${port}`,
    [
      'redis-server',
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    {},
  );
}

describe('degradation when Redis or PostgreSQL goes down', () => {
  let t: TestApp;
  let redis: Proc;
  let redisPort: number;
  beforeAll(async () => {
    redisPort = await freePort();
    redis = startRedis(redisPort);
    await waitFor(
      'redis',
      async () => /Ready to accept connections/.test(redis.output()),
      10_000,
      50,
    );
    t = await createTestApp({
      db: 'postgres',
      config: { redisUrl: `redis://127.0.0.1:${redisPort}` },
      build: { jobs: { prefix: `fftest-degrade-${randomBytes(4).toString('hex')}` } },
    });
  }, 60_000);
  afterAll(async () => {
    const name = t ? new URL(t.config.databaseUrl as string).pathname.slice(1) : '';
    if (name) await admin(`alter database ${name} allow_connections true`).catch(() => undefined);
    await t?.close();
    await stopGracefully(redis, 2_000);
  });

  const submit = () =>
    t.app.inject({ method: 'POST', url: '/api/async/simulate', payload: FORECAST });
  const metric = async (name: string, dependency: string) => {
    const body = (await t.app.inject('/metrics')).body;
    const m = new RegExp(`^${name}\\{dependency="${dependency}"\\} (\\S+)$`, 'm').exec(body);
    return m ? Number(m[1]) : undefined;
  };

  it('Redis down: health names it with its latency, async is 503 at once every time, sync works', async () => {
    expect((await submit()).statusCode).toBe(202);
    expect(await metric('ff_dependency_up', 'redis')).toBe(1);

    await stopGracefully(redis, 2_000);
    const health = await waitFor<Health>(
      'health to notice',
      async () => {
        const res = await t.app.inject('/api/async/health');
        return res.statusCode === 503 ? (res.json() as Health) : undefined;
      },
      10_000,
    );
    expect(health.redis.status).toBe('down');
    expect(typeof health.redis.latencyMs).toBe('number');
    expect(health.database.status).toBe('ok');
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().queue.status).toBe('down');
    // The gauges reuse one probe per second of scrapes.
    await expect.poll(() => metric('ff_dependency_up', 'redis'), { timeout: 5_000 }).toBe(0);

    // No hangs and no retries: every submit while it is down fails fast.
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const res = await submit();
      times.push(performance.now() - t0);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('FF_ERR_UNAVAILABLE');
    }
    expect(Math.max(...times)).toBeLessThan(500);
    const sync = await t.app.inject({ method: 'POST', url: '/api/simulate', payload: FORECAST });
    expect(sync.statusCode).toBe(200);

    // Back on the same port: the queue reconnects by itself.
    redis = startRedis(redisPort);
    await waitFor('async to recover', async () => (await submit()).statusCode === 202, 20_000, 250);
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);
  }, 60_000);

  it('PostgreSQL down: health names the database, anonymous sync forecasts still work', async () => {
    const name = new URL(t.config.databaseUrl as string).pathname.slice(1);
    await admin(`alter database ${name} allow_connections false`);
    await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    );
    const health = await waitFor<Health>(
      'health to notice',
      async () => {
        const res = await t.app.inject('/api/async/health');
        return res.statusCode === 503 ? (res.json() as Health) : undefined;
      },
      15_000,
    );
    expect(health.database.status).toBe('down');
    expect(typeof health.database.latencyMs).toBe('number');
    expect(health.redis.status).toBe('ok');
    expect((await t.app.inject('/readyz')).statusCode).toBe(503);
    await expect.poll(() => metric('ff_dependency_up', 'database'), { timeout: 5_000 }).toBe(0);
    const sync = await t.app.inject({ method: 'POST', url: '/api/simulate', payload: FORECAST });
    expect(sync.statusCode).toBe(200);

    await admin(`alter database ${name} allow_connections true`);
    await waitFor(
      'readiness to recover',
      async () => (await t.app.inject('/readyz')).statusCode === 200,
      20_000,
      250,
    );
    await expect.poll(() => metric('ff_dependency_up', 'database'), { timeout: 5_000 }).toBe(1);
  }, 60_000);
});
