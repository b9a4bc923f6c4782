/**
 * The job service as a Fastify plugin: one worker-thread pool for this process, the job queue
 * (in-memory on that pool by default, BullMQ when REDIS_URL is set) and the runner that sends
 * big synchronous forecasts to the pool so the event loop stays free.
 *
 * Saving `?save=true` results happens here, in the web process, never in a worker: the worker
 * then needs no database credentials, and a job re-run after a worker crash cannot save twice
 * because the save is keyed by job id. It is attempted when a success is announced (queue
 * events) and again when a poll first sees SUCCESS; whichever comes first wins, the other is
 * a no-op.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { AppError, isUnavailable } from '../errors';

/** Why a finished job's `?save=true` could not be saved. */
export interface SaveFailure {
  code: 'FF_ERR_SAVE_FAILED';
  message: string;
}
import {
  DEFAULT_MAX_QUEUED,
  DEFAULT_RETENTION_MS,
  DEFAULT_TIMEOUT_MS,
  createForecastProcessor,
  createMemoryQueue,
  createTaskPool,
  defaultThreadCount,
  withSyncJobs,
} from '@flow-forecaster/worker';
import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import { DEFAULT_TIMEOUT_MS as CHECK_TIMEOUT_MS, timed } from '../timed';
import type { ForecastRegistry, ParsedForecast } from '@flow-forecaster/schemas';
import type {
  JobInfo,
  JobQueue,
  Processor,
  SyncJobOptions,
  TaskPool,
} from '@flow-forecaster/worker';

const DEFAULT_SYNC_TIMEOUT_S = 120;

export interface JobsPluginOptions {
  /** The forecast kinds jobs may run; default FORECAST_REGISTRY. */
  registry?: ForecastRegistry;
  /**
   * URL of a module exporting that registry as `registry`, for the pool threads (which cannot
   * receive functions); needed only when the registry has kinds beyond the built-in ones.
   */
  registryModule?: string;
  /** BullMQ on this Redis; absent: the in-process queue. */
  redisUrl?: string;
  /** Redis key prefix (tests use a unique one). Env JOB_QUEUE_PREFIX, default `ff`. */
  prefix?: string;
  /** Env JOB_RETENTION_SECONDS, default 3600. */
  retentionMs?: number;
  /** Env JOB_QUEUE_MAX, default 1000. */
  maxQueued?: number;
  /** In-process back end: bytes finished results may hold. Env JOB_RESULTS_MAX_MB, default 256. */
  maxResultBytes?: number;
  /** BullMQ: completed jobs Redis keeps at most. Env JOB_RESULTS_KEEP, default 1000. */
  keepCompleted?: number;
  /** Env JOB_TIMEOUT_SECONDS, default 600. */
  timeoutMs?: number;
  /**
   * Longest a synchronous forecast may run on the pool before it is stopped and answered with
   * FF_ERR_SYNC_TIMEOUT (pointing at the async API). Env SYNC_TIMEOUT_SECONDS, default 120.
   */
  syncTimeoutMs?: number;
  /** Pool threads. Env WORKER_THREADS, default one per core. */
  threads?: number;
  /** In-process back end: jobs at once. Default the thread count. */
  concurrency?: number;
  /**
   * Forecasts whose work bound (the registry row's `workBound`, in engine steps) exceeds
   * this are large: as async jobs they queue behind interactive ones. (Every forecast runs on
   * the pool.) Default SYNC_RUNS_THRESHOLD × 10.
   */
  poolWorkThreshold?: number;
  /**
   * On close (SIGTERM), how long in-process jobs may run on before they are cancelled.
   * Env JOB_SHUTDOWN_GRACE_SECONDS, default 30.
   */
  shutdownGraceMs?: number;
  /**
   * The process's hard shutdown limit (SHUTDOWN_TIMEOUT_SECONDS): the grace above is cut to end
   * well before it, so a running job never turns a clean shutdown into a forced exit 1.
   */
  shutdownTimeoutMs?: number;
  /**
   * Tracker syncs (`connector-sync` jobs) run by this process's in-process queue: the key that
   * opens their sealed requests and whether private addresses are allowed. BullMQ workers read
   * the same from their own environment.
   */
  syncJobs?: SyncJobOptions;
  /** Saves a finished `save` job; must be idempotent on job.id. */
  saveResult?: (job: JobInfo) => Promise<void>;
  /**
   * Called once per successful job that was submitted through this process (metrics). With
   * several web nodes each counts only its own submissions, so sums across nodes are exact.
   */
  onJobSuccess?: (job: JobInfo) => void;
}

