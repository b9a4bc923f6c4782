/**
 * The scaled back end, producer side: the web process enqueues into BullMQ and reads job
 * state back; `bull-worker.ts` processes run the jobs. Every Redis call here is bounded in
 * time and refused outright while disconnected, so a Redis outage is a quick 503, not a hang.
 */
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  DEFAULT_MAX_QUEUED,
  DEFAULT_PRIORITY,
  DEFAULT_RETENTION_MS,
  DEFAULT_TIMEOUT_MS,
} from './job-types';
import type {
  JobInfo,
  JobQueue,
  JobState,
  QueueHealth,
  SaveRequest,
  SubmitOptions,
  SuccessListener,
} from './job-types';
import { ClientLimitError, JOB_ERROR, QueueFullError, QueueUnavailableError } from './errors';
import {
  DeadlineError,
  QUEUE_NAME,
  TAKE_CLIENT_SLOT,
  connectRedis,
  decodeFailure,
  metaKeys,
  withDeadline,
} from './redis';

export interface BullQueueOptions {
  redisUrl: string;
  /** Key prefix for BullMQ and our own keys. Default `ff`. */
  prefix?: string;
  retentionMs?: number;
  maxQueued?: number;
  defaultTimeoutMs?: number;
  /** Upper bound on any single Redis round trip. Default 2 s. */
  commandTimeoutMs?: number;
  /** After a Redis call times out, further calls fail at once for this long. Default 5 s. */
  breakerMs?: number;
  /** A worker whose heartbeat is older than this is not counted. Default 5 s. */
  heartbeatTtlMs?: number;
  /**
   * Completed jobs (with their results) Redis keeps at most, besides their age limit. Env
   * JOB_RESULTS_KEEP, default 1000; the workers also hold stored results to a byte budget.
   */
  keepCompleted?: number;
}

/** A reserved client slot whose job never appeared (its add failed) is freed after this. */
const CLIENT_SLOT_GRACE_MS = 30_000;
export const DEFAULT_KEEP_COMPLETED = 1_000;

/** What a BullMQ job carries (the processor side reads the same shape). */
export interface BullJobData {
  kind: string;
  input: unknown;
  owner: string;
  timeoutMs: number;
  save: SaveRequest | null;
}

interface Tombstone {
  kind: string;
  owner: string;
  priority: number;
  createdAt: number;
  cancelledAt: number;
}

interface ProgressValue {
  percent?: number;
  stage?: string;
}

export class BullJobQueue implements JobQueue {
  readonly backend = 'bullmq' as const;
  readonly prefix: string;
  private readonly client: Redis;
  private readonly queue: Queue;
  private readonly keys: ReturnType<typeof metaKeys>;
  private events?: QueueEvents;
  private eventsConnection?: Redis;
  private readonly listeners: SuccessListener[] = [];
  private readonly failureListeners: SuccessListener[] = [];
  private readonly retentionMs: number;
  private readonly maxQueued: number;
  private readonly keepCompleted: number;
  private readonly defaultTimeoutMs: number;
  private readonly commandTimeoutMs: number;
  private readonly heartbeatTtlMs: number;
  private closed = false;
  private breakerOpenUntil = 0;
  private readonly breakerMs: number;

  constructor(private readonly options: BullQueueOptions) {
    this.breakerMs = options.breakerMs ?? 5_000;
    this.prefix = options.prefix ?? 'ff';
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
    this.keepCompleted = options.keepCompleted ?? DEFAULT_KEEP_COMPLETED;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 2_000;
    this.heartbeatTtlMs = options.heartbeatTtlMs ?? 5_000;
    this.keys = metaKeys(this.prefix);
    this.client = connectRedis({
      url: options.redisUrl,
      name: `${this.prefix}:web`,
      failFast: true,
    });
    this.queue = new Queue(QUEUE_NAME, { connection: this.client, prefix: this.prefix });
    this.queue.on('error', () => undefined);
  }

