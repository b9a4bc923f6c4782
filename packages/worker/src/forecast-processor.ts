/**
 * The processor for forecast jobs on either back end. A simulation is planned once, its
 * fixed-size batches are spread over the pool's threads and merged in batch order, so the
 * result is bit-identical to a single-thread `runForecast` whatever the thread count; the
 * signal is checked between batches, which keeps cancellation well under a second.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  createBatchMerger,
  runSimulationBatch,
  simulationBatchCount,
} from '@flow-forecaster/engine';
import type { SimulationBatch, SimulationPlan } from '@flow-forecaster/engine';
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import type { ForecastRegistry } from '@flow-forecaster/schemas';
import type { JobContext, Processor, ReportProgress } from './job-types';
import type { TaskPool } from './pool';
import { parseRequest } from './pool-task';
import type { PoolTask } from './pool-task';
import { throwIfAborted } from './errors';

export interface ForecastProcessorOptions {
  /** The kinds this processor runs; default FORECAST_REGISTRY. Its pool must know them too. */
  registry?: ForecastRegistry;
  /** Without a pool, batches run on this thread, yielding to the event loop between them. */
  pool?: TaskPool;
  /** Batches of one job in flight at once; default the pool's thread count. */
  maxInFlight?: number;
  /**
   * Accept the `test-steps` kind ({steps, stepMs}): a slow, cancellable job that lets fault
   * tests kill a worker mid-job. Never reachable from HTTP (the routes validate the kind).
   */
  testJobs?: boolean;
}

/** Runs the batches of `plan` and merges them; the same answer as `runForecast('simulate')`. */
export async function runPlannedSimulation(
  plan: SimulationPlan,
  signal: AbortSignal,
  report: ReportProgress,
  options: ForecastProcessorOptions = {},
): Promise<unknown> {
  const total = simulationBatchCount(plan);
  // Batches may finish out of order on the pool; the merger adds them in batch order.
  const merger = createBatchMerger(plan);
  let next = 0;
  let done = 0;
  report(0, 'simulating');
  const pool = options.pool;
  if (!pool) {
    for (let i = 0; i < total; i++) {
      throwIfAborted(signal);
      merger.add(runSimulationBatch(plan, i));
      report(((i + 1) / total) * 95, 'simulating');
      await yieldToLoop();
    }
  } else {
    // A few batches per job in flight, not all of them: other jobs' batches interleave, so a
    // small forecast is not stuck behind a million-run one inside the pool's FIFO.
    const lanes = Math.max(1, Math.min(total, options.maxInFlight ?? pool.threads));
    // One failed batch fails the job: the other lanes stop instead of computing the rest.
    let failed = false;
    const lane = async (): Promise<void> => {
      while (next < total && !failed) {
        throwIfAborted(signal);
        const i = next++;
        merger.add(
          await pool.run<SimulationBatch>({ op: 'simulation-batch', plan, batchIndex: i }),
        );
        done++;
        report((done / total) * 95, 'simulating');
      }
    };
    await Promise.all(
      Array.from({ length: lanes }, () =>
        lane().catch((err: unknown) => {
          failed = true;
          throw err;
        }),
      ),
    );
  }
  throwIfAborted(signal);
  report(96, 'summarising');
  return merger.result();
}

async function testSteps(
  input: { steps?: number; stepMs?: number },
  signal: AbortSignal,
  report: ReportProgress,
): Promise<unknown> {
  const steps = Math.max(1, Math.min(10_000, input.steps ?? 10));
  const stepMs = Math.max(1, Math.min(10_000, input.stepMs ?? 100));
  for (let i = 0; i < steps; i++) {
    throwIfAborted(signal);
    await new Promise((r) => setTimeout(r, stepMs));
    report(((i + 1) / steps) * 100, `step ${i + 1}/${steps}`);
  }
  return { steps, stepMs, checksum: (steps * 7919 + stepMs) % 1_000_003 };
}

export function createForecastProcessor(options: ForecastProcessorOptions = {}): Processor {
  const registry = options.registry ?? FORECAST_REGISTRY;
  return async (job: JobContext, signal, report) => {
    if (job.kind === 'test-steps' && options.testJobs) {
      return testSteps(job.input as { steps?: number; stepMs?: number }, signal, report);
    }
    throwIfAborted(signal);
    // Job data came through a queue (Redis, for BullMQ): it is parsed again, never trusted.
    const parsed = parseRequest(registry, { kind: job.kind, input: job.input });
    const request = parsed.request();
    const pool = options.pool;
    // A task that failed after the signal fired says why it fired (cancel or timeout).
    const onPool = async <T>(task: PoolTask, p: TaskPool, stop?: AbortSignal): Promise<T> => {
      try {
        return await p.run<T>(task, stop);
      } catch (err) {
        throwIfAborted(signal);
        throw err;
      }
    };
    if (parsed.batched) {
      report(0, 'planning');
      // Planning is not interrupted (ending a thread costs a respawn); the batches stop.
      const plan = pool
        ? await onPool<SimulationPlan | undefined>({ op: 'simulation-plan', request }, pool)
        : parsed.simulationPlan();
      if (plan) return runPlannedSimulation(plan, signal, report, options);
    }
    report(10, 'running');
    // A whole forecast has no batches to stop between: the signal ends its thread.
    const result = pool
      ? await onPool({ op: 'forecast', request, deadline: job.deadline }, pool, signal)
      : parsed.run({ signal });
    report(100, 'done');
    return result;
  };
}
