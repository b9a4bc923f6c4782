/**
 * A minimal app around the job plugin and the forecast/async routes, for tests of those routes
 * on their own (the full app's own helper covers them wired with auth and the database).
 * Identity comes from an `x-test-user` header here so ownership rules can be tested directly.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandlers } from '../src/errors';
import jobsPlugin, { type JobsPluginOptions } from '../src/plugins/jobs';
import forecastRoutes from '../src/routes/forecasts';
import asyncRoutes, { type AsyncRoutesOptions } from '../src/routes/async';
import { TEAM_INPUT } from '../../engine/test/team-case';

export async function buildJobsApp(
  jobs: JobsPluginOptions = {},
  routes: AsyncRoutesOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installErrorHandlers(app);
  // As in the real app: route schemas feed the OpenAPI document, handlers validate.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  await app.register(jobsPlugin, { threads: 2, shutdownGraceMs: 0, ...jobs });
  const opts: AsyncRoutesOptions = {
    userIdOf: (req) => {
      const h = req.headers['x-test-user'];
      return typeof h === 'string' && h !== '' ? h : undefined;
    },
    ...routes,
  };
  await app.register(forecastRoutes, opts);
  await app.register(asyncRoutes, opts);
  app.get('/ping', async () => ({ ok: true }));
  await app.ready();
  return app;
}

export const T12 = TEAM_INPUT.tpSamples;

/** The spec's team reference case: P85 ≈ 23 weeks. */
export const TEAM_CASE = {
  ...TEAM_INPUT,
  numberOfSimulations: 10_000,
  seed: 12345,
};

/** POST /api/async/simulate (the team case unless `payload` is given), as a client would. */
export function submitSimulate(
  app: FastifyInstance,
  options: { payload?: unknown; headers?: Record<string, string>; query?: string } = {},
) {
  const { payload = TEAM_CASE, headers = {}, query = '' } = options;
  return app.inject({
    method: 'POST',
    url: `/api/async/simulate${query}`,
    headers,
    payload: payload as Record<string, unknown>,
  });
}

/** The task id of a 202 from an async route. */
export const taskIdOf = (res: { json(): unknown }) => (res.json() as { task_id: string }).task_id;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls GET /api/tasks/:id until a final state. */
export async function pollTask(
  app: FastifyInstance,
  id: string,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<{ body: Record<string, unknown>; seen: Record<string, unknown>[] }> {
  const until = Date.now() + timeoutMs;
  const seen: Record<string, unknown>[] = [];
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/tasks/${id}`, headers });
    if (res.statusCode !== 200) throw new Error(`poll ${res.statusCode}: ${res.body}`);
    const body = res.json() as Record<string, unknown>;
    seen.push(body);
    if (['SUCCESS', 'FAILURE', 'REVOKED'].includes(body.state as string)) return { body, seen };
    if (Date.now() > until) throw new Error(`task ${id} stuck in ${String(body.state)}`);
    await sleep(Math.min(200, 20 + seen.length * 5));
  }
}
