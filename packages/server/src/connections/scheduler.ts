/**
 * Scheduled syncs. Every web node looks for connections due a sync on a tick; the claim in
 * `syncConnection` lets exactly one node run each, so a scaled deployment syncs once per
 * schedule without a separate queue. Syncs wait on trackers' networks, not on CPU, so they run
 * on the event loop one at a time per node; the tick never overlaps itself.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { syncConnection } from './sync';

export interface SchedulerOptions {
  key?: Buffer;
  tickSeconds: number;
}

export async function runDueSyncs(
  app: FastifyInstance,
  key: Buffer,
  now = new Date(),
): Promise<number> {
  let ran = 0;
  for (const row of await app.repos.connections.due(now)) {
    const outcome = await syncConnection(app.db, key, row, {
      dueAt: now,
      allowPrivate: app.config.allowPrivateTrackerUrls === true,
    });
    if (outcome.status === 'failed')
      app.log.warn({ connection: row.id, error: outcome.error }, 'scheduled sync failed');
    if (outcome.status !== 'busy') ran++;
  }
  return ran;
}

export default fp(async function connectionScheduler(app: FastifyInstance, opts: SchedulerOptions) {
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
