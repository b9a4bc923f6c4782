/**
 * Scaled mode on one machine, started exactly as docker-compose.yml starts it: the migrate
 * service's command twice at once, two web processes (different ports) and two worker
 * processes, against the local PostgreSQL (a database of its own) and Redis (a key prefix of
 * its own). A user logs in on one node and keeps working on the other; a job submitted on one
 * is run by a worker and read on the other; a worker is killed mid-job and the job still
 * finishes; a web node is stopped and the other keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ADMIN_DATABASE_URL, PASSWORD, uniqueEmail, adminQuery } from './helper';
import {
  freePort,
  killTree,
  parseCompose,
  runToEnd,
  startProcess,
  stopGracefully,
  toArgv,
  waitFor,
  waitForHttp,
} from './ops-support';
import type { Proc } from './ops-support';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

const compose = parseCompose('docker-compose.yml');
const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

const admin = adminQuery;

/** Job ids a worker process has logged as started (its JSON log lines). */
function startedJobs(proc: Proc): Set<string> {
  const ids = new Set<string>();
  for (const line of proc.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const e = JSON.parse(line) as { msg?: string; jobId?: string };
      if (e.msg === 'job started' && e.jobId) ids.add(e.jobId);
    } catch {
      // a partial line
    }
  }
  return ids;
}

interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

