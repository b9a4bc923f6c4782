/**
 * Asynchronous forecasts: submit, poll, cancel, list, plus the job system's health. Input is
 * validated before queueing, so bad input is a 400 now rather than a failed job later.
 *
 * Visibility: a logged-in submitter owns the job by user id; an anonymous submitter's job is
 * owned by its own (random, unguessable) id, so the id itself is the capability.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AnyForecastKind } from '@flow-forecaster/schemas';
import { ClientLimitError, JobQueueError } from '@flow-forecaster/worker';
import type { JobInfo, QueueHealth } from '@flow-forecaster/worker';
import { AppError, notFound, validation } from '../errors';
import { DEFAULT_TIMEOUT_MS, check, timed } from '../timed';
import { requireCaller, validateForecast } from './forecasts';
import type { ForecastRoutesOptions } from './forecasts';

/** Interactive-sized jobs first; the pool threshold is what "big" means everywhere. */
export const PRIORITY_INTERACTIVE = 1;
export const PRIORITY_BATCH = 10;

export interface AsyncRoutesOptions extends ForecastRoutesOptions {
  /** Times the database round trip for the health check; throws when it is down. */
  checkDatabase?: () => Promise<void>;
  /**
   * Jobs one client may have waiting or running at once (default 20): one caller cannot fill
   * the queue for everyone. Counted by the queue: across every web node on BullMQ.
   */
  maxActivePerClient?: number;
  /** Metrics hook: a submission refused with 429. */
  onRejected?: (reason: 'per_client' | 'queue_full') => void;
  /** Who "one client" is: the user, else the address (default `request.ip`). */
  clientKeyOf?: (request: FastifyRequest, userId: string | undefined) => string;
}

const DEFAULT_MAX_ACTIVE_PER_CLIENT = 20;

const STATUS_TEXT: Record<JobInfo['state'], string> = {
  PENDING: 'Waiting in the queue',
  PROGRESS: 'Running',
  SUCCESS: 'Done',
  FAILURE: 'Failed',
  REVOKED: 'Cancelled',
};