export interface ForecastRunner {
  /**
   * Same result as `parsed.run()`, computed on the worker pool. It stops once `signal`
   * aborts (rejecting with an AbortError) or past SYNC_TIMEOUT_SECONDS (FF_ERR_SYNC_TIMEOUT).
   */
  run(parsed: ParsedForecast, signal?: AbortSignal): Promise<unknown>;
  /** Whether the work bound is above the pool threshold: such jobs queue as batch work. */
  isLarge(parsed: ParsedForecast): boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue;
    forecastPool: TaskPool;
    forecastRunner: ForecastRunner;
    /** The forecast kinds every forecast route, job and saved forecast is generated from. */
    forecastRegistry: ForecastRegistry;
    /**
     * Saves a finished job's result if it asked to be saved; safe to call repeatedly. Answers
     * why the save failed for good, if it did.
     */
    saveJobResult(job: JobInfo): Promise<SaveFailure | undefined>;
  }
}

/** BullMQ on Redis when a URL is given, else the in-process queue on the worker threads. */
async function createQueue(
  opts: JobsPluginOptions,
  processor: Processor,
  settings: {
    threads: number;
    prefix: string;
    retentionMs: number;
    maxQueued: number;
    timeoutMs: number;
  },
): Promise<JobQueue> {
  const { threads, prefix, retentionMs, maxQueued, timeoutMs } = settings;
  if (opts.redisUrl) {
    // Loaded only with Redis: bullmq and ioredis are ~22 MB of an idle process without it.
    const { createBullQueue } = await import('@flow-forecaster/worker/bull');
    const bull = createBullQueue({
      redisUrl: opts.redisUrl,
      prefix,
      retentionMs,
      maxQueued,
      defaultTimeoutMs: timeoutMs,
      keepCompleted: opts.keepCompleted,
    });
    // Start even if Redis is down: async routes answer 503 until it is back, the rest works.
    await timed(bull.ready(), CHECK_TIMEOUT_MS, 'Redis').catch(() => undefined);
    return bull;
  } else {
    return createMemoryQueue({
      processor: withSyncJobs(processor, opts.syncJobs ?? {}),
      concurrency: opts.concurrency ?? threads,
      workers: threads,
      retentionMs,
      maxQueued,
      defaultTimeoutMs: timeoutMs,
      maxResultBytes: opts.maxResultBytes ?? 256 * 1024 * 1024,
    });
  }
}

/** Saves finished jobs that asked for it, once per job; `saving` holds the saves in flight. */
function jobSaver(app: FastifyInstance, opts: JobsPluginOptions, retentionMs: number) {
  const saving = new Map<string, Promise<SaveFailure | undefined>>();
  // Saves that can never succeed (the database refused a value): attempted once, then reported
  // on every poll instead of failing again behind a SUCCESS.
  const saveFailures = new Map<string, SaveFailure>();
  const saveJobResult = async (job: JobInfo): Promise<SaveFailure | undefined> => {
    if (job.state !== 'SUCCESS' || !job.save || !opts.saveResult) return undefined;
    const failed = saveFailures.get(job.id);
    if (failed) return failed;
    // One attempt in flight per job in this process; the repository dedupes across processes.
    let p = saving.get(job.id);
    if (!p) {
      p = opts.saveResult(job).then(
        () => undefined,
        (err: unknown) => {
          saving.delete(job.id);
          app.log.error({ err, jobId: job.id }, 'saving a finished job failed');
          // The database being away is worth another try at the next poll; anything else
          // would fail the same way again.
          if (isUnavailable(err)) return undefined;
          const failure: SaveFailure = {
            code: 'FF_ERR_SAVE_FAILED',
            message:
              err instanceof AppError && err.statusCode < 500
                ? `The forecast ran but could not be saved: ${err.message}`
                : 'The forecast ran but could not be saved; nothing was stored',
          };
          saveFailures.set(job.id, failure);
          setTimeout(() => saveFailures.delete(job.id), retentionMs).unref();
          return failure;
        },
      );
      saving.set(job.id, p);
      setTimeout(() => saving.delete(job.id), retentionMs).unref();
    }
    return p;
  };
  return { saving, saveJobResult };
}

