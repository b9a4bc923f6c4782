import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { JobInfo } from '@flow-forecaster/worker';
import {
  TEAM_CASE,
  T12,
  buildJobsApp,
  pollTask,
  sleep,
  submitSimulate,
  taskIdOf,
} from './jobs-app';

const alice = { 'x-test-user': 'alice' };
const bob = { 'x-test-user': 'bob' };

describe('async forecast routes (in-process back end)', () => {
  let app: FastifyInstance;
  const saved: JobInfo[] = [];
  beforeAll(async () => {
    app = await buildJobsApp({
      saveResult: async (job) => {
        await sleep(5);
        saved.push(job);
      },
    });
  });
  afterAll(() => app.close());

  it('queues a simulation (202) whose result equals the synchronous endpoint’s', async () => {
    const res = await submitSimulate(app);
    expect(res.statusCode).toBe(202);
    const body = res.json() as {
      task_id: string;
      status: string;
      message: string;
      poll_url: string;
    };
    expect(body.status).toBe('PENDING');
    expect(body.poll_url).toBe(`/api/tasks/${body.task_id}`);
    expect(body.message).toMatch(/poll/i);
    const { body: task } = await pollTask(app, body.task_id);
    expect(task.state).toBe('SUCCESS');
    expect(task.progress).toBe(100);
    const sync = await app.inject({ method: 'POST', url: '/api/simulate', payload: TEAM_CASE });
    expect(task.result).toEqual(sync.json());
  });

  it('accepts the three-point request shape and other kinds under /api/async/<kind>', async () => {
    const threePoint = {
      targetOutcome: 40,
      pBest: 8,
      pWorst: 3,
      pLikely: 5,
      sCurveSize: 10,
      nSimulations: 2000,
      confidence: 0.85,
      seed: 3,
    };
    const a = await submitSimulate(app, { payload: threePoint });
    expect(a.statusCode).toBe(202);
    expect((await pollTask(app, taskIdOf(a))).body.state).toBe('SUCCESS');

    const when = { tpSamples: T12, backlog: 30, seed: 5 };
    for (const kind of ['when', 'forecast-when', 'mc-throughput']) {
      const r = await app.inject({ method: 'POST', url: `/api/async/${kind}`, payload: when });
      expect(r.statusCode, kind).toBe(202);
      const { body } = await pollTask(app, taskIdOf(r));
      const sync = await app.inject({ method: 'POST', url: '/api/forecast-when', payload: when });
      expect(body.result, kind).toEqual(sync.json());
    }
  });

  it('fixes the seed at submission, so a re-run (e.g. after a worker crash) repeats the numbers', async () => {
    const { seed: _seed, ...unseeded } = TEAM_CASE as typeof TEAM_CASE & { seed?: number };
    const res = await submitSimulate(app, { payload: unseeded });
    expect(res.statusCode).toBe(202);
    const id = taskIdOf(res);
    const queued = await app.jobs.get(id);
    const seed = (queued?.input as { seed?: unknown } | undefined)?.seed;
    expect(typeof seed).toBe('number');
    const { body: task } = await pollTask(app, id);
    expect((task.result as { seed: number }).seed).toBe(seed);
  });

  it('validates before queueing', async () => {
    const bad = await submitSimulate(app, { payload: { tpSamples: [1] } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('FF_ERR_VALIDATION');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/async/launch-rocket',
      payload: {},
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { error: { field: string } }).error.field).toBe('kind');
  });

  it('shows progress while running and cancels a running job', async () => {
    const res = await submitSimulate(app, {
      headers: alice,
      payload: { ...TEAM_CASE, numberOfSimulations: 1_000_000, numberOfTasks: 500 },
    });
    const id = taskIdOf(res);
    let mid: Record<string, unknown> | undefined;
    for (let i = 0; i < 500 && !mid; i++) {
      const t = (await app.inject({ url: `/api/tasks/${id}`, headers: alice })).json() as Record<
        string,
        unknown
      >;
      if (t.state === 'PROGRESS' && (t.progress as number) > 0) mid = t;
      else await sleep(10);
    }
    expect(mid).toBeDefined();
    expect(mid!.progress as number).toBeLessThan(100);
    expect(mid!.status).toMatch(/^Running/);
    const t0 = Date.now();
    const del = await app.inject({ method: 'DELETE', url: `/api/tasks/${id}`, headers: alice });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ task_id: id, cancelled: true, state: 'REVOKED' });
    const { body } = await pollTask(app, id, alice);
    expect(body.state).toBe('REVOKED');
    expect(Date.now() - t0).toBeLessThan(1_000);
  }, 30_000);

  it('shows a job only to its owner; anonymous ids are capabilities', async () => {
    const mine = await submitSimulate(app, { headers: alice });
    const id = taskIdOf(mine);
    await pollTask(app, id, alice);
    expect((await app.inject({ url: `/api/tasks/${id}`, headers: bob })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/tasks/${id}` })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/tasks/${id}`, headers: bob })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: '/api/tasks/not-a-uuid', headers: alice })).statusCode).toBe(
      404,
    );

    const list = (await app.inject({ url: '/api/tasks', headers: alice })).json() as {
      items: { task_id: string }[];
    };
    expect(list.items.map((t) => t.task_id)).toContain(id);
    const bobs = (await app.inject({ url: '/api/tasks', headers: bob })).json() as {
      items: unknown[];
    };
    expect(bobs.items).toEqual([]);
    expect((await app.inject({ url: '/api/tasks' })).statusCode).toBe(401);

    const anon = await submitSimulate(app);
    const anonId = taskIdOf(anon);
    expect((await pollTask(app, anonId)).body.state).toBe('SUCCESS');
    expect((await app.inject({ url: `/api/tasks/${anonId}`, headers: bob })).statusCode).toBe(200);
  });

  it('saves ?save=true results once however often they are polled, and only for logged-in users', async () => {
    const anon = await submitSimulate(app, { query: '?save=true' });
    expect(anon.statusCode).toBe(401);
    const res = await submitSimulate(app, { query: '?save=true', headers: alice });
    const id = taskIdOf(res);
    await pollTask(app, id, alice);
    await Promise.all([1, 2, 3].map(() => app.inject({ url: `/api/tasks/${id}`, headers: alice })));
    await sleep(50);
    const mine = saved.filter((j) => j.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0].save).toEqual({ userId: 'alice' });
    expect(mine[0].result).toBeDefined();
    expect(mine[0].input).toMatchObject({ numberOfTasks: 50 });
  });

  it('reports health with worker count', async () => {
    const res = await app.inject({ url: '/api/async/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(body.status).toBe('healthy');
    expect(body.workers).toBe(2);
    expect(body.redis).toMatchObject({ status: 'not configured' });
    expect(typeof body.timestamp).toBe('string');
  });
});

