import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequestsTotal: Counter<'method' | 'route' | 'status'>;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Forecasts computed, by kind (synchronous, async and saved). */
  forecastsTotal: Counter<'kind'>;
  /** Monte Carlo runs simulated. */
  simulationRunsTotal: Counter;
  /** Synchronous forecasts stopped early because their client disconnected. */
  forecastsAbandonedTotal: Counter<'kind'>;
  /** Async submissions refused: one client's share (per_client) or the whole queue (queue_full). */
  jobsRejectedTotal: Counter<'reason'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** Counts one forecast and its runs; the number of runs is read from the input or the result. */
export function recordForecast(
  metrics: Metrics,
  kind: string,
  input: unknown,
  result?: unknown,
): void {
  metrics.forecastsTotal.inc({ kind });
  const i = (input ?? {}) as Record<string, unknown>;
  const r = (result ?? {}) as Record<string, unknown>;
  const runs = [i.numberOfSimulations, i.nSimulations, r.numberOfSimulations].find(
    (v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0,
  );
  if (runs !== undefined) metrics.simulationRunsTotal.inc(runs);
}

export function createMetrics(): Metrics {
  // A registry per app: tests build many apps in one process and must not share counters.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  return {
    registry,
    httpRequestsTotal: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    forecastsTotal: new Counter({
      name: 'ff_forecasts_total',
      help: 'Forecasts computed, by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    simulationRunsTotal: new Counter({
      name: 'ff_simulation_runs_total',
      help: 'Monte Carlo runs simulated',
      registers: [registry],
    }),
    forecastsAbandonedTotal: new Counter({
      name: 'ff_forecasts_abandoned_total',
      help: 'Synchronous forecasts stopped early because their client disconnected, by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    jobsRejectedTotal: new Counter({
      name: 'ff_jobs_rejected_total',
      help: 'Async forecasts refused with 429: per_client (JOBS_PER_CLIENT) or queue_full (JOB_QUEUE_MAX)',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}

async function metricsPlugin(app: FastifyInstance): Promise<void> {
  const metrics = createMetrics();
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids in paths would explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.httpRequestsTotal.inc(labels);
    metrics.httpRequestDuration.observe(labels, reply.elapsedTime / 1000);
  });
  app.get(
    '/metrics',
    { config: { rateLimit: false }, schema: { hide: true } },
    async (_req, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}

export default fp(metricsPlugin, { name: 'ff-metrics' });
