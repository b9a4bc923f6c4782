/**
 * Fault tolerance of the BullMQ back end with real worker processes and the real Redis:
 * a SIGKILLed worker's job is finished by another, SIGTERM drains, dropped connections come
 * back, and an unreachable Redis is refused fast instead of hanging the caller.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { QueueUnavailableError, type BullJobQueue, type JobInfo } from '../src/index';
import { createBullQueue } from '../src/bull';
import { REDIS_URL, deletePrefix, isFinal, sleep, uniquePrefix, waitFor } from './backends';
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from './workers';

const expectedChecksum = (steps: number, stepMs: number) => (steps * 7919 + stepMs) % 1_000_003;

describe('BullMQ back end with real worker processes', () => {
  let prefix = '';
  let queue: BullJobQueue | undefined;
  const workers: WorkerProcess[] = [];

  const setUp = async (count: number) => {
    prefix = uniquePrefix();
    queue = createBullQueue({ redisUrl: REDIS_URL, prefix });
    await queue.ready();
    for (let i = 0; i < count; i++) workers.push(await startWorkerProcess(prefix));
    return queue;
  };

  afterEach(async () => {
    await Promise.all(workers.map(stopWorkerProcess));
    workers.length = 0;
    await queue?.close();
    queue = undefined;
    if (prefix) await deletePrefix(prefix);
  });

  it('finishes a SIGKILLed worker’s job on another worker, announcing success once', async () => {
    const q = await setUp(2);
    const successes: JobInfo[] = [];
    q.onSuccess((job) => {
      successes.push(job);
    });
    await sleep(300); // let the event stream attach before the job can finish
    for (let i = 0; i < 30 && (await q.health()).workers !== 2; i++) await sleep(100);
    expect((await q.health()).workers).toBe(2);

    const id = await q.submit(
      'test-steps',
      { steps: 20, stepMs: 100 },
      {
        owner: 'u1',
        save: { userId: 'u1' },
      },
    );
    await waitFor(q, id, (s) => s === 'PROGRESS');
    await sleep(300);
    const victim = workers.find((w) => w.ran(id));
    expect(victim).toBeDefined();
    victim!.child.kill('SIGKILL');
    await victim!.exited;

    const info = await waitFor(q, id, isFinal, 25_000);
    expect(info.state).toBe('SUCCESS');
    expect(info.result).toEqual({ steps: 20, stepMs: 100, checksum: expectedChecksum(20, 100) });
    const survivor = workers.find((w) => w !== victim)!;
    // Its log line may trail the state change in Redis by a moment.
    const completedBy = (w: typeof survivor) =>
      w.logs.some((l) => l.msg === 'job completed' && l.jobId === id);
    for (let i = 0; i < 40 && !completedBy(survivor); i++) await sleep(50);
    expect(completedBy(survivor)).toBe(true);
    for (let i = 0; i < 50 && successes.length === 0; i++) await sleep(100);
    await sleep(500);
    expect(successes.filter((j) => j.id === id)).toHaveLength(1);
    expect(successes[0].save).toEqual({ userId: 'u1' });
    // The dead worker's heartbeat ages out.
    for (let i = 0; i < 80 && (await q.health()).workers !== 1; i++) await sleep(100);
    expect((await q.health()).workers).toBe(1);
  }, 45_000);

  it('finishes the running job on SIGTERM before exiting', async () => {
    const q = await setUp(1);
    const id = await q.submit('test-steps', { steps: 15, stepMs: 100 }, { owner: 'u' });
    await waitFor(q, id, (s) => s === 'PROGRESS');
    const w = workers[0];
    w.child.kill('SIGTERM');
    const code = await w.exited;
    expect(code).toBe(0);
    const info = await q.get(id);
    expect(info?.state).toBe('SUCCESS');
    expect(w.logs.some((l) => l.msg === 'job completed' && l.jobId === id)).toBe(true);
  }, 30_000);

  it('reconnects web and workers after their Redis connections are dropped', async () => {
    const q = await setUp(1);
    const before = await q.submit('test-steps', { steps: 1, stepMs: 10 }, { owner: 'u' });
    expect((await waitFor(q, before, isFinal, 10_000)).state).toBe('SUCCESS');

    // Drop only this test's connections (their names carry the unique prefix); the shared
    // Redis and other suites' clients are left alone.
    const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const list = await admin.client('LIST');
      const ids = String(list)
        .split('\n')
        .filter((line) => line.includes(`name=${prefix}`))
        .map((line) => /(?:^|\s)id=(\d+)/.exec(line)?.[1])
        .filter((x): x is string => x !== undefined);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      for (const cid of ids) await admin.client('KILL', 'ID', cid);
    } finally {
      admin.disconnect();
    }

    let after: string | undefined;
    for (let i = 0; i < 100 && !after; i++) {
      after = await q
        .submit('test-steps', { steps: 2, stepMs: 10 }, { owner: 'u' })
        .catch(() => undefined);
      if (!after) await sleep(100);
    }
    expect(after).toBeDefined();
    expect((await waitFor(q, after!, isFinal, 15_000)).state).toBe('SUCCESS');
  }, 40_000);

  it('refuses fast with 503 when Redis is unreachable', async () => {
    const dead = createBullQueue({ redisUrl: 'redis://127.0.0.1:1', prefix: uniquePrefix() });
    try {
      await sleep(100);
      const t0 = performance.now();
      const err = await dead.submit('simulate', {}, { owner: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueueUnavailableError);
      expect((err as QueueUnavailableError).statusCode).toBe(503);
      expect(performance.now() - t0).toBeLessThan(500);
      const h = await dead.health();
      expect(h.ok).toBe(false);
      expect(h.workers).toBe(0);
    } finally {
      await dead.close();
    }
  });
});
