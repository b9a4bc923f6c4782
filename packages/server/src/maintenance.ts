/**
 * Scheduled cleanup: expired sessions, spent or expired password-reset tokens, expired job
 * result rows, and — with BullMQ — finished jobs past their retention (BullMQ only prunes aged
 * jobs when other jobs finish, so a quiet queue would keep them forever).
 *
 * With Redis the schedule is a BullMQ job scheduler: every web node runs a maintenance worker,
 * but each tick is one job, so exactly one node cleans per tick however many are running, and
 * restarting nodes does not reset the clock. Without Redis (one process) a timer does it.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAME } from '@flow-forecaster/worker';
import type { Db } from './db/client';
import { DEFAULT_TIMEOUT_MS, timed } from './timed';
import { pruneIdempotencyKeys } from './plugins/idempotency';
import { loginFailures, passwordResets, sessions } from './db/schema';

export interface CleanupResult {
  sessions: number;
  passwordResets: number;
  /** Finished BullMQ jobs removed (0 without Redis). */
  queueJobs: number;
}

/** Deletes database rows nobody can use any more; safe to run at any time, on any node. */
export async function cleanupExpired(
  db: Db,
  now = new Date(),
): Promise<Omit<CleanupResult, 'queueJobs'>> {
  const s = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  // A used token can never be used again, so keeping it only keeps a hash around.
  const r = await db
    .delete(passwordResets)
    .where(or(lt(passwordResets.expiresAt, now), isNotNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  // Login failures are forgotten after a day (the longest throttling window) once unlocked.
  await db
    .delete(loginFailures)
    .where(
      and(
        lt(loginFailures.windowStart, new Date(now.getTime() - 24 * 3_600_000)),
        or(isNull(loginFailures.lockedUntil), lt(loginFailures.lockedUntil, now)),
      ),
    );
  await pruneIdempotencyKeys(db, now);
  return { sessions: s.length, passwordResets: r.length };
}

export interface MaintenanceOptions {
  db: Db;
  /** How often to clean. */
  intervalMs: number;
  /** BullMQ scheduling on this Redis; absent: a timer in this process. */
  redisUrl?: string;
  /** Key prefix shared with the job queue (JOB_QUEUE_PREFIX). */
  prefix?: string;
  /** Finished forecast jobs older than this are removed from Redis. */
  jobRetentionMs?: number;
  /** Timer mode: delay before the first run (default min(interval, 60 s)). */
  firstRunMs?: number;
  onError?: (err: unknown) => void;
}

export interface Maintenance {
  readonly mode: 'timer' | 'bullmq';
  /** Runs a cleanup now on this node (also what each scheduled tick does). */
  runNow(): Promise<CleanupResult>;
  /** Called after every scheduled run on this node. */
  onRun(listener: (result: CleanupResult) => void): void;
  close(): Promise<void>;
}

export const MAINTENANCE_QUEUE = 'maintenance';
const SCHEDULER_ID = 'cleanup';
const DEFAULT_JOB_RETENTION_MS = 3_600_000;

function redisConnection(RedisClient: typeof Redis, url: string, name: string): Redis {
  // BullMQ needs null: its blocking reads must not be cut off by client-side retries.
  const client = new RedisClient(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    retryStrategy: (times) => Math.min(200 * times, 5_000),
  });
  client.on('error', () => undefined);
  return client;
}

export async function startMaintenance(opts: MaintenanceOptions): Promise<Maintenance> {
  const listeners: ((r: CleanupResult) => void)[] = [];
  const onError = opts.onError ?? (() => undefined);
  const prefix = opts.prefix ?? 'ff';
  const jobRetentionMs = opts.jobRetentionMs ?? DEFAULT_JOB_RETENTION_MS;

  let forecastQueue: Queue | undefined = undefined;
  const runNow = async (): Promise<CleanupResult> => {
    const rows = await cleanupExpired(opts.db);
    let queueJobs = 0;
    if (forecastQueue) {
      for (const type of ['completed', 'failed'] as const) {
        queueJobs += (await forecastQueue.clean(jobRetentionMs, 1_000, type)).length;
      }
    }
    return { ...rows, queueJobs };
  };
  const scheduledRun = async (): Promise<CleanupResult> => {
    const result = await runNow();
    for (const l of listeners) l(result);
    return result;
  };

  if (!opts.redisUrl) {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> | undefined;
    const tick = () => {
      running = scheduledRun().catch(onError);
      timer = setTimeout(tick, opts.intervalMs);
      timer.unref();
    };
    timer = setTimeout(tick, opts.firstRunMs ?? Math.min(opts.intervalMs, 60_000));
    timer.unref();
    return {
      mode: 'timer',
      runNow,
      onRun: (l) => listeners.push(l),
      async close() {
        clearTimeout(timer);
        await running;
      },
    };
  }

  // Loaded only with Redis: bullmq and ioredis are ~22 MB of an idle process without it.
  const [{ Queue, Worker }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
  const connection = redisConnection(Redis, opts.redisUrl, `${prefix}:maintenance`);
  const workerConnection = redisConnection(Redis, opts.redisUrl, `${prefix}:maintenance-worker`);
  forecastQueue = new Queue(QUEUE_NAME, { connection, prefix });
  forecastQueue.on('error', () => undefined);
  const queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  queue.on('error', () => undefined);
  // Every node upserts the same scheduler id: the last writer wins with the same settings, so
  // there is one schedule however many nodes start.
  const schedule = () =>
    queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: opts.intervalMs },
      { name: SCHEDULER_ID, opts: { removeOnComplete: 10, removeOnFail: 10 } },
    );
  // Redis may be down at start; the web node must still start, and schedules once it is back.
  void schedule().catch((err: unknown) => {
    onError(err);
    connection.once('ready', () => void schedule().catch(onError));
  });
  const worker = new Worker(MAINTENANCE_QUEUE, () => scheduledRun(), {
    connection: workerConnection,
    prefix,
    concurrency: 1,
  });
  worker.on('error', () => undefined);
  worker.on('failed', (_job, err) => onError(err));
  return {
    mode: 'bullmq',
    runNow,
    onRun: (l) => listeners.push(l),
    async close() {
      // Each step capped: a Redis that stopped answering must not hold the shutdown.
      await timed(worker.close(), DEFAULT_TIMEOUT_MS, 'maintenance worker').catch(() => undefined);
      await Promise.allSettled([
        timed(queue.close(), DEFAULT_TIMEOUT_MS, 'maintenance queue'),
        ...(forecastQueue ? [timed(forecastQueue.close(), DEFAULT_TIMEOUT_MS, 'job queue')] : []),
      ]);
      connection.disconnect();
      workerConnection.disconnect();
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    maintenance?: Maintenance;
  }
}

/**
 * Registered after the job plugin; `prefix` is the one given to the job plugin, if any. From the
 * config: MAINTENANCE_INTERVAL_SECONDS (0 turns it off), JOB_QUEUE_PREFIX and
 * JOB_RETENTION_SECONDS (shared with the job queue).
 */
async function maintenancePlugin(
  app: FastifyInstance,
  opts: { prefix?: string } = {},
): Promise<void> {
  const intervalSeconds = app.config.maintenanceIntervalSeconds ?? 3600;
  if (intervalSeconds === 0) return;
  // Same Redis and key prefix as the job queue, so tests with their own prefix stay apart.
  const jobs = app.hasDecorator('jobs') ? app.jobs : undefined;
  const bull = jobs?.backend === 'bullmq';
  // The BullMQ queue knows its prefix; the in-process one has none.
  const jobsPrefix =
    jobs && 'prefix' in jobs && typeof jobs.prefix === 'string' ? jobs.prefix : undefined;
  const maintenance = await startMaintenance({
    db: app.db,
    intervalMs: intervalSeconds * 1000,
    redisUrl: bull ? app.config.redisUrl : undefined,
    prefix: opts.prefix ?? jobsPrefix ?? app.config.jobs?.prefix ?? 'ff',
    jobRetentionMs: (app.config.jobs?.retentionSeconds ?? 3600) * 1000,
    onError: (err) => app.log.warn({ err }, 'maintenance cleanup failed'),
  });
  maintenance.onRun((result) => app.log.info({ cleanup: result }, 'maintenance cleanup done'));
  app.decorate('maintenance', maintenance);
  app.addHook('onClose', () => maintenance.close());
}

export default fp(maintenancePlugin, { name: 'ff-maintenance', dependencies: ['ff-db'] });