  async submit(kind: string, input: unknown, options: SubmitOptions): Promise<string> {
    const id = randomUUID();
    const owner = options.owner === '' ? id : options.owner;
    const priority = options.priority ?? DEFAULT_PRIORITY;
    const data: BullJobData = {
      kind,
      input,
      owner,
      timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
      save: options.save ?? null,
    };
    const client = options.client;
    const clientKey = client ? this.keys.client(client.key) : undefined;
    await this.call(async () => {
      // The count and the add are not atomic; a burst may overshoot the bound by a few jobs,
      // which is fine for a back-pressure limit.
      const waiting = await this.queue.count();
      if (waiting >= this.maxQueued) throw new QueueFullError(this.maxQueued);
      if (client && clientKey) {
        // In Redis, not in this process: with N web nodes a client still gets its limit once.
        const taken = await this.client.eval(
          TAKE_CLIENT_SLOT,
          1,
          clientKey,
          this.queue.toKey(''),
          this.keys.cancel(''),
          Date.now(),
          CLIENT_SLOT_GRACE_MS,
          client.maxActive,
          id,
          this.retentionMs + data.timeoutMs,
        );
        if (taken !== 1) throw new ClientLimitError(client.maxActive);
      }
      const retentionSec = Math.ceil(this.retentionMs / 1000);
      try {
        await this.queue.add(kind, data, {
          jobId: id,
          priority,
          attempts: 1,
          removeOnComplete: { age: retentionSec, count: this.keepCompleted },
          removeOnFail: { age: retentionSec, count: this.keepCompleted },
        });
      } catch (err) {
        if (clientKey) await this.client.zrem(clientKey, id).catch(() => undefined);
        throw err;
      }
      // Anonymous jobs (owned by their own id) cannot be listed, so they need no index.
      if (owner !== id) {
        const ownerKey = this.keys.owner(owner);
        const horizon = this.retentionMs + data.timeoutMs;
        const now = Date.now();
        await this.client
          .multi()
          .zadd(ownerKey, now, id)
          .zremrangebyscore(ownerKey, 0, now - horizon)
          .pexpire(ownerKey, horizon)
          .exec();
      }
    }, 'submit');
    return id;
  }

  async get(id: string): Promise<JobInfo | undefined> {
    return this.call(() => this.read(id), 'get');
  }

  async cancel(id: string): Promise<boolean> {
    return this.call(async () => {
      const job = await this.queue.getJob(id);
      if (!job) return false;
      const state = await job.getState();
      if (state === 'completed' || state === 'failed' || state === 'unknown') return false;
      const tomb: Tombstone = {
        kind: job.name,
        owner: (job.data as BullJobData).owner,
        priority: job.opts.priority ?? DEFAULT_PRIORITY,
        createdAt: job.timestamp,
        cancelledAt: Date.now(),
      };
      // The flag is the source of truth: workers poll it between batches, and reads report
      // REVOKED from it even if the job row is gone.
      await this.client.set(this.keys.cancel(id), JSON.stringify(tomb), 'PX', this.retentionMs);
      if (state !== 'active') {
        // Free the queue slot now; if a worker grabbed it meanwhile, the flag stops it.
        await job.remove().catch(() => undefined);
      }
      return true;
    }, 'cancel');
  }

  async list(owner: string, limit = 50): Promise<JobInfo[]> {
    return this.call(async () => {
      const ids = await this.client.zrevrange(this.keys.owner(owner), 0, limit - 1);
      const jobs = await Promise.all(ids.map((id) => this.read(id)));
      return jobs.filter((j): j is JobInfo => j !== undefined && j.owner === owner);
    }, 'list');
  }

