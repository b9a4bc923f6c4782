import {
  envBool,
  envConnectionKey,
  envInt,
  envOptionalInt,
  envObject,
  envQueuePrefix,
  envRequiredString,
  parseEnv,
} from '@flow-forecaster/schemas/env';

const MB = 1024 * 1024;

/**
 * The `npm run worker` process's environment, validated once at start with the same field
 * rules as the server's config (a variable both read accepts the same values in both). A bad
 * value stops the start with a ConfigError naming the variable (`  WORKER_CONCURRENCY: must be
 * an integer ≥ 1`) instead of being ignored. docs/configuration.md documents each variable
 * (checked by packages/server/test/config-doc.test.ts).
 */
const workerEnvSchema = envObject({
  REDIS_URL: envRequiredString('for `npm run worker`'),
  JOB_QUEUE_PREFIX: envQueuePrefix,
  WORKER_CONCURRENCY: envOptionalInt(1),
  WORKER_THREADS: envOptionalInt(1),
  JOB_RESULT_MAX_MB: envInt(16, 1),
  JOB_RESULTS_MAX_MB: envInt(256, 1),
  JOB_RETENTION_SECONDS: envInt(3600, 1),
  CONNECTION_KEY: envConnectionKey,
  ALLOW_PRIVATE_TRACKER_URLS: envBool(false),
  // Tests only: lets the worker run the `test-steps` kind the job tests drive.
  FF_ENABLE_TEST_JOBS: envBool(false),
});

/** Every environment variable the worker process reads. */
export const WORKER_CONFIG_VARIABLES: readonly string[] = Object.keys(workerEnvSchema.shape);

export interface WorkerConfig {
  redisUrl: string;
  prefix: string;
  /** Jobs at once in this process. */
  concurrency: number;
  /** Threads of this process's pool. */
  threads: number;
  maxResultBytes: number;
  resultsBudgetBytes: number;
  retentionMs: number;
  connectionKey?: Buffer;
  allowPrivateTrackerUrls: boolean;
  testJobs: boolean;
}

/**
 * Reads the worker's settings from `env`; `cores` is the default for both concurrency and
 * threads (one per core), passed in so this module stays free of the pool.
 */
export function loadWorkerConfig(
  env: Readonly<Record<string, string | undefined>>,
  cores: number,
): WorkerConfig {
  const e = parseEnv(workerEnvSchema, env);
  return {
    redisUrl: e.REDIS_URL,
    prefix: e.JOB_QUEUE_PREFIX,
    concurrency: e.WORKER_CONCURRENCY ?? cores,
    threads: e.WORKER_THREADS ?? cores,
    maxResultBytes: e.JOB_RESULT_MAX_MB * MB,
    resultsBudgetBytes: e.JOB_RESULTS_MAX_MB * MB,
    retentionMs: e.JOB_RETENTION_SECONDS * 1000,
    connectionKey: e.CONNECTION_KEY,
    allowPrivateTrackerUrls: e.ALLOW_PRIVATE_TRACKER_URLS,
    testJobs: e.FF_ENABLE_TEST_JOBS,
  };
}

/** Where the jobs queue lives: all that `npm run queue` (scripts/queue.ts) reads. */
export interface QueueConfig {
  redisUrl: string;
  prefix: string;
}

const queueEnvSchema = workerEnvSchema
  .pick({ JOB_QUEUE_PREFIX: true })
  .extend({ REDIS_URL: envRequiredString('for `npm run queue`') });

/**
 * The queue's address by the worker's own rules, so the operations command reaches the queue the
 * workers use and refuses the values they would refuse; the worker-only variables are not read.
 */
export function loadQueueConfig(env: Readonly<Record<string, string | undefined>>): QueueConfig {
  const e = parseEnv(queueEnvSchema, env);
  return { redisUrl: e.REDIS_URL, prefix: e.JOB_QUEUE_PREFIX };
}
