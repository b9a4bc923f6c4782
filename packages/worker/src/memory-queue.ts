/**
 * The embedded back end: jobs live in this process's memory and run through a processor that
 * hands CPU work to the worker-thread pool. No setup, lost on restart (results are short-lived
 * by design; saved forecasts go to the database).
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_MAX_QUEUED,
  DEFAULT_PRIORITY,
  DEFAULT_RETENTION_MS,
  DEFAULT_TIMEOUT_MS,
} from './job-types';
import type {
  JobInfo,
  JobQueue,
  Processor,
  QueueHealth,
  SubmitOptions,
  SuccessListener,
} from './job-types';
import { ClientLimitError, JOB_ERROR, JobAbortedError, QueueFullError, toJobError } from './errors';

export interface MemoryQueueOptions {
  processor: Processor;
  /** Jobs running at once. Default 2: CPU work is spread over the pool's threads anyway. */
  concurrency?: number;
  /** Reported as `workers` by health(). */
  workers?: number;
  retentionMs?: number;
  maxQueued?: number;
  defaultTimeoutMs?: number;
  /**
   * Memory finished results may hold, in bytes of their JSON (default 256 MiB). Past it the
   * oldest finished jobs are forgotten early, as if their retention had passed: a burst of big
   * results (`includeRuns`) cannot grow the process without bound.
   */
  maxResultBytes?: number;
  /** Called after close() stops the jobs, e.g. to destroy a pool the queue owns. */
  onClose?: () => Promise<void>;
}

interface Entry {
  info: JobInfo;
  input: unknown;
  timeoutMs: number;
  seq: number;
  controller?: AbortController;
  /** Size of the held result, counted in `resultBytes`. */
  bytes: number;
  /** The client it counts against while waiting or running (SubmitOptions.client). */
  clientKey?: string;
}

export const DEFAULT_MAX_RESULT_BYTES = 256 * 1024 * 1024;

export class MemoryJobQueue implements JobQueue {
  readonly backend = 'memory' as const;
  private readonly jobs = new Map<string, Entry>();
  /** Ids of the jobs each client has waiting or running. */
  private readonly byClient = new Map<string, Set<string>>();
  private pending: Entry[] = [];
  private running = 0;
  private seq = 0;
  private resultBytes = 0;
  private closed = false;
  private readonly listeners: SuccessListener[] = [];
  private readonly failureListeners: SuccessListener[] = [];
  private readonly sweeper: NodeJS.Timeout;
  private readonly opts: Required<Omit<MemoryQueueOptions, 'onClose' | 'workers'>> &
    Pick<MemoryQueueOptions, 'onClose' | 'workers'>;

  constructor(options: MemoryQueueOptions) {
    this.opts = {
      ...options,
      concurrency: options.concurrency ?? 2,
      retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
      maxQueued: options.maxQueued ?? DEFAULT_MAX_QUEUED,
      defaultTimeoutMs: options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResultBytes: options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES,
    };
    const sweepEvery = Math.min(60_000, Math.max(250, this.opts.retentionMs / 2));
    this.sweeper = setInterval(() => this.sweep(), sweepEvery);
    this.sweeper.unref();
  }

  async submit(kind: string, input: unknown, options: SubmitOptions): Promise<string> {
    if (this.closed) throw new Error('The job queue is closed');
    const client = options.client;
    const mine = client ? this.byClient.get(client.key) : undefined;
    if (client && (mine?.size ?? 0) >= client.maxActive) {
      throw new ClientLimitError(client.maxActive);
    }
    if (this.pending.length >= this.opts.maxQueued) throw new QueueFullError(this.opts.maxQueued);
    const id = randomUUID();
    const entry: Entry = {
      info: {
        id,
        kind,
        state: 'PENDING',
        progress: 0,
        stage: 'queued',
        owner: options.owner === '' ? id : options.owner,
        priority: options.priority ?? DEFAULT_PRIORITY,
        createdAt: Date.now(),
        save: options.save ?? null,
      },
      input,
      timeoutMs: options.timeoutMs ?? this.opts.defaultTimeoutMs,
      seq: this.seq++,
      bytes: 0,
      clientKey: client?.key,
    };
    if (client) this.byClient.set(client.key, (mine ?? new Set<string>()).add(id));
    this.jobs.set(id, entry);
    this.enqueue(entry);
    queueMicrotask(() => this.pump());
    return id;
  }