  async health(): Promise<QueueHealth> {
    const started = performance.now();
    try {
      await this.call(() => this.client.ping(), 'ping', true);
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      const now = Date.now();
      const workers = await this.call(async () => {
        await this.client.zremrangebyscore(this.keys.workers, 0, now - this.heartbeatTtlMs * 4);
        return this.client.zcount(this.keys.workers, now - this.heartbeatTtlMs, '+inf');
      }, 'health');
      const counts = await this.call(
        () => this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active'),
        'counts',
      );
      const waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0);
      return { ok: true, latencyMs, workers, backend: 'bullmq', waiting, active: counts.active };
    } catch (err) {
      return {
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        workers: 0,
        backend: 'bullmq',
        error: err instanceof Error ? err.message : String(err),
      };
    }
  }

  onSuccess(listener: SuccessListener): void {
    this.listeners.push(listener);
    this.listen();
  }

  onFailure(listener: SuccessListener): void {
    this.failureListeners.push(listener);
    this.listen();
  }

  /** Attaches the event stream once, for whichever listeners there are. */
  private listen(): void {
    if (this.events) return;
    // QueueEvents needs its own (blocking) connection; it reconnects by itself after outages.
    this.eventsConnection = connectRedis({
      url: this.options.redisUrl,
      name: `${this.prefix}:web-events`,
      failFast: false,
    });
    this.events = new QueueEvents(QUEUE_NAME, {
      connection: this.eventsConnection,
      prefix: this.prefix,
    });
    this.events.on('error', () => undefined);
    const announce = (jobId: string, states: JobState[], listeners: SuccessListener[]) => {
      if (listeners.length === 0) return;
      void this.read(jobId)
        .then(async (info) => {
          if (!info || !states.includes(info.state)) return;
          for (const l of listeners) await Promise.resolve(l(info)).catch(() => undefined);
        })
        .catch(() => undefined);
    };
    this.events.on('completed', ({ jobId }) => announce(jobId, ['SUCCESS'], this.listeners));
    this.events.on('failed', ({ jobId }) =>
      announce(jobId, ['FAILURE', 'REVOKED'], this.failureListeners),
    );
  }

  /** Resolves once Redis answered (tests and start-up checks). */
  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.events) {
      this.eventsConnection?.disconnect();
      await withDeadline(this.events.close(), 2_000, 'events close').catch(() => undefined);
    }
    // Queue.close() waits for a connection that may never come when Redis is down; the
    // client is ours, so drop it first and bound the rest.
    this.client.disconnect();
    await withDeadline(this.queue.close(), 2_000, 'queue close').catch(() => undefined);
  }

  private async read(id: string): Promise<JobInfo | undefined> {
    // State first, then the row: read the other way round, a job finishing in between shows
    // as failed/completed without its reason/result.
    const bullState = await this.queue.getJobState(id);
    const job = (await this.queue.getJob(id)) as Job<BullJobData> | undefined;
    const flag = await this.client.get(this.keys.cancel(id));
    const tomb = flag ? (JSON.parse(flag) as Tombstone) : undefined;
    if (!job) {
      if (!tomb) return undefined;
      return {
        id,
        kind: tomb.kind,
        state: 'REVOKED',
        progress: 0,
        stage: 'cancelled',
        owner: tomb.owner,
        priority: tomb.priority,
        createdAt: tomb.createdAt,
        finishedAt: tomb.cancelledAt,
        error: { code: JOB_ERROR.cancelled, message: 'The job was cancelled' },
      };
    }
    const now = Date.now();
    if (job.finishedOn && now - job.finishedOn > this.retentionMs) {
      // BullMQ only prunes aged jobs when others finish; retention is ours to enforce on read.
      void job.remove().catch(() => undefined);
      return undefined;
    }
    const progress = (typeof job.progress === 'object' ? job.progress : {}) as ProgressValue;
    let state: JobState;
    if (tomb) state = 'REVOKED';
    else if (bullState === 'completed') state = 'SUCCESS';
    else if (bullState === 'failed') state = 'FAILURE';
    else if (bullState === 'active') state = 'PROGRESS';
    else if (bullState === 'unknown') return undefined;
    else state = 'PENDING';
    const info: JobInfo = {
      id,
      kind: job.data.kind,
      state,
      progress: state === 'SUCCESS' ? 100 : Math.round(progress.percent ?? 0),
      stage:
        state === 'SUCCESS'
          ? 'done'
          : state === 'REVOKED'
            ? 'cancelled'
            : state === 'FAILURE'
              ? 'failed'
              : (progress.stage ?? (state === 'PENDING' ? 'queued' : 'starting')),
      owner: job.data.owner,
      priority: job.opts.priority ?? DEFAULT_PRIORITY,
      createdAt: job.timestamp,
      input: job.data.input,
      save: job.data.save,
    };
    if (job.processedOn) info.startedAt = job.processedOn;
    if (job.finishedOn) info.finishedAt = job.finishedOn;
    else if (tomb) info.finishedAt = tomb.cancelledAt;
    if (state === 'SUCCESS') info.result = job.returnvalue;
    if (state === 'FAILURE') info.error = decodeFailure(job.failedReason);
    if (state === 'REVOKED') {
      info.error = { code: JOB_ERROR.cancelled, message: 'The job was cancelled' };
    }
    return info;
  }

  /**
   * Refuses at once while disconnected and bounds the wait otherwise. A Redis that is
   * connected but stops answering trips a breaker: for `breakerMs` calls fail at once instead
   * of each waiting out the deadline; health checks still probe and close it on success.
   */
  private async call<T>(fn: () => Promise<T>, what: string, probe = false): Promise<T> {
    if (this.closed) throw new QueueUnavailableError('the queue is closed');
    if (this.client.status !== 'ready') {
      throw new QueueUnavailableError(`Redis is not connected (${this.client.status})`);
    }
    if (!probe && Date.now() < this.breakerOpenUntil) {
      throw new QueueUnavailableError('Redis stopped answering; retrying shortly');
    }
    try {
      const value = await withDeadline(fn(), this.commandTimeoutMs, `Redis ${what}`);
      this.breakerOpenUntil = 0;
      return value;
    } catch (err) {
      if (err instanceof QueueFullError || err instanceof ClientLimitError) throw err;
      if (err instanceof DeadlineError) this.breakerOpenUntil = Date.now() + this.breakerMs;
      throw new QueueUnavailableError(err instanceof Error ? err.message : String(err));
    }
  }
}

export function createBullQueue(options: BullQueueOptions): BullJobQueue {
  return new BullJobQueue(options);
}
