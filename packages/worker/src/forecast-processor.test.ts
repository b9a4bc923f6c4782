import { afterAll, describe, expect, it } from 'vitest';
import { runForecast, runSimulationBatch } from '@flow-forecaster/engine';
import type { SimulateInput } from '@flow-forecaster/engine';
import { TEAM_INPUT } from '../../engine/test/team-case';
import { createForecastProcessor } from './forecast-processor';
import { createTaskPool, type TaskPool } from './pool';
import { runPoolTask, type PoolTask } from './pool-task';
import type { JobContext } from './job-types';

const T12 = TEAM_INPUT.tpSamples;
// Several batches (16,384 runs each), a ramp-up curve, risks and lead times: every part of
// the plan crosses the thread boundary.
const INPUT: SimulateInput = {
  ...TEAM_INPUT,
  ltSamples: [3, 5, 8, 13, 4, 6],
  risks: [{ likelihood: 30, lowImpact: 2, mediumImpact: 4, highImpact: 9 }],
  numberOfSimulations: 70_000,
  seed: 20251125,
};

const job = (kind: string, input: unknown): JobContext => ({
  id: 'j',
  kind,
  input,
  owner: 'o',
  attempt: 1,
});

describe('forecast processor', () => {
  const one = createTaskPool({ threads: 1 });
  const two = createTaskPool({ threads: 2, warmThreads: 2 });
  afterAll(async () => {
    await one.destroy();
    await two.destroy();
  });

  it('gives a bit-identical simulation with 1 thread, 2 threads and no pool', async () => {
    const direct = runForecast('simulate', INPUT);
    const signal = new AbortController().signal;
    const noop = () => undefined;
    const onOne = await createForecastProcessor({ pool: one })(
      job('simulate', INPUT),
      signal,
      noop,
    );
    const onTwo = await createForecastProcessor({ pool: two })(
      job('simulate', INPUT),
      signal,
      noop,
    );
    const inline = await createForecastProcessor()(job('simulate', INPUT), signal, noop);
    expect(onOne).toEqual(direct);
    expect(onTwo).toEqual(direct);
    expect(inline).toEqual(direct);
    // Thread start-up (tsx in each thread) is slow on a busy machine; the result is what counts.
  }, 30_000);

  it('reports rising progress per batch', async () => {
    const seen: number[] = [];
    await createForecastProcessor({ pool: two })(
      job('simulate', INPUT),
      new AbortController().signal,
      (p) => seen.push(p),
    );
    const mid = seen.filter((p) => p > 0 && p < 100);
    expect(mid.length).toBeGreaterThanOrEqual(4); // 70,000 runs = 5 batches
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  it('stops between batches when the signal fires', async () => {
    const controller = new AbortController();
    const big = { ...INPUT, numberOfSimulations: 1_000_000, numberOfTasks: 300 };
    const t0 = performance.now();
    const run = createForecastProcessor({ pool: two })(
      job('simulate', big),
      controller.signal,
      () => controller.abort(),
    );
    await expect(run).rejects.toMatchObject({ code: 'FF_ERR_JOB_CANCELLED' });
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('runs other kinds on the pool with the engine’s answer', async () => {
    const input = { tpSamples: T12, backlog: 40, seed: 4 };
    const out = await createForecastProcessor({ pool: one })(
      job('when', input),
      new AbortController().signal,
      () => undefined,
    );
    expect(out).toEqual(runForecast('when', input));
  });

  it('fails the job on a failed batch and stops the other lanes', async () => {
    let calls = 0;
    const flaky: TaskPool = {
      threads: 2,
      async run<T>(task: PoolTask): Promise<T> {
        if (task.op === 'simulation-plan') return runPoolTask(task) as T;
        calls++;
        if (task.op !== 'simulation-batch') throw new Error('unexpected task');
        await new Promise((r) => setTimeout(r, 5));
        if (task.batchIndex === 1) throw new Error('thread died');
        return runSimulationBatch(task.plan, task.batchIndex) as T;
      },
      queued: () => 0,
      destroy: async () => undefined,
    };
    const big = { ...INPUT, numberOfSimulations: 1_000_000 };
    await expect(
      createForecastProcessor({ pool: flaky })(
        job('simulate', big),
        new AbortController().signal,
        () => undefined,
      ),
    ).rejects.toThrow('thread died');
    await new Promise((r) => setTimeout(r, 50));
    // 62 batches planned; only the ones already in flight ran.
    expect(calls).toBeLessThanOrEqual(3);
  });
});