async function jobsPlugin(app: FastifyInstance, opts: JobsPluginOptions): Promise<void> {
  const threads = opts.threads ?? defaultThreadCount();
  const retentionMs = opts.retentionMs ?? DEFAULT_RETENTION_MS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const syncTimeoutMs = opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_S * 1000;
  const maxQueued = opts.maxQueued ?? DEFAULT_MAX_QUEUED;
  const prefix = opts.prefix ?? 'ff';
  const threshold = opts.poolWorkThreshold ?? 200_000 * 10;

  const registry = opts.registry ?? FORECAST_REGISTRY;
  // One warm thread, started with the server: with none, a forecast that hit its time limit
  // while the first thread was still starting was never ended (the event-loop test hung), so
  // the ~30 MB an idle thread holds is kept (docs/performance.md).
  const pool = createTaskPool({ threads, registryModule: opts.registryModule });
  const processor: Processor = createForecastProcessor({ pool, registry });

  const queue = await createQueue(opts, processor, {
    threads,
    prefix,
    retentionMs,
    maxQueued,
    timeoutMs,
  });

  const { saving, saveJobResult } = jobSaver(app, opts, retentionMs);
  const submittedHere = new Set<string>();
  queue.onSuccess(async (job) => {
    if (submittedHere.delete(job.id)) opts.onJobSuccess?.(job);
    await saveJobResult(job);
  });
  const raw = queue;
  const jobs: JobQueue = {
    backend: raw.backend,
    async submit(kind, input, options) {
      const id = await raw.submit(kind, input, options);
      submittedHere.add(id);
      // Forget ids whose success never arrives (failed, cancelled, lost events).
      setTimeout(() => submittedHere.delete(id), retentionMs + timeoutMs).unref();
      return id;
    },
    get: (id) => raw.get(id),
    cancel: (id) => raw.cancel(id),
    list: (owner, limit) => raw.list(owner, limit),
    health: () => raw.health(),
    onSuccess: (listener) => raw.onSuccess(listener),
    onFailure: (listener) => raw.onFailure(listener),
    close: (options) => raw.close(options),
  };
  const wantedGraceMs = opts.shutdownGraceMs ?? 30_000;
  const graceMs =
    opts.shutdownTimeoutMs === undefined
      ? wantedGraceMs
      : Math.min(
          wantedGraceMs,
          opts.shutdownTimeoutMs - Math.min(5_000, Math.ceil(opts.shutdownTimeoutMs / 4)),
        );
  // Stopping: synchronous forecasts still running when the grace ends are stopped and answered
  // 503, so in-flight requests (which the server waits for) end in time too.
  const stopping = new AbortController();

  const runner: ForecastRunner = {
    isLarge: (parsed) => parsed.workBound() > threshold,
    async run(parsed, signal) {
      // Every forecast runs on the pool, small ones too: a bound on the work says nothing of
      // how long a heavy-tailed history really takes, and the event loop must stay free.
      const { kind, input } = parsed.request();
      // A synchronous caller holds a connection and pool threads: past the limit the forecast
      // stops (between batches, or inside the engine's loops) and the answer says where such
      // forecasts belong.
      const deadline = Date.now() + syncTimeoutMs;
      const limit = AbortSignal.timeout(syncTimeoutMs);
      try {
        return await processor(
          { id: 'sync', kind, input, owner: '', attempt: 1, deadline },
          AbortSignal.any(signal ? [signal, limit, stopping.signal] : [limit, stopping.signal]),
          () => undefined,
        );
      } catch (err) {
        if (stopping.signal.aborted) {
          throw new AppError('FF_ERR_UNAVAILABLE', 'The server is restarting; send this again');
        }
        // The thread may see its deadline pass a moment before this thread's timer fires.
        if ((limit.aborted || Date.now() >= deadline) && !signal?.aborted) {
          throw new AppError(
            'FF_ERR_SYNC_TIMEOUT',
            `This forecast ran longer than ${syncTimeoutMs / 1000} s, the limit for an immediate answer: send it to POST /api/async/${kind} and poll the task instead.`,
          );
        }
        throw err;
      }
    },
  };

  app.decorate('jobs', jobs);
  app.decorate('forecastPool', pool);
  app.decorate('forecastRunner', runner);
  app.decorate('forecastRegistry', registry);
  app.decorate('saveJobResult', saveJobResult);

  // One grace for everything, counted from the moment closing starts (onClose comes only
  // after in-flight requests have ended).
  let graceEnds: number | undefined;
  let stopTimer: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    graceEnds = Date.now() + graceMs;
    stopTimer = setTimeout(() => stopping.abort(), graceMs);
    stopTimer.unref();
  });
  app.addHook('onClose', async () => {
    clearTimeout(stopTimer);
    await queue.close({ graceMs: Math.max(0, (graceEnds ?? Date.now() + graceMs) - Date.now()) });
    await Promise.allSettled([...saving.values()]);
    await pool.destroy();
  });
}

export default fp(jobsPlugin, { name: 'ff-jobs' });
