/**
 * The scaled back end, worker side: pulls jobs from BullMQ and runs them through a processor.
 * Short locks (5 s, checked every 2 s) let another worker take over a SIGKILLed worker's job
 * within seconds; the job then restarts from the beginning, which is safe because processors
 * are pure computations and saving happens once, keyed by job id, in the web process.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { Processor } from './job-types';
import type { BullJobData } from './bull-queue';
import { DEFAULT_RETENTION_MS } from './job-types';
import { JOB_ERROR, JobAbortedError, ResultTooLargeError, toJobError } from './errors';
import { ACCOUNT_RESULT, QUEUE_NAME, connectRedis, encodeFailure, metaKeys } from './redis';

/** Largest result one job may store in Redis (its JSON, UTF-8). Env JOB_RESULT_MAX_MB. */
export const DEFAULT_RESULT_MAX_BYTES = 16 * 1024 * 1024;
/** Bytes all stored results may take together. Env JOB_RESULTS_MAX_MB (as in-process). */
export const DEFAULT_RESULTS_BUDGET_BYTES = 256 * 1024 * 1024;

export interface BullWorkerOptions {
  redisUrl: string;
  prefix?: string;
  processor: Processor;
  /** Jobs at once in this process. */
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  heartbeatMs?: number;
  /** How often a running job checks its cancel flag. */
  cancelPollMs?: number;
  /** Minimum gap between progress writes to Redis. */
  progressThrottleMs?: number;
  /**
   * A result whose JSON is bigger fails its job with FF_ERR_RESULT_TOO_LARGE instead of being
   * stored. Default 16 MiB.
   */
  maxResultBytes?: number;
  /**
   * Bytes every stored result may take together in Redis; past it the oldest results are
   * removed early (their polls answer 404, as after retention). Default 256 MiB.
   */
  resultsBudgetBytes?: number;
  /** How long results are kept (the web's JOB_RETENTION_SECONDS); default one hour. */
  retentionMs?: number;
}

export interface BullWorkerHandle {
  readonly id: string;
  readonly worker: Worker;
  /** Jobs currently running here. */
  active(): number;
  /** Stops taking jobs, lets running ones finish (unless `force`), then disconnects. */
  close(force?: boolean): Promise<void>;
}

/** Aborts a job at its time limit, or when a poll finds it cancelled; `stop` ends both. */
function jobAbort(timeoutMs: number, pollMs: number, cancelled: () => Promise<number>) {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new JobAbortedError(JOB_ERROR.timeout, `The job exceeded its ${timeoutMs} ms limit`),
    );
  }, timeoutMs);
  const poll = setInterval(() => {
    cancelled()
      .then((n) => {
        if (n > 0) {
          controller.abort(new JobAbortedError(JOB_ERROR.cancelled, 'The job was cancelled'));
        }
      })
      .catch(() => undefined);
  }, pollMs);
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    });
  });
  const stop = (): void => {
    clearTimeout(timer);
    clearInterval(poll);
    aborted.catch(() => undefined);
  };
  return { controller, aborted, stop };
}

/** Progress written to the job at most every `throttleMs`, except a new stage or the end. */
function progressReporter(
  job: Job<BullJobData>,
  throttleMs: number,
): (percent: number, stage?: string) => void {
  let lastWrite = 0;
  let lastStage = '';
  return (percent, stage) => {
    const now = Date.now();
    const stageChanged = stage !== undefined && stage !== lastStage;
    if (!stageChanged && now - lastWrite < throttleMs && percent < 100) return;
    lastWrite = now;
    if (stage !== undefined) lastStage = stage;
    const value = { percent: Math.max(0, Math.min(100, Math.round(percent))), stage: lastStage };
    job.updateProgress(value).catch(() => undefined);
  };
}

export function startBullWorker(options: BullWorkerOptions): BullWorkerHandle {
  const prefix = options.prefix ?? 'ff';
  const keys = metaKeys(prefix);
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const meta = connectRedis({
    url: options.redisUrl,
    name: `${prefix}:worker-meta`,
    failFast: false,
  });
  const cancelPollMs = options.cancelPollMs ?? 200;
  const progressThrottleMs = options.progressThrottleMs ?? 100;
  let running = 0;
  const maxResultBytes = options.maxResultBytes ?? DEFAULT_RESULT_MAX_BYTES;
  const budgetBytes = options.resultsBudgetBytes ?? DEFAULT_RESULTS_BUDGET_BYTES;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  // Only to remove results evicted by the byte budget.
  const results = new Queue(QUEUE_NAME, { connection: meta, prefix });
  results.on('error', () => undefined);

  /** Refuses an oversized result, then makes room for it within the budget. */
  const admitResult = async (jobId: string, result: unknown): Promise<void> => {
    const bytes = Buffer.byteLength(JSON.stringify(result) ?? '', 'utf8');
    if (bytes > maxResultBytes) throw new ResultTooLargeError(bytes, maxResultBytes);
    const now = Date.now();
    const evicted = (await meta
      .eval(
        ACCOUNT_RESULT,
        3,
        keys.results,
        keys.resultBytes,
        keys.resultTotal,
        jobId,
        bytes,
        now,
        budgetBytes,
        now - retentionMs,
      )
      .catch(() => [])) as string[];
    for (const old of evicted) await results.remove(old).catch(() => undefined);
  };

  const processJob = async (job: Job<BullJobData>): Promise<unknown> => {
    const jobId = job.id as string;
    if (await meta.exists(keys.cancel(jobId))) {
      throw new UnrecoverableError(encodeFailure(JOB_ERROR.cancelled, 'The job was cancelled'));
    }
    running++;
    const { controller, aborted, stop } = jobAbort(job.data.timeoutMs, cancelPollMs, () =>
      meta.exists(keys.cancel(jobId)),
    );
    const report = progressReporter(job, progressThrottleMs);
    try {
      const result = await Promise.race([
        options.processor(
          {
            id: jobId,
            kind: job.data.kind,
            input: job.data.input,
            owner: job.data.owner,
            attempt: Math.max(1, job.attemptsStarted ?? 1),
          },
          controller.signal,
          report,
        ),
        aborted,
      ]);
      await admitResult(jobId, result);
      return result;
    } catch (err) {
      const e = toJobError(err);
      // Unrecoverable: a failed forecast fails the same way again, so never retry it.
      throw new UnrecoverableError(encodeFailure(e.code, e.message));
    } finally {
      stop();
      running--;
    }
  };

  const connection = connectRedis({
    url: options.redisUrl,
    name: `${prefix}:worker`,
    failFast: false,
  });
  const worker = new Worker<BullJobData>(QUEUE_NAME, processJob, {
    connection,
    prefix,
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDurationMs ?? 5_000,
    stalledInterval: options.stalledIntervalMs ?? 2_000,
    maxStalledCount: 2,
  });
  worker.on('error', () => undefined);

  const beat = (): void => {
    meta.zadd(keys.workers, Date.now(), id).catch(() => undefined);
  };
  beat();
  const heartbeat = setInterval(beat, options.heartbeatMs ?? 1_000);

  let closing: Promise<void> | undefined;
  return {
    id,
    worker,
    active: () => running,
    close(force = false) {
      closing ??= (async () => {
        clearInterval(heartbeat);
        await worker.close(force).catch(() => undefined);
        connection.disconnect();
        await results.close().catch(() => undefined);
        await meta.zrem(keys.workers, id).catch(() => undefined);
        meta.disconnect();
      })();
      return closing;
    },
  };
}
