/**
 * The two back ends as the conformance suite builds them. BullMQ runs against the real Redis
 * on 127.0.0.1:6379 under a unique key prefix that is deleted afterwards.
 */
import { createMemoryQueue, type JobQueue, type Processor } from '../src/index';
import { createBullQueue, startBullWorker } from '../src/bull';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

export { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

export interface QueueSettings {
  processor: Processor;
  concurrency?: number;
  retentionMs?: number;
  maxQueued?: number;
  defaultTimeoutMs?: number;
}

export interface BackendInstance {
  queue: JobQueue;
  stop(): Promise<void>;
}

export interface Backend {
  name: 'memory' | 'bullmq';
  make(settings: QueueSettings): Promise<BackendInstance>;
}

export const memoryBackend: Backend = {
  name: 'memory',
  async make(s) {
    const queue = createMemoryQueue({
      processor: s.processor,
      concurrency: s.concurrency ?? 2,
      retentionMs: s.retentionMs,
      maxQueued: s.maxQueued,
      defaultTimeoutMs: s.defaultTimeoutMs,
    });
    return { queue, stop: () => queue.close() };
  },
};

export const bullBackend: Backend = {
  name: 'bullmq',
  async make(s) {
    const prefix = uniquePrefix();
    const queue = createBullQueue({
      redisUrl: REDIS_URL,
      prefix,
      retentionMs: s.retentionMs,
      maxQueued: s.maxQueued,
      defaultTimeoutMs: s.defaultTimeoutMs,
    });
    await queue.ready();
    const worker = startBullWorker({
      redisUrl: REDIS_URL,
      prefix,
      processor: s.processor,
      concurrency: s.concurrency ?? 2,
      progressThrottleMs: 20,
      cancelPollMs: 100,
    });
    await worker.worker.waitUntilReady();
    return {
      queue,
      async stop() {
        await worker.close(true);
        await queue.close();
        await deletePrefix(prefix);
      },
    };
  },
};

export const backends: Backend[] = [memoryBackend, bullBackend];

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `get` until the job reaches a final state or `timeoutMs` passes. */
export async function waitFor(
  queue: JobQueue,
  id: string,
  predicate: (state: string) => boolean,
  timeoutMs = 10_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const info = await queue.get(id);
    if (info && predicate(info.state)) return info;
    if (Date.now() > until) throw new Error(`job ${id} stuck in ${info?.state ?? 'missing'}`);
    await sleep(15);
  }
}

export const isFinal = (s: string) => s === 'SUCCESS' || s === 'FAILURE' || s === 'REVOKED';