  async get(id: string): Promise<JobInfo | undefined> {
    const entry = this.jobs.get(id);
    if (!entry || this.expired(entry, Date.now())) return undefined;
    return { ...snapshot(entry.info), input: entry.input };
  }

  async cancel(id: string): Promise<boolean> {
    const entry = this.jobs.get(id);
    if (!entry) return false;
    const { info } = entry;
    if (info.state === 'PENDING') {
      this.pending = this.pending.filter((e) => e !== entry);
      this.finish(entry, 'REVOKED', undefined, {
        code: JOB_ERROR.cancelled,
        message: 'The job was cancelled',
      });
      return true;
    }
    if (info.state === 'PROGRESS') {
      // Report REVOKED at once; the processor notices the signal at its next batch boundary
      // and its late result is discarded.
      this.finish(entry, 'REVOKED', undefined, {
        code: JOB_ERROR.cancelled,
        message: 'The job was cancelled',
      });
      entry.controller?.abort(new JobAbortedError(JOB_ERROR.cancelled, 'The job was cancelled'));
      return true;
    }
    return false;
  }

  async list(owner: string, limit = 50): Promise<JobInfo[]> {
    const now = Date.now();
    const out: JobInfo[] = [];
    for (const entry of this.jobs.values()) {
      if (entry.info.owner === owner && !this.expired(entry, now)) out.push(snapshot(entry.info));
    }
    out.sort((a, b) => b.createdAt - a.createdAt);
    return out.slice(0, limit);
  }

  async health(): Promise<QueueHealth> {
    return {
      ok: !this.closed,
      latencyMs: 0,
      workers: this.opts.workers ?? this.opts.concurrency,
      backend: 'memory',
      waiting: this.pending.length,
      active: this.running,
      resultBytes: this.resultBytes,
      resultBudgetBytes: this.opts.maxResultBytes,
    };
  }

  onSuccess(listener: SuccessListener): void {
    this.listeners.push(listener);
  }

  onFailure(listener: SuccessListener): void {
    this.failureListeners.push(listener);
  }

