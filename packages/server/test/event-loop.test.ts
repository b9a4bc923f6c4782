/**
 * No forecast work of unbounded cost on the main thread: while adversarial forecasts run (a
 * heavy-tailed history whose every run goes on to maxWeeks, a three-point estimate with a
 * million-entry table, an import of such forecasts, async jobs of them), `/healthz` of a real
 * listening server keeps answering within a second, and SYNC_TIMEOUT_SECONDS stops the
 * synchronous ones, on both job back ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createForecastProcessor,
  createTaskPool,
  type BullWorkerHandle,
  type TaskPool,
} from '@flow-forecaster/worker';
import { startBullWorker } from '@flow-forecaster/worker/bull';
import { createTestApp, login } from './helper';
import type { Caller, TestApp } from './helper';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

const SYNC_TIMEOUT_MS = 3_000;

/** 4,999 weeks with nothing done and one huge week: the mean says ~2 items a week. */
const HEAVY_TAIL = [...Array.from({ length: 4_999 }, () => 0), 10_000];
const HEAVY_WHEN = {
  tpSamples: HEAVY_TAIL,
  backlog: 100_000,
  maxWeeks: 5_200,
  numberOfSimulations: 1_000_000,
  seed: 1,
};
const HEAVY_SIMULATE = {
  tpSamples: HEAVY_TAIL,
  numberOfTasks: 100_000,
  maxWeeks: 5_200,
  numberOfSimulations: 1_000_000,
  seed: 2,
};
/** A three-point estimate whose table has a million entries. */
const HUGE_ESTIMATE = {
  pBest: 0,
  pLikely: 999_000,
  pWorst: 1_000_000,
  numberOfTasks: 10,
  numberOfSimulations: 1_000,
  seed: 3,
};

type Backend = 'pool' | 'bullmq';

describe.each<Backend>(['pool', 'bullmq'])('the event loop on the %s back end', (backend) => {
  let t: TestApp;
  let base: string;
  let caller: Caller;
  let prefix: string | undefined;
  let workerPool: TaskPool | undefined;
  let worker: BullWorkerHandle | undefined;

  beforeAll(async () => {
    prefix = backend === 'bullmq' ? uniquePrefix('loop') : undefined;
    t = await createTestApp({
      db: 'pglite',
      config: backend === 'bullmq' ? { redisUrl: REDIS_URL } : {},
      build: {
        jobs: {
          syncTimeoutMs: SYNC_TIMEOUT_MS,
          timeoutMs: SYNC_TIMEOUT_MS,
          shutdownGraceMs: 0,
          threads: 2,
          prefix,
        },
      },
    });
    if (prefix) {
      // The BullMQ worker shares this process, as a small install may run it: its own main
      // thread work (merging batches) must be bounded too.
      workerPool = createTaskPool({ threads: 1 });
      worker = startBullWorker({
        redisUrl: REDIS_URL,
        prefix,
        concurrency: 2,
        processor: createForecastProcessor({ pool: workerPool }),
      });
      await worker.worker.waitUntilReady();
    }
    await login(t.app);
    caller = await login(t.app);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await worker?.close(true);
    await workerPool?.destroy();
    await t?.close();
    if (prefix) await deletePrefix(prefix);
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers /healthz within a second while adversarial forecasts run', async () => {
    const t0 = performance.now();
    const sync = [
      post('/api/forecast-when', HEAVY_WHEN),
      post('/api/simulate', HEAVY_SIMULATE),
      post('/api/simulate', HUGE_ESTIMATE),
      post(
        '/api/forecasts/import',
        {
          forecasts: [
            { kind: 'when', input: HEAVY_WHEN },
            { kind: 'simulate', input: HUGE_ESTIMATE },
          ],
        },
        caller.headers,
      ),
    ];
    const queued = await Promise.all([
      post('/api/async/when', HEAVY_WHEN),
      post('/api/async/simulate', HEAVY_SIMULATE),
    ]);
    for (const q of queued) expect(q.status).toBe(202);

    let settled = false;
    const all = Promise.allSettled(sync).then((r) => {
      settled = true;
      return r;
    });
    const latencies: number[] = [];
    while (!settled && performance.now() - t0 < 20_000) {
      const s = performance.now();
      const res = await fetch(`${base}/healthz`);
      latencies.push(performance.now() - s);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
    }
    const answers = await all;
    // The forecasts did run long enough to matter, and the limit ended the synchronous ones.
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    const [when, simulate] = answers;
    for (const a of [when, simulate]) {
      if (a.status !== 'fulfilled') throw a.reason;
      expect(a.value.status).toBe(503);
      expect(((await a.value.json()) as { error: { code: string } }).error.code).toBe(
        'FF_ERR_SYNC_TIMEOUT',
      );
    }
    expect(performance.now() - t0).toBeLessThan(SYNC_TIMEOUT_MS * 4 + 5_000);
  }, 60_000);
});
