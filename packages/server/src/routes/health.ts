import type { FastifyInstance } from 'fastify';
import { check } from '../timed';
import type { Check } from '../timed';

/** Liveness and readiness for load balancers and orchestrators; never rate-limited. */
export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  const opts = { config: { rateLimit: false }, schema: { tags: ['operations'] } };

  const readiness = async () => {
    const database = await check('database', () => app.database.ping());
    let queue: Check | undefined;
    // The job plugin (when registered) decorates `jobs`; this file does not depend on it.
    const jobs = app.hasDecorator('jobs') ? app.jobs : undefined;
    if (jobs) {
      queue = await check('job queue', async () => {
        const h = await jobs.health();
        if (!h.ok) throw new Error(h.error ?? 'job queue unavailable');
      });
    }
    const ready = database.status === 'ok' && (queue === undefined || queue.status === 'ok');
    return { ready, database, ...(queue ? { queue } : {}) };
  };

  app.get('/healthz', opts, async () => ({ status: 'ok' }));

  app.get('/readyz', opts, async (_request, reply) => {
    const r = await readiness();
    reply.code(r.ready ? 200 : 503);
    return { status: r.ready ? 'ready' : 'not ready', ...r, timestamp: new Date().toISOString() };
  });

  // The original's endpoint, kept for existing monitors.
  app.get('/health', opts, async (_request, reply) => {
    const r = await readiness();
    reply.code(r.ready ? 200 : 503);
    return {
      status: r.ready ? 'healthy' : 'unhealthy',
      database: r.database.status,
      ...(r.queue ? { queue: r.queue.status } : {}),
      timestamp: new Date().toISOString(),
    };
  });
}