  async close(options: { graceMs?: number } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    for (const entry of this.pending) this.finish(entry, 'REVOKED');
    this.pending = [];
    // Graceful shutdown: running jobs may finish (their results are still served until the
    // process exits); whatever is left after the grace period is cancelled.
    const until = Date.now() + (options.graceMs ?? 0);
    while (this.running > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    for (const entry of this.jobs.values()) {
      entry.controller?.abort(new JobAbortedError(JOB_ERROR.cancelled, 'The server is stopping'));
    }
    await this.opts.onClose?.();
  }

  /** Waiting jobs (for metrics and tests). */
  queuedCount(): number {
    return this.pending.length;
  }

  private enqueue(entry: Entry): void {
    // Keep `pending` ordered by (priority, submission order); inserts are rare next to runs.
    const i = this.pending.findIndex(
      (e) =>
        e.info.priority > entry.info.priority ||
        (e.info.priority === entry.info.priority && e.seq > entry.seq),
    );
    if (i === -1) this.pending.push(entry);
    else this.pending.splice(i, 0, entry);
  }

  private pump(): void {
    while (!this.closed && this.running < this.opts.concurrency && this.pending.length > 0) {
      const entry = this.pending.shift() as Entry;
      void this.run(entry);
    }
  }

  private async run(entry: Entry): Promise<void> {
    this.running++;
    const controller = new AbortController();
    entry.controller = controller;
    const { info } = entry;
    info.state = 'PROGRESS';
    info.stage = 'starting';
    info.startedAt = Date.now();
    const timer = setTimeout(() => {
      controller.abort(
        new JobAbortedError(JOB_ERROR.timeout, `The job exceeded its ${entry.timeoutMs} ms limit`),
      );
    }, entry.timeoutMs);
    // Settle on the first of: the processor's result, or the signal (a processor stuck inside
    // one long unit of work must not hold the job past its time limit).
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      });
    });
    try {
      const result = await Promise.race([
        this.opts.processor(
          { id: info.id, kind: info.kind, input: entry.input, owner: info.owner, attempt: 1 },
          controller.signal,
          (percent, stage) => {
            if (info.state !== 'PROGRESS') return;
            info.progress = clampPercent(percent);
            if (stage) info.stage = stage;
          },
        ),
        aborted,
      ]);
      if (info.state === 'PROGRESS') {
        this.finish(entry, 'SUCCESS', result);
        for (const listener of this.listeners) {
          void Promise.resolve()
            .then(() => listener({ ...snapshot(info), input: entry.input }))
            .catch(() => undefined);
        }
      }
    } catch (err) {
      if (info.state === 'PROGRESS') {
        const error = toJobError(err);
        this.finish(
          entry,
          error.code === JOB_ERROR.cancelled ? 'REVOKED' : 'FAILURE',
          undefined,
          error,
        );
      }
    } finally {
      clearTimeout(timer);
      aborted.catch(() => undefined);
      entry.controller = undefined;
      this.running--;
      this.pump();
    }
  }

  private finish(
    entry: Entry,
    state: 'SUCCESS' | 'FAILURE' | 'REVOKED',
    result?: unknown,
    error?: { code: string; message: string },
  ): void {
    const { info } = entry;
    info.state = state;
    info.finishedAt = Date.now();
    if (entry.clientKey !== undefined) {
      const mine = this.byClient.get(entry.clientKey);
      mine?.delete(info.id);
      if (mine?.size === 0) this.byClient.delete(entry.clientKey);
      entry.clientKey = undefined;
    }
    info.stage = state === 'SUCCESS' ? 'done' : state === 'REVOKED' ? 'cancelled' : 'failed';
    if (state === 'SUCCESS') {
      info.progress = 100;
      info.result = result;
      // UTF-16 length of the JSON: what a poll would send, and close to what it costs to hold.
      entry.bytes = (JSON.stringify(result) ?? '').length * 2;
      this.resultBytes += entry.bytes;
      this.enforceResultBudget(entry);
    }
    if (error) info.error = error;
    if (state !== 'SUCCESS') {
      const ended = { ...snapshot(info), input: entry.input };
      for (const listener of this.failureListeners) {
        void Promise.resolve()
          .then(() => listener(ended))
          .catch(() => undefined);
      }
      // Only a successful job needs its input later (saving); drop the rest early.
      entry.input = undefined;
    }
  }

  private forget(id: string, entry: Entry): void {
    this.jobs.delete(id);
    this.resultBytes -= entry.bytes;
    entry.bytes = 0;
  }

  /** Forgets the oldest finished results until the rest fit; the newest one always stays. */
  private enforceResultBudget(newest: Entry): void {
    if (this.resultBytes <= this.opts.maxResultBytes) return;
    const finished = [...this.jobs.entries()]
      .filter(([, e]) => e.bytes > 0 && e !== newest)
      .sort(([, a], [, b]) => (a.info.finishedAt ?? 0) - (b.info.finishedAt ?? 0));
    for (const [id, entry] of finished) {
      if (this.resultBytes <= this.opts.maxResultBytes) break;
      this.forget(id, entry);
    }
  }

  private expired(entry: Entry, now: number): boolean {
    const done = entry.info.finishedAt;
    return done !== undefined && now - done > this.opts.retentionMs;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.jobs) if (this.expired(entry, now)) this.forget(id, entry);
  }
}

function clampPercent(p: number): number {
  if (!Number.isFinite(p)) return 0;
  return Math.max(0, Math.min(100, Math.round(p)));
}

function snapshot(info: JobInfo): JobInfo {
  return { ...info };
}

export function createMemoryQueue(options: MemoryQueueOptions): MemoryJobQueue {
  return new MemoryJobQueue(options);
}
