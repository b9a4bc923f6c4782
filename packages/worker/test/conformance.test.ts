/**
 * One suite, both back ends: whatever the server sees of a job must not depend on whether it
 * ran in this process or on a BullMQ worker.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runForecast } from '@flow-forecaster/engine';
import {
  QueueFullError,
  createForecastProcessor,
  createTaskPool,
  throwIfAborted,
  type JobContext,
  type Processor,
} from '../src/index';
import { TEAM_INPUT } from '../../engine/test/team-case';
import { backends, isFinal, sleep, waitFor, type BackendInstance } from './backends';

interface StepsInput {
  steps: number;
  stepMs: number;
  value?: number;
  fail?: string;
}

/** Shared with the in-process workers of both back ends (same process as the test). */
const started: string[] = [];
const abortedAt = new Map<string, number>();

const stepsProcessor: Processor = async (job: JobContext, signal, report) => {
  const input = job.input as StepsInput;
  started.push(job.id);
  signal.addEventListener('abort', () => abortedAt.set(job.id, Date.now()), { once: true });
  let acc = input.value ?? 0;
  for (let i = 0; i < input.steps; i++) {
    throwIfAborted(signal);
    await sleep(input.stepMs);
    acc = (acc * 31 + i) % 1_000_003;
    report(((i + 1) / input.steps) * 100, `step ${i + 1}/${input.steps}`);
  }
  if (input.fail) throw new Error(input.fail);
  return { acc, steps: input.steps, kind: job.kind };
};

async function expectedResult(kind: string, input: StepsInput) {
  return stepsProcessor(
    { id: 'direct', kind, input, owner: 'x', attempt: 1 },
    new AbortController().signal,
    () => undefined,
  );
}

const pool = createTaskPool({ threads: 2 });
afterAll(() => pool.destroy());