describe('scaled mode: two web nodes and two workers on PostgreSQL and Redis', () => {
  const dbName = `ff_scaled_${randomBytes(5).toString('hex')}`;
  const prefix = uniquePrefix('scaled');
  const u = new URL(ADMIN_DATABASE_URL);
  u.pathname = `/${dbName}`;
  const env: Record<string, string> = {
    DATABASE_URL: u.toString(),
    REDIS_URL,
    JOB_QUEUE_PREFIX: prefix,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // One pool thread per process: four processes share this machine's cores.
    WORKER_THREADS: '1',
    // API only: `npm start` must not build the web app here (other suites read its dist).
    WEB_DIST: join(tmpdir(), 'ff-scaled-no-web'),
  };
  const webs: { proc: Proc; url: string }[] = [];
  const workers: Proc[] = [];

  beforeAll(async () => {
    await admin(`create database ${dbName}`);
  });
  afterAll(async () => {
    await Promise.all([
      ...webs.map((w) => stopGracefully(w.proc, 3_000)),
      ...workers.map((w) => stopGracefully(w, 3_000)),
    ]);
    await admin(`drop database if exists ${dbName} with (force)`);
    await deletePrefix(prefix);
  }, 60_000);

  it('migrates twice at once without racing (the compose migrate command)', async () => {
    const migrate = compose.services.migrate;
    const argv = toArgv(migrate.command);
    const runs = await Promise.all([
      runToEnd('migrate A', argv, { ...migrate.environment, ...env }),
      runToEnd('migrate B', argv, { ...migrate.environment, ...env }),
    ]);
    for (const r of runs) expect(r.code, r.output).toBe(0);
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    const tables = await c.query(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    await c.end();
    expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(
      expect.arrayContaining(['users', 'sessions', 'projects', 'forecasts', 'actuals']),
    );
  }, 120_000);

  it('starts two web nodes and two workers with the compose commands', async () => {
    const web = compose.services.web;
    const worker = compose.services.worker;
    const ports = [await freePort(), await freePort()];
    for (const [i, port] of ports.entries()) {
      const proc = startProcess(`web ${i}`, toArgv(web.command), {
        ...web.environment,
        ...env,
        PORT: String(port),
        APP_URL: `http://127.0.0.1:${port}`,
      });
      webs.push({ proc, url: `http://127.0.0.1:${port}` });
    }
    for (let i = 0; i < 2; i++) {
      workers.push(
        startProcess(`worker ${i}`, toArgv(worker.command), { ...worker.environment, ...env }),
      );
    }
    await Promise.all(webs.map((w) => waitForHttp(`${w.url}/readyz`, w.proc, 100_000)));
    const health = await waitFor(
      'two live workers',
      async () => {
        const res = await fetch(`${webs[1].url}/api/async/health`);
        const body = (await res.json()) as { workers: number; redis: { status: string } };
        return body.workers === 2 && body.redis.status === 'ok' ? body : undefined;
      },
      60_000,
    );
    expect(health.workers).toBe(2);
  }, 150_000);

  let session: Session;

  /** Submits a simulation as the logged-in user on one node; the job's task id. */
  async function submitJob(url: string, input: unknown, query = ''): Promise<string> {
    const res = await fetch(`${url}/api/async/simulate${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
      },
      body: JSON.stringify(input),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { task_id: string }).task_id;
  }

  it('logs in on one node and keeps working on the other', async () => {
    const [a, b] = webs;
    const email = uniqueEmail('scaled');
    const reg = await fetch(`${a.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(reg.status).toBe(201);
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const body = (await login.json()) as { user: { id: string }; csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('ff_session='));
    expect(cookie).toBeDefined();
    session = { cookie: cookie as string, csrf: body.csrfToken, userId: body.user.id };

    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(session.userId);

    const created = await fetch(`${b.url}/api/projects`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
      },
      body: JSON.stringify({ name: 'Made on node B' }),
    });
    expect(created.status).toBe(201);
    const listed = await fetch(`${a.url}/api/projects`, { headers: { cookie: session.cookie } });
    const items = ((await listed.json()) as { items: { name: string }[] }).items;
    expect(items.map((p) => p.name)).toContain('Made on node B');
  }, 60_000);

  it('runs a job submitted on one node on a worker and shows it on the other, saved once', async () => {
    const [a, b] = webs;
    const input = {
      tpSamples: T12,
      numberOfTasks: 60,
      totalContributors: 5,
      numberOfSimulations: 20_000,
      seed: 11,
    };
    const id = await submitJob(a.url, input, '?save=true');
    const done = await waitFor(
      'the job to finish',
      async () => {
        const res = await fetch(`${b.url}/api/tasks/${id}`, {
          headers: { cookie: session.cookie },
        });
        const body = (await res.json()) as {
          state: string;
          result?: { percentile_stats: Record<string, number> };
        };
        return body.state === 'SUCCESS' ? body : undefined;
      },
      60_000,
    );
    // The worker's answer is the synchronous one for the same seed.
    const sync = await fetch(`${b.url}/api/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const expected = (await sync.json()) as { percentile_stats: Record<string, number> };
    expect(done.result?.percentile_stats).toEqual(expected.percentile_stats);
    expect(workers.some((w) => startedJobs(w).has(id))).toBe(true);
    // Both nodes heard the completion; the forecast is saved exactly once.
    await new Promise((r) => setTimeout(r, 500));
    const saved = await fetch(`${a.url}/api/forecasts`, { headers: { cookie: session.cookie } });
    expect(((await saved.json()) as { items: unknown[] }).items).toHaveLength(1);
  }, 90_000);

  it('finishes a job whose worker is killed mid-run', async () => {
    const [a, b] = webs;
    // Big enough to be caught mid-run on one thread.
    const input = { tpSamples: T12, numberOfTasks: 400, numberOfSimulations: 1_000_000, seed: 5 };
    const id = await submitJob(b.url, input);
    const victim = await waitFor(
      'a worker to start the job',
      async () => workers.find((w) => startedJobs(w).has(id)),
      30_000,
      20,
    );
    killTree(victim);
    await victim.exited;
    const survivor = workers.find((w) => w !== victim) as Proc;
    const done = await waitFor(
      'the job to finish on the other worker',
      async () => {
        const res = await fetch(`${a.url}/api/tasks/${id}`, {
          headers: { cookie: session.cookie },
        });
        const body = (await res.json()) as { state: string };
        if (body.state === 'FAILURE' || body.state === 'REVOKED') throw new Error(body.state);
        return body.state === 'SUCCESS' ? body : undefined;
      },
      60_000,
      250,
    );
    expect(done.state).toBe('SUCCESS');
    expect(startedJobs(survivor).has(id)).toBe(true);
  }, 120_000);

  it('keeps serving on one node when the other is stopped', async () => {
    const [a, b] = webs;
    expect(await stopGracefully(a.proc)).toBe(0);
    await expect(fetch(`${a.url}/healthz`)).rejects.toThrow();
    const ready = await fetch(`${b.url}/readyz`);
    expect(ready.status).toBe(200);
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    const id = await submitJob(b.url, { tpSamples: T12, numberOfTasks: 30, seed: 2 });
    const done = await waitFor(
      'a job on the remaining node',
      async () => {
        const r = await fetch(`${b.url}/api/tasks/${id}`, { headers: { cookie: session.cookie } });
        const body = (await r.json()) as { state: string };
        return body.state === 'SUCCESS' ? body : undefined;
      },
      30_000,
    );
    expect(done.state).toBe('SUCCESS');
  }, 60_000);

  it("runs the worker container's health check: healthy while a worker runs here, not after", async () => {
    const check = toArgv(compose.services.worker.healthcheck?.test).slice(1);
    const checkEnv = { ...compose.services.worker.environment, ...env };
    const alive = await runToEnd('worker healthcheck', check, checkEnv);
    expect(alive.code, alive.output).toBe(0);
    await Promise.all(workers.map((w) => stopGracefully(w, 5_000)));
    // Heartbeats expire after 5 s.
    await new Promise((r) => setTimeout(r, 5_500));
    const dead = await runToEnd('worker healthcheck', check, checkEnv);
    expect(dead.code).toBe(1);
  }, 60_000);
});
