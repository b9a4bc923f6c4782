/** The same routes on the BullMQ back end, with an in-process BullMQ worker on the real Redis. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  createForecastProcessor,
  createTaskPool,
  type BullWorkerHandle,
  type JobInfo,
  type TaskPool,
} from '@flow-forecaster/worker';
import { startBullWorker } from '@flow-forecaster/worker/bull';
import { TEAM_CASE, buildJobsApp, pollTask, sleep, submitSimulate, taskIdOf } from './jobs-app';
import { Redis } from 'ioredis';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

/** Stops the worker before the app so no job is left half-done, then clears the test's Redis keys. */
async function stopAll(s: {
  redis?: Redis;
  worker: BullWorkerHandle;
  pool: TaskPool;
  app: FastifyInstance;
  prefix: string;
}): Promise<void> {
  s.redis?.disconnect();
  await s.worker.close(true);
  await s.pool.destroy();
  await s.app.close();
  await deletePrefix(s.prefix);
}

describe('async routes on BullMQ', () => {
  const prefix = uniquePrefix('bullmq');
  let app: FastifyInstance;
  let pool: TaskPool;
  let worker: BullWorkerHandle;
  const saved: JobInfo[] = [];

  beforeAll(async () => {
    app = await buildJobsApp({
      redisUrl: REDIS_URL,
      prefix,
      saveResult: async (job) => {
        saved.push(job);
      },
    });
    pool = createTaskPool({ threads: 2 });
    worker = startBullWorker({
      redisUrl: REDIS_URL,
      prefix,
      concurrency: 2,
      processor: createForecastProcessor({ pool }),
    });
    await worker.worker.waitUntilReady();
  });
  afterAll(() => stopAll({ worker, pool, app, prefix }));

  it('runs a queued simulation to the synchronous result and saves it once', async () => {
    const headers = { 'x-test-user': 'carol' };
    const res = await app.inject({
      method: 'POST',
      url: '/api/async/simulate?save=true',
      headers,
      payload: TEAM_CASE,
    });
    expect(res.statusCode).toBe(202);
    const id = taskIdOf(res);
    const { body } = await pollTask(app, id, headers);
    expect(body.state).toBe('SUCCESS');
    const sync = await app.inject({ method: 'POST', url: '/api/simulate', payload: TEAM_CASE });
    expect(body.result).toEqual(sync.json());
    await app.inject({ url: `/api/tasks/${id}`, headers });
    await sleep(300);
    expect(saved.filter((j) => j.id === id)).toHaveLength(1);
    const list = (await app.inject({ url: '/api/tasks', headers })).json() as {
      items: { task_id: string }[];
    };
    expect(list.items.map((t) => t.task_id)).toEqual([id]);
  });

  it('reports Redis latency and live workers', async () => {
    const res = await app.inject({ url: '/api/async/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { redis: { status: string; latencyMs: number }; workers: number };
    expect(body.redis.status).toBe('ok');
    expect(body.redis.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.workers).toBe(1);
  });
});

/** POST /api/async/simulate from one client address. */
const submitFrom = (app: FastifyInstance, remoteAddress: string, payload: object = TEAM_CASE) =>
  app.inject({ method: 'POST', url: '/api/async/simulate', payload, remoteAddress });

/**
 * Two web nodes on one Redis prefix, as behind a load balancer, each allowing a client
 * `maxActivePerClient` active jobs; `close` closes both and removes the prefix's keys.
 */
async function twoNodes(name: string, maxActivePerClient: number) {
  const prefix = uniquePrefix(name);
  const nodeA = await buildJobsApp({ redisUrl: REDIS_URL, prefix }, { maxActivePerClient });
  const nodeB = await buildJobsApp({ redisUrl: REDIS_URL, prefix }, { maxActivePerClient });
  const close = async () => {
    await nodeA.close();
    await nodeB.close();
    await deletePrefix(prefix);
  };
  return { prefix, nodeA, nodeB, close };
}

describe('per-client job limit on BullMQ', () => {
  it('one anonymous address cannot queue more than its share (no worker: jobs stay queued)', async () => {
    const prefix = uniquePrefix('bullmq-limit');
    const app = await buildJobsApp({ redisUrl: REDIS_URL, prefix }, { maxActivePerClient: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await submitFrom(app, '10.6.0.1')).statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 429, 429]);
      const other = await submitFrom(app, '10.6.0.2');
      expect(other.statusCode).toBe(202);
    } finally {
      await app.close();
      await deletePrefix(prefix);
    }
  }, 60_000);

  it('holds across web nodes: two servers on one Redis share one limit per client', async () => {
    const { nodeA, nodeB, close } = await twoNodes('bullmq-nodes', 3);
    try {
      const post = (app: FastifyInstance, remoteAddress = '10.7.0.1') =>
        submitFrom(app, remoteAddress);
      // Alternating nodes, as a load balancer would: without a shared count each node would
      // take 3 (N nodes × the limit).
      const codes = [];
      for (const app of [nodeA, nodeB, nodeA, nodeB, nodeA, nodeB]) {
        codes.push((await post(app)).statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 429, 429, 429]);
      // Concurrent submissions cannot both take the last slot.
      const burst = await Promise.all(
        [nodeA, nodeB, nodeA, nodeB].map((app) => post(app, '10.7.0.2')),
      );
      expect(burst.filter((r) => r.statusCode === 202)).toHaveLength(3);
      expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(1);
      // A cancel on one node frees the slot on the other.
      const first = await post(nodeA, '10.7.0.3');
      await post(nodeA, '10.7.0.3');
      await post(nodeB, '10.7.0.3');
      expect((await post(nodeB, '10.7.0.3')).statusCode).toBe(429);
      const id = taskIdOf(first);
      expect((await nodeA.inject({ method: 'DELETE', url: `/api/tasks/${id}` })).statusCode).toBe(
        200,
      );
      expect((await post(nodeB, '10.7.0.3')).statusCode).toBe(202);
    } finally {
      await close();
    }
  }, 60_000);

  it('a finished job frees its slot on every node', async () => {
    const { prefix, nodeA, nodeB, close } = await twoNodes('bullmq-free', 1);
    const pool = createTaskPool({ threads: 1 });
    let worker: BullWorkerHandle | undefined;
    try {
      const post = (app: FastifyInstance) =>
        submitFrom(app, '10.7.1.1', { ...TEAM_CASE, numberOfSimulations: 1_000 });
      const first = await post(nodeA);
      expect(first.statusCode).toBe(202);
      expect((await post(nodeB)).statusCode).toBe(429);
      worker = startBullWorker({
        redisUrl: REDIS_URL,
        prefix,
        processor: createForecastProcessor({ pool }),
      });
      const id = taskIdOf(first);
      expect((await pollTask(nodeA, id)).body.state).toBe('SUCCESS');
      expect((await post(nodeB)).statusCode).toBe(202);
    } finally {
      await worker?.close(true);
      await pool.destroy();
      await close();
    }
  }, 60_000);
});

