/**
 * `npm run worker`: a BullMQ worker process for the scaled deployment. Run any number of them
 * on any number of machines against the same REDIS_URL and JOB_QUEUE_PREFIX.
 *
 * Environment (validated by worker-config.ts, documented in docs/configuration.md): REDIS_URL
 * (required), JOB_QUEUE_PREFIX (default `ff`), WORKER_CONCURRENCY (jobs at once, default one
 * per core), WORKER_THREADS (pool threads, default one per core),
 * JOB_RESULT_MAX_MB (largest result a job may store, default 16), JOB_RESULTS_MAX_MB (all stored
 * results together, default 256), JOB_RETENTION_SECONDS (as the web's, default 3600).
 * Tracker syncs: CONNECTION_KEY (the web's, to open a sync job's sealed request) and
 * ALLOW_PRIVATE_TRACKER_URLS (default false: trackers on private addresses are refused).
 * SIGTERM/SIGINT: stop taking jobs, finish the running ones, then exit 0; a second signal
 * exits at once (other workers pick the interrupted jobs up).
 */
import { createForecastProcessor } from './forecast-processor';
import { createTaskPool, defaultThreadCount } from './pool';
import { startBullWorker } from './bull-runtime';
import { withSyncJobs } from './sync-processor';
import { loadWorkerConfig } from './worker-config';

function log(level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: Date.now(), pid: process.pid, msg, ...extra });
  if (level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  // Validated before anything starts: a bad value names its variable and exits 1.
  const config = loadWorkerConfig(process.env, defaultThreadCount());
  const { prefix, concurrency, threads } = config;
  const pool = createTaskPool({ threads });
  const handle = startBullWorker({
    redisUrl: config.redisUrl,
    prefix,
    concurrency,
    maxResultBytes: config.maxResultBytes,
    resultsBudgetBytes: config.resultsBudgetBytes,
    retentionMs: config.retentionMs,
    processor: withSyncJobs(createForecastProcessor({ pool, testJobs: config.testJobs }), {
      key: config.connectionKey,
      allowPrivate: config.allowPrivateTrackerUrls,
    }),
  });
  handle.worker.on('active', (job) => log('info', 'job started', { jobId: job.id }));
  handle.worker.on('completed', (job) => log('info', 'job completed', { jobId: job.id }));
  handle.worker.on('failed', (job, err) =>
    log('info', 'job failed', { jobId: job?.id, reason: err.message }),
  );
  await handle.worker.waitUntilReady();
  log('info', 'worker ready', { workerId: handle.id, prefix, concurrency, threads });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      // A second signal means "now": the running jobs' locks expire and other workers
      // re-run them from the start.
      log('info', 'second signal: exiting without waiting for running jobs', { signal });
      process.exit(1);
    }
    stopping = true;
    log('info', 'stopping: finishing running jobs', { signal, active: handle.active() });
    void handle
      .close()
      .then(() => pool.destroy())
      .then(() => {
        log('info', 'worker stopped');
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  log('error', 'worker failed to start', {
    error: err instanceof Error ? err.message : String(err),
  });
  process.exit(1);
});