describe('async routes: limits and outages', () => {
  it('reports a save the database refused as a failure, attempted once, with the result kept', async () => {
    let attempts = 0;
    const app = await buildJobsApp({
      saveResult: async () => {
        attempts++;
        // What PostgreSQL answers for a NUL byte in text (SQLSTATE 22021), wrapped as drizzle does.
        throw new Error('Failed query', {
          cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
            code: '22021',
          }),
        });
      },
    });
    try {
      const res = await submitSimulate(app, { query: '?save=true', headers: alice });
      const id = taskIdOf(res);
      await pollTask(app, id, alice);
      const polls = [];
      for (let i = 0; i < 3; i++) {
        polls.push((await app.inject({ url: `/api/tasks/${id}`, headers: alice })).json());
      }
      for (const task of polls) {
        expect(task.state).toBe('FAILURE');
        expect(task.error.code).toBe('FF_ERR_SAVE_FAILED');
        expect(task.result).toBeDefined();
      }
      expect(attempts).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('limits the jobs one client has waiting or running, per user and per anonymous address', async () => {
    const rejected: string[] = [];
    const app = await buildJobsApp(
      { concurrency: 1 },
      { maxActivePerClient: 2, onRejected: (reason) => rejected.push(reason) },
    );
    try {
      const big = { ...TEAM_CASE, numberOfSimulations: 1_000_000, numberOfTasks: 500 };
      const post = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
        app.inject({
          method: 'POST',
          url: '/api/async/simulate',
          payload: big,
          headers,
          remoteAddress,
        });
      const anon = [];
      for (let i = 0; i < 3; i++) anon.push(await post({}, '10.5.0.1'));
      expect(anon.map((r) => r.statusCode)).toEqual([202, 202, 429]);
      expect(anon[2].json().error.code).toBe('FF_ERR_RATE_LIMITED');
      // Someone else is not affected: another address, a user.
      expect((await post({}, '10.5.0.2')).statusCode).toBe(202);
      const mine = [(await post(alice)).statusCode, (await post(alice)).statusCode];
      expect(mine).toEqual([202, 202]);
      expect((await post(alice)).statusCode).toBe(429);
      // Cancelling frees a slot.
      const first = (anon[0].json() as { task_id: string }).task_id;
      expect((await app.inject({ method: 'DELETE', url: `/api/tasks/${first}` })).statusCode).toBe(
        200,
      );
      expect((await post({}, '10.5.0.1')).statusCode).toBe(202);
      // Counted for the ff_jobs_rejected_total metric.
      expect(rejected).toEqual(['per_client', 'per_client']);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('answers 429 when the queue is full', async () => {
    const app = await buildJobsApp({ concurrency: 1, maxQueued: 1 });
    try {
      const big = { ...TEAM_CASE, numberOfSimulations: 1_000_000, numberOfTasks: 500 };
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        codes.push((await submitSimulate(app, { payload: big })).statusCode);
      }
      expect(codes.slice(0, 2)).toEqual([202, 202]);
      expect(codes[2]).toBe(429);
    } finally {
      await app.close();
    }
  }, 30_000);

  it('answers 503 fast when Redis is unreachable while sync forecasts keep working', async () => {
    const app = await buildJobsApp({ redisUrl: 'redis://127.0.0.1:1', prefix: 'fftest-down' });
    try {
      const t0 = performance.now();
      const res = await submitSimulate(app);
      expect(res.statusCode).toBe(503);
      expect((res.json() as { error: { message: string } }).error.message).toMatch(/unavailable/i);
      expect(performance.now() - t0).toBeLessThan(1_000);
      const health = await app.inject({ url: '/api/async/health' });
      expect(health.statusCode).toBe(503);
      expect((health.json() as { redis: { status: string } }).redis.status).toBe('down');
      const sync = await app.inject({ method: 'POST', url: '/api/simulate', payload: TEAM_CASE });
      expect(sync.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  }, 20_000);
});
