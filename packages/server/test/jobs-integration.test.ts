/**
 * The job routes inside the real app: real login, a real database of each kind, and for the
 * BullMQ case real worker processes on the real Redis, one of them SIGKILLed mid-job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, login, postAs } from './helper';
import type { TestApp } from './helper';
import { TEAM_CASE, pollTask, sleep, submitSimulate, taskIdOf } from './jobs-app';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';
import {
  startWorkerProcess,
  stopWorkerProcess,
  type WorkerProcess,
} from '../../worker/test/workers';

describe.each(databases)('jobs in the full app on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t?.close());

  it('saves a ?save=true job exactly once for its owner, and hides it from others', async () => {
    const owner = await login(t.app);
    const other = await login(t.app);
    const res = await submitSimulate(t.app, { headers: owner.headers, query: '?save=true' });
    expect(res.statusCode).toBe(202);
    const id = taskIdOf(res);
    const { body } = await pollTask(t.app, id, owner.headers);
    expect(body.state).toBe('SUCCESS');
    await Promise.all(
      [1, 2, 3].map(() => t.app.inject({ url: `/api/tasks/${id}`, headers: owner.headers })),
    );
    await sleep(100);
    const list = (await t.app.inject({ url: '/api/forecasts', headers: owner.headers })).json() as {
      items: { kind: string }[];
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0].kind).toBe('simulate');
    // Counted once as a forecast computed, however often it was polled.
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toMatch(/ff_forecasts_total\{kind="simulate"\} 1\n/);
    expect(metrics).toMatch(/ff_simulation_runs_total 10000\n/);
    expect(
      (await t.app.inject({ url: `/api/tasks/${id}`, headers: other.headers })).statusCode,
    ).toBe(404);
    const theirs = (
      await t.app.inject({ url: '/api/forecasts', headers: other.headers })
    ).json() as {
      items: unknown[];
    };
    expect(theirs.items).toHaveLength(0);
  }, 30_000);

  it('documents the forecast and job routes with their request schemas', async () => {
    const doc = (await t.app.inject('/docs/json')).json() as {
      paths: Record<
        string,
        {
          post?: { requestBody?: { content: Record<string, { schema: { properties?: object } }> } };
        }
      >;
    };
    for (const p of [
      '/api/simulate',
      '/api/forecast-when',
      '/api/async/simulate',
      '/api/tasks/{id}',
      '/api/encode',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const body = doc.paths['/api/simulate'].post?.requestBody?.content['application/json'].schema;
    expect(Object.keys(body?.properties ?? {})).toContain('tpSamples');
  });
});

describe('REQUIRE_LOGIN', () => {
  it('refuses anonymous forecasts and accepts logged-in ones', async () => {
    const t = await createTestApp({ db: 'pglite', config: { requireLogin: true } });
    try {
      const anon = await t.app.inject({ method: 'POST', url: '/api/simulate', payload: TEAM_CASE });
      expect(anon.statusCode).toBe(401);
      const anonAsync = await t.app.inject({
        method: 'POST',
        url: '/api/async/simulate',
        payload: TEAM_CASE,
      });
      expect(anonAsync.statusCode).toBe(401);
      const c = await login(t.app);
      const ok = await postAs(t.app, c, '/api/simulate', TEAM_CASE);
      expect(ok.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('jobs in the full app on BullMQ with worker processes', () => {
  const prefix = uniquePrefix('jobs');
  let t: TestApp;
  const procs: WorkerProcess[] = [];
  beforeAll(async () => {
    t = await createTestApp({
      db: 'pglite',
      config: { redisUrl: REDIS_URL },
      build: { jobs: { prefix } },
    });
    procs.push(await startWorkerProcess(prefix), await startWorkerProcess(prefix));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(procs.map(stopWorkerProcess));
    await t?.close();
    await deletePrefix(prefix);
  });

  it('recovers a job whose worker was SIGKILLed and saves its forecast once', async () => {
    const c = await login(t.app);
    const health = (await t.app.inject('/api/async/health')).json() as {
      workers: number;
      redis: { status: string };
    };
    expect(health.redis.status).toBe('ok');
    expect(health.workers).toBe(2);
    // Big enough to be caught mid-run on one thread.
    const payload = { ...TEAM_CASE, numberOfSimulations: 600_000, numberOfTasks: 400 };
    const res = await submitSimulate(t.app, { payload, headers: c.headers, query: '?save=true' });
    expect(res.statusCode).toBe(202);
    const id = taskIdOf(res);
    let victim: WorkerProcess | undefined;
    for (let i = 0; i < 400 && !victim; i++) {
      victim = procs.find((p) => p.ran(id));
      if (!victim) await sleep(10);
    }
    expect(victim).toBeDefined();
    await sleep(200);
    victim!.child.kill('SIGKILL');
    await victim!.exited;

    const { body } = await pollTask(t.app, id, c.headers, 45_000);
    expect(body.state).toBe('SUCCESS');
    const survivor = procs.find((p) => p !== victim)!;
    expect(survivor.ran(id)).toBe(true);
    await sleep(500);
    const list = (await t.app.inject({ url: '/api/forecasts', headers: c.headers })).json() as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(1);
  }, 90_000);
});
