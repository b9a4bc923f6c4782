/**
 * Scheduled syncs. Every web node looks for connections due a sync on a tick; the claim in
 * `startSync` lets exactly one node queue each, and the job runs where the queue runs jobs (a
 * BullMQ worker in a scaled deployment, this process' queue otherwise), so a scaled deployment
 * syncs once per schedule, on its workers. Whichever web node hears of the job's end stores it
 * (only the claim's holder can). The tick never overlaps itself.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CONNECTOR_SYNC_KIND, type JobInfo } from '@flow-forecaster/worker';
import { applySyncJob, awaitSync, startSync } from './sync';

export interface SchedulerOptions {
  key?: Buffer;
  tickSeconds: number;
}

/**
 * Queues the syncs due at `now`; answers how many this node queued. `wait` (tests, one-shot
 * commands) also waits for them to be stored.
 */
export async function runDueSyncs(
  app: FastifyInstance,
  key: Buffer,
  now = new Date(),
  options: { wait?: boolean } = {},
): Promise<number> {
  const queued: string[] = [];
  for (const row of await app.repos.connections.due(now)) {
    try {
      const started = await startSync(app.jobs, app.db, key, row, { dueAt: now });
      if (started.status === 'queued') queued.push(started.jobId);
    } catch (error) {
      app.log.warn({ connection: row.id, err: error }, 'scheduled sync could not be queued');
    }
  }
  if (options.wait) {
    for (const jobId of queued) {
      const outcome = await awaitSync(app.jobs, app.db, jobId);
      if (outcome.status === 'failed')
        app.log.warn({ jobId, error: outcome.error }, 'scheduled sync failed');
    }
  }
  return queued.length;
}

export default fp(async function connectionScheduler(app: FastifyInstance, opts: SchedulerOptions) {
  // Stored whoever queued the job: with BullMQ every web node hears of each end. A job that
  // failed or was cancelled releases its claim at once rather than after STALE_CLAIM_MINUTES.
  const store = async (job: JobInfo) => {
    if (job.kind !== CONNECTOR_SYNC_KIND) return;
    const outcome = await applySyncJob(app.db, job).catch((error: unknown) => {
      app.log.error({ err: error, jobId: job.id }, 'storing a sync failed');
      return undefined;
    });
    if (outcome?.status === 'failed')
      app.log.warn({ jobId: job.id, error: outcome.error }, 'sync failed');
  };
  app.jobs.onSuccess(store);
  app.jobs.onFailure(store);
  const key = opts.key;
  if (!key) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueSyncs(app, key)
      .catch((error: unknown) => app.log.error({ err: error }, 'connection scheduler tick failed'))
      .finally(() => (running = false));
  }, opts.tickSeconds * 1000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
});