describe('results stored in Redis are bounded', () => {
  it('refuses a result over the per-result limit and keeps the total within its byte budget', async () => {
    const prefix = uniquePrefix('bullmq-results');
    const app = await buildJobsApp({ redisUrl: REDIS_URL, prefix, keepCompleted: 3 });
    const pool = createTaskPool({ threads: 1 });
    const small = { ...TEAM_CASE, numberOfSimulations: 1_000 };
    // One small result's size, to set the budget to two and a half of them.
    const size = Buffer.byteLength(
      (await app.inject({ method: 'POST', url: '/api/simulate', payload: small })).body,
    );
    const worker = startBullWorker({
      redisUrl: REDIS_URL,
      prefix,
      processor: createForecastProcessor({ pool }),
      maxResultBytes: size * 4,
      resultsBudgetBytes: Math.floor(size * 2.5),
    });
    const redis = new Redis(REDIS_URL);
    try {
      const run = async (payload: Record<string, unknown>) => {
        const res = await app.inject({ method: 'POST', url: '/api/async/simulate', payload });
        expect(res.statusCode).toBe(202);
        const id = taskIdOf(res);
        return { id, body: (await pollTask(app, id)).body };
      };
      const huge = await run({ ...small, includeRuns: true });
      expect(huge.body.state).toBe('FAILURE');
      expect((huge.body.error as { code: string; message: string }).code).toBe(
        'FF_ERR_RESULT_TOO_LARGE',
      );
      expect((huge.body.error as { message: string }).message).toMatch(/includeRuns/);

      const done = [];
      for (let i = 0; i < 4; i++) done.push(await run({ ...small, seed: 100 + i }));
      for (const d of done) expect(d.body.state).toBe('SUCCESS');
      const still = await Promise.all(
        done.map(async (d) => (await app.inject({ url: `/api/tasks/${d.id}` })).statusCode),
      );
      // Two results fit in the budget: the older ones were removed early.
      expect(still).toEqual([404, 404, 200, 200]);
      const total = Number(await redis.get(`${prefix}:ffmeta:result-total`));
      expect(total).toBeLessThanOrEqual(size * 2.5);
      expect(total).toBeGreaterThan(size);
      // And never more completed jobs than keepCompleted, whatever their size.
      expect(await redis.zcard(`${prefix}:forecasts:completed`)).toBeLessThanOrEqual(3);
    } finally {
      await stopAll({ redis, worker, pool, app, prefix });
    }
  }, 60_000);

  it('keeps at most keepCompleted finished jobs however small', async () => {
    const prefix = uniquePrefix('bullmq-keep');
    const app = await buildJobsApp({ redisUrl: REDIS_URL, prefix, keepCompleted: 2 });
    const pool = createTaskPool({ threads: 1 });
    const worker = startBullWorker({
      redisUrl: REDIS_URL,
      prefix,
      processor: createForecastProcessor({ pool }),
    });
    const redis = new Redis(REDIS_URL);
    try {
      for (let i = 0; i < 4; i++) {
        const res = await submitSimulate(app, {
          payload: { ...TEAM_CASE, numberOfSimulations: 500, seed: i + 1 },
        });
        const id = taskIdOf(res);
        expect((await pollTask(app, id)).body.state).toBe('SUCCESS');
      }
      expect(await redis.zcard(`${prefix}:forecasts:completed`)).toBe(2);
    } finally {
      await stopAll({ redis, worker, pool, app, prefix });
    }
  }, 60_000);
});