describe.each(backends)('job queue conformance: $name', (backend) => {
  let inst: BackendInstance | undefined;
  afterEach(async () => {
    await inst?.stop();
    inst = undefined;
  });

  it('returns exactly the synchronous engine result for a forecast job', async () => {
    inst = await backend.make({ processor: createForecastProcessor({ pool }) });
    const input = {
      ...TEAM_INPUT,
      numberOfSimulations: 40_000,
      seed: 99,
    };
    const id = await inst.queue.submit('simulate', input, { owner: 'o' });
    const info = await waitFor(inst.queue, id, isFinal, 20_000);
    expect(info.state).toBe('SUCCESS');
    // Through JSON, as a client receives it from either back end.
    expect(info.result).toEqual(JSON.parse(JSON.stringify(runForecast('simulate', input))));
  });

  it('moves PENDING → PROGRESS → SUCCESS with rising progress and the direct result', async () => {
    inst = await backend.make({ processor: stepsProcessor });
    const input = { steps: 12, stepMs: 40, value: 7 };
    const id = await inst.queue.submit('steps', input, { owner: 'alice' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const seen: { state: string; progress: number }[] = [];
    for (;;) {
      const info = await inst.queue.get(id);
      expect(info).toBeDefined();
      seen.push({ state: info!.state, progress: info!.progress });
      if (isFinal(info!.state)) break;
      await sleep(10);
    }
    const final = await inst.queue.get(id);
    expect(final?.state).toBe('SUCCESS');
    expect(final?.progress).toBe(100);
    expect(final?.kind).toBe('steps');
    expect(final?.owner).toBe('alice');
    expect(final?.result).toEqual(await expectedResult('steps', input));
    expect(final?.input).toEqual(input);
    const mid = seen.filter((s) => s.state === 'PROGRESS' && s.progress > 0 && s.progress < 100);
    expect(mid.length).toBeGreaterThan(1);
    // Progress never goes backwards.
    const ps = seen.map((s) => s.progress);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1]);
    expect(final!.startedAt!).toBeGreaterThanOrEqual(final!.createdAt);
    expect(final!.finishedAt!).toBeGreaterThanOrEqual(final!.startedAt!);
  });

  it('reports a processor error as FAILURE with its message', async () => {
    inst = await backend.make({ processor: stepsProcessor });
    const id = await inst.queue.submit(
      'steps',
      { steps: 2, stepMs: 5, fail: 'no luck' },
      {
        owner: 'a',
      },
    );
    const info = await waitFor(inst.queue, id, isFinal);
    expect(info.state).toBe('FAILURE');
    expect(info.error?.message).toBe('no luck');
    expect(info.error?.code).toBe('FF_ERR_JOB_FAILED');
    expect(info.result).toBeUndefined();
  });

  it('announces a failed job, with its input, to onFailure and not to onSuccess', async () => {
    inst = await backend.make({ processor: stepsProcessor });
    const queue = inst.queue;
    const failed: { id: string; state: string; input: unknown }[] = [];
    const succeeded: string[] = [];
    queue.onFailure((job) => {
      failed.push({ id: job.id, state: job.state, input: job.input });
    });
    queue.onSuccess((job) => {
      succeeded.push(job.id);
    });
    // BullMQ's event stream attaches asynchronously; a job that ends before it would go unheard.
    await sleep(300);
    const input = { steps: 2, stepMs: 5, fail: 'no luck' };
    const id = await queue.submit('steps', input, { owner: 'a' });
    await waitFor(queue, id, isFinal);
    await expect.poll(() => failed.length, { timeout: 5_000 }).toBe(1);
    expect(failed[0]).toEqual({ id, state: 'FAILURE', input });
    expect(succeeded).not.toContain(id);
  });

  it('cancels a queued job and stops a running one within a second', async () => {
    inst = await backend.make({ processor: stepsProcessor, concurrency: 1 });
    const running = await inst.queue.submit('steps', { steps: 200, stepMs: 50 }, { owner: 'a' });
    await waitFor(inst.queue, running, (s) => s === 'PROGRESS');
    const queued = await inst.queue.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'a' });
    expect((await inst.queue.get(queued))?.state).toBe('PENDING');

    expect(await inst.queue.cancel(queued)).toBe(true);
    expect((await inst.queue.get(queued))?.state).toBe('REVOKED');

    const t0 = Date.now();
    expect(await inst.queue.cancel(running)).toBe(true);
    const info = await waitFor(inst.queue, running, isFinal, 2_000);
    expect(info.state).toBe('REVOKED');
    expect(info.error?.code).toBe('FF_ERR_JOB_CANCELLED');
    // The processor itself saw the signal (not just a state flip).
    for (let i = 0; i < 100 && !abortedAt.has(running); i++) await sleep(10);
    expect(abortedAt.get(running)! - t0).toBeLessThan(1_000);
    // The cancelled queued job never ran, and a finished job cannot be cancelled.
    await sleep(200);
    expect(started).not.toContain(queued);
    expect((await inst.queue.get(queued))?.state).toBe('REVOKED');
    expect(await inst.queue.cancel(running)).toBe(false);
    expect(await inst.queue.cancel('00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('fails a job that exceeds its time limit', async () => {
    inst = await backend.make({ processor: stepsProcessor });
    const t0 = Date.now();
    const id = await inst.queue.submit(
      'steps',
      { steps: 100, stepMs: 50 },
      {
        owner: 'a',
        timeoutMs: 300,
      },
    );
    const info = await waitFor(inst.queue, id, isFinal);
    expect(info.state).toBe('FAILURE');
    expect(info.error?.code).toBe('FF_ERR_JOB_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('forgets finished jobs after the retention time', async () => {
    inst = await backend.make({ processor: stepsProcessor, retentionMs: 800 });
    const id = await inst.queue.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'r' });
    const info = await waitFor(inst.queue, id, isFinal);
    expect(info.state).toBe('SUCCESS');
    expect(await inst.queue.get(id)).toBeDefined();
    await sleep(1_300);
    expect(await inst.queue.get(id)).toBeUndefined();
    expect(await inst.queue.list('r')).toEqual([]);
  });

  it('refuses new jobs with 429 when the queue is full', async () => {
    inst = await backend.make({ processor: stepsProcessor, concurrency: 1, maxQueued: 2 });
    const q = inst.queue;
    const a = await q.submit('steps', { steps: 100, stepMs: 20 }, { owner: 'a' });
    await waitFor(q, a, (s) => s === 'PROGRESS');
    const b = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'a' });
    await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'a' });
    const err = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'a' }).catch((e) => e);
    expect(err).toBeInstanceOf(QueueFullError);
    expect((err as QueueFullError).statusCode).toBe(429);
    // Cancelling a waiting job frees its slot.
    await q.cancel(b);
    await expect(q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'a' })).resolves.toBeTypeOf(
      'string',
    );
    await q.cancel(a);
  });

  it('runs a high-priority job before earlier low-priority ones', async () => {
    inst = await backend.make({ processor: stepsProcessor, concurrency: 1 });
    const q = inst.queue;
    const blocker = await q.submit('steps', { steps: 20, stepMs: 20 }, { owner: 'p' });
    await waitFor(q, blocker, (s) => s === 'PROGRESS');
    const low1 = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'p', priority: 10 });
    const low2 = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'p', priority: 10 });
    const high = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'p', priority: 1 });
    for (const id of [low1, low2, high]) await waitFor(q, id, isFinal);
    const order = started.filter((id) => [low1, low2, high].includes(id));
    expect(order).toEqual([high, low1, low2]);
  });

  it('lists only the owner’s jobs, newest first', async () => {
    inst = await backend.make({ processor: stepsProcessor });
    const q = inst.queue;
    const a1 = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'alice' });
    await sleep(5);
    const a2 = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'alice' });
    const b1 = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: 'bob' });
    const anon = await q.submit('steps', { steps: 1, stepMs: 1 }, { owner: '' });
    for (const id of [a1, a2, b1, anon]) await waitFor(q, id, isFinal);
    expect((await q.list('alice')).map((j) => j.id)).toEqual([a2, a1]);
    expect((await q.list('bob')).map((j) => j.id)).toEqual([b1]);
    // An anonymous job belongs to its own id: the id is the capability.
    expect((await q.get(anon))?.owner).toBe(anon);
    expect(await q.list('carol')).toEqual([]);
  });

  it('reports health with at least one worker', async () => {
    inst = await backend.make({ processor: stepsProcessor });
    const h = await inst.queue.health();
    expect(h.ok).toBe(true);
    expect(h.backend).toBe(backend.name);
    expect(h.workers).toBeGreaterThanOrEqual(1);
    expect(h.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