export function taskView(job: JobInfo) {
  return {
    task_id: job.id,
    kind: job.kind,
    state: job.state,
    status: job.state === 'PROGRESS' ? `Running: ${job.stage}` : STATUS_TEXT[job.state],
    progress: job.progress,
    stage: job.stage,
    created_at: new Date(job.createdAt).toISOString(),
    ...(job.startedAt ? { started_at: new Date(job.startedAt).toISOString() } : {}),
    ...(job.finishedAt ? { finished_at: new Date(job.finishedAt).toISOString() } : {}),
    ...(job.state === 'SUCCESS' ? { result: job.result } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}

function queueError(err: unknown): unknown {
  if (err instanceof JobQueueError) {
    if (err.statusCode === 429) return new AppError('FF_ERR_RATE_LIMITED', err.message);
    return new AppError('FF_ERR_UNAVAILABLE', err.message);
  }
  return err;
}

function visibleTo(job: JobInfo | undefined, userId: string | undefined): job is JobInfo {
  return (
    job !== undefined && (job.owner === job.id || (userId !== undefined && job.owner === userId))
  );
}

function taskId(request: FastifyRequest): string {
  const { id } = request.params as { id?: string };
  // Ids are UUIDs; anything else cannot exist, so do not bother the queue with it.
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw notFound('No such task');
  return id;
}

/** The queue's health; a queue that does not answer in time (Redis silent) is down. */
async function queueHealth(app: FastifyInstance): Promise<QueueHealth> {
  try {
    return await timed(app.jobs.health(), DEFAULT_TIMEOUT_MS, 'job queue');
  } catch (err) {
    return {
      ok: false,
      latencyMs: DEFAULT_TIMEOUT_MS,
      workers: 0,
      backend: app.jobs.backend,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}
export default async function asyncRoutes(
  app: FastifyInstance,
  opts: AsyncRoutesOptions,
): Promise<void> {
  const tags = ['async jobs'];
  submitRoutes(app, opts, tags);
  taskRoutes(app, opts, tags);
  healthRoute(app, opts, tags);
}

/** Validates, fixes the seed and queues one forecast; refusals become 429/503 errors. */
function submitter(app: FastifyInstance, opts: AsyncRoutesOptions) {
  const maxActive = opts.maxActivePerClient ?? DEFAULT_MAX_ACTIVE_PER_CLIENT;
  const clientKeyOf =
    opts.clientKeyOf ?? ((request, userId) => (userId ? `u:${userId}` : `ip:${request.ip}`));
  return async (request: FastifyRequest, row: AnyForecastKind) => {
    const userId = await requireCaller(request, opts);
    // Fix the seed now: a job re-run after a worker crash (BullMQ stalled-job recovery) must
    // reproduce the same numbers, and so must a saved forecast re-run later.
    const parsed = validateForecast(app.forecastRegistry, row.kind, request.body, {
      fixSeed: true,
    });
    const { save } = (request.query ?? {}) as { save?: string };
    const wantsSave = save === 'true' || save === '1';
    if (wantsSave && !userId) throw new AppError('FF_ERR_UNAUTHORIZED', 'Log in to save forecasts');
    const priority = app.forecastRunner.isLarge(parsed) ? PRIORITY_BATCH : PRIORITY_INTERACTIVE;
    let id: string;
    try {
      id = await app.jobs.submit(parsed.kind, parsed.input, {
        owner: userId ?? '',
        priority,
        save: wantsSave && userId ? { userId } : null,
        client: { key: clientKeyOf(request, userId), maxActive },
      });
    } catch (err) {
      if (err instanceof ClientLimitError) opts.onRejected?.('per_client');
      else if (err instanceof JobQueueError && err.statusCode === 429) {
        opts.onRejected?.('queue_full');
      }
      throw queueError(err);
    }
    return {
      task_id: id,
      status: 'PENDING' as const,
      message: `Forecast queued; poll ${`/api/tasks/${id}`} for progress and the result`,
      poll_url: `/api/tasks/${id}`,
    };
  };
}

/** POST /api/async/<name> for each queueable kind, and a 400 naming them for any other. */
function submitRoutes(app: FastifyInstance, opts: AsyncRoutesOptions, tags: string[]): void {
  const submit = submitter(app, opts);
  const registry = app.forecastRegistry;
  // One documented route per name a queueable kind answers to (its id and its sync paths'
  // names); `:kind` only answers the names that cannot be queued, with the list that can.
  for (const name of registry.asyncNames) {
    const row = registry.byAsyncName(name);
    if (!row) continue;
    const schema = {
      tags,
      summary: `Queue: ${row.title}`,
      description: `${row.description}. Answers 202 with a task to poll.`,
      body: row.schema,
    };
    app.post(`/api/async/${name}`, { schema }, async (request, reply) => {
      reply.code(202);
      return submit(request, row);
    });
  }

  app.post('/api/async/:kind', { schema: { tags } }, async (request) => {
    const { kind } = request.params as { kind: string };
    throw validation(
      `kind: "${kind}" cannot be queued; use one of ${registry.asyncNames.join(', ')}`,
      'kind',
    );
  });
}

/** Polling, cancelling and listing one caller's tasks. */
function taskRoutes(app: FastifyInstance, opts: AsyncRoutesOptions, tags: string[]): void {
  // Polling is a cheap read and a client polls many times per job: it gets ten times the
  // general per-client budget instead of eating into it.
  // Apps built for job tests have no config.
  const limits = app.hasDecorator('config') ? app.config.rateLimit : undefined;
  const pollConfig: Record<string, unknown> = limits
    ? { rateLimit: { max: limits.max * 10, timeWindow: limits.windowSeconds * 1000 } }
    : {};

  app.get('/api/tasks/:id', { config: pollConfig, schema: { tags } }, async (request) => {
    const id = taskId(request);
    const userId = await opts.userIdOf?.(request);
    let job: JobInfo | undefined;
    try {
      job = await app.jobs.get(id);
    } catch (err) {
      throw queueError(err);
    }
    if (!visibleTo(job, userId)) throw notFound('No such task');
    if (job.state === 'SUCCESS' && job.save) {
      const failed = await app.saveJobResult(job);
      // The caller asked for a saved forecast and did not get one: that is a failure, with the
      // result still shown so the work is not lost.
      if (failed)
        return { ...taskView(job), state: 'FAILURE', status: STATUS_TEXT.FAILURE, error: failed };
    }
    return taskView(job);
  });

  app.delete('/api/tasks/:id', { schema: { tags } }, async (request) => {
    const id = taskId(request);
    const userId = await opts.userIdOf?.(request);
    try {
      const job = await app.jobs.get(id);
      if (!visibleTo(job, userId)) throw notFound('No such task');
      const cancelled = await app.jobs.cancel(id);
      const now = await app.jobs.get(id);
      return { task_id: id, cancelled, state: now?.state ?? 'REVOKED' };
    } catch (err) {
      throw queueError(err);
    }
  });

  app.get('/api/tasks', { schema: { tags } }, async (request) => {
    const userId = await opts.userIdOf?.(request);
    if (!userId) throw new AppError('FF_ERR_UNAUTHORIZED', 'Log in to list your tasks');
    try {
      const jobs = await app.jobs.list(userId);
      // Lists stay light: fetch a task for its result.
      return { items: jobs.map((j) => ({ ...taskView(j), result: undefined })) };
    } catch (err) {
      throw queueError(err);
    }
  });
}

/** The job system's health: database, Redis (when BullMQ is the back end) and workers. */
function healthRoute(app: FastifyInstance, opts: AsyncRoutesOptions, tags: string[]): void {
  app.get('/api/async/health', { schema: { tags } }, async (_request, reply) => {
    const [database, queue] = await Promise.all([
      opts.checkDatabase
        ? check('database', opts.checkDatabase)
        : Promise.resolve({ status: 'not configured' }),
      queueHealth(app),
    ]);
    const redis =
      queue.backend === 'bullmq'
        ? queue.ok
          ? { status: 'ok', latencyMs: queue.latencyMs }
          : { status: 'down', latencyMs: queue.latencyMs, error: queue.error }
        : { status: 'not configured', backend: 'in-process worker threads' };
    const down = database.status === 'down' || redis.status === 'down';
    reply.code(down ? 503 : 200);
    return {
      status: down ? 'unhealthy' : queue.workers > 0 ? 'healthy' : 'degraded',
      database,
      redis,
      workers: queue.workers,
      backend: queue.backend,
      timestamp: new Date().toISOString(),
    };
  });
}
