/** The same routes on the BullMQ back end, with an in-process BullMQ worker on the real Redis. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  createForecastProcessor,
  createTaskPool,
  startBullWorker,
  type BullWorkerHandle,
  type JobInfo,
  type TaskPool,
} from '@flow-forecaster/worker';
import { TEAM_CASE, buildJobsApp, pollTask, sleep } from './jobs-app';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

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
  afterAll(async () => {
    await worker.close(true);
    await pool.destroy();
    await app.close();
    await deletePrefix(prefix);
  });

  it('runs a queued simulation to the synchronous result and saves it once', async () => {
    const headers = { 'x-test-user': 'carol' };
    const res = await app.inject({
      method: 'POST',
      url: '/api/async/simulate?save=true',
      headers,
      payload: TEAM_CASE,
    });
    expect(res.statusCode).toBe(202);
    const id = (res.json() as { task_id: string }).task_id;
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

describe('per-client job limit on BullMQ', () => {
  it('one anonymous address cannot queue more than its share (no worker: jobs stay queued)', async () => {
    const prefix = uniquePrefix('bullmq-limit');
    const app = await buildJobsApp({ redisUrl: REDIS_URL, prefix }, { maxActivePerClient: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/async/simulate',
          payload: TEAM_CASE,
          remoteAddress: '10.6.0.1',
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 429, 429]);
      const other = await app.inject({
        method: 'POST',
        url: '/api/async/simulate',
        payload: TEAM_CASE,
        remoteAddress: '10.6.0.2',
      });
      expect(other.statusCode).toBe(202);
    } finally {
      await app.close();
      await deletePrefix(prefix);
    }
  }, 60_000);
});
