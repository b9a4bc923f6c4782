/**
 * Gauges the alert rules and dashboard in deploy/ need beyond request counters: job queue
 * depth, live workers, and whether each dependency answers (with its latency). They are read
 * when Prometheus scrapes, so they cost nothing between scrapes; one health probe serves all
 * gauges of a scrape.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { QueueHealth } from '@flow-forecaster/worker';
import { DEFAULT_TIMEOUT_MS, timed } from '../timed';

interface Probe {
  queue?: QueueHealth;
  database: { up: boolean; latencyMs: number };
}

const PROBE_TIMEOUT_MS = DEFAULT_TIMEOUT_MS;
const PROBE_REUSE_MS = 1_000;

async function probeDatabase(app: FastifyInstance): Promise<Probe['database']> {
  const t0 = performance.now();
  try {
    await timed(app.database.ping(), PROBE_TIMEOUT_MS, 'database');
    return { up: true, latencyMs: performance.now() - t0 };
  } catch {
    return { up: false, latencyMs: performance.now() - t0 };
  }
}

async function opsMetricsPlugin(app: FastifyInstance): Promise<void> {
  const registers = [app.metrics.registry];
  let last: { at: number; probe: Promise<Probe> } | undefined;
  const probe = (): Promise<Probe> => {
    const now = Date.now();
    if (!last || now - last.at > PROBE_REUSE_MS) {
      const jobs = app.hasDecorator('jobs') ? app.jobs : undefined;
      last = {
        at: now,
        probe: Promise.all([
          jobs
            ? timed(jobs.health(), PROBE_TIMEOUT_MS, 'job queue').catch(() => undefined)
            : Promise.resolve(undefined),
          probeDatabase(app),
        ]).then(([queue, database]) => ({ queue, database })),
      };
    }
    return last.probe;
  };

  new Gauge({
    name: 'ff_job_queue_depth',
    help: 'Async jobs waiting to start and running, as seen by this web node',
    labelNames: ['state'],
    registers,
    async collect() {
      const { queue } = await probe();
      this.set({ state: 'waiting' }, queue?.waiting ?? 0);
      this.set({ state: 'active' }, queue?.active ?? 0);
    },
  });
  new Gauge({
    name: 'ff_job_results_bytes',
    help: 'In-process back end: bytes of finished results held for polling (state=held) and the budget (JOB_RESULTS_MAX_MB)',
    labelNames: ['state'],
    registers,
    async collect() {
      const { queue } = await probe();
      if (queue?.resultBytes === undefined) return;
      this.set({ state: 'held' }, queue.resultBytes);
      this.set({ state: 'budget' }, queue.resultBudgetBytes ?? 0);
    },
  });
  new Gauge({
    name: 'ff_job_workers_live',
    help: 'Live job workers: pool threads, or BullMQ worker processes with a fresh heartbeat',
    registers,
    async collect() {
      const { queue } = await probe();
      this.set(queue?.ok ? queue.workers : 0);
    },
  });
  new Gauge({
    name: 'ff_dependency_up',
    help: '1 when the dependency answered the last probe, 0 when not',
    labelNames: ['dependency'],
    registers,
    async collect() {
      const { queue, database } = await probe();
      this.set({ dependency: 'database' }, database.up ? 1 : 0);
      // Without Redis there is nothing that can be down: the queue lives in this process.
      if (queue?.backend === 'bullmq') this.set({ dependency: 'redis' }, queue.ok ? 1 : 0);
    },
  });
  new Gauge({
    name: 'ff_dependency_latency_seconds',
    help: 'Round trip of the last health probe to each dependency',
    labelNames: ['dependency'],
    registers,
    async collect() {
      const { queue, database } = await probe();
      this.set({ dependency: 'database' }, database.latencyMs / 1000);
      if (queue?.backend === 'bullmq') this.set({ dependency: 'redis' }, queue.latencyMs / 1000);
    },
  });
}

export default fp(opsMetricsPlugin, { name: 'ff-ops-metrics', dependencies: ['ff-metrics'] });
