import { describe, expect, it } from 'vitest';
import { ConfigError } from '@flow-forecaster/schemas/env';
import { WORKER_CONFIG_VARIABLES, loadQueueConfig, loadWorkerConfig } from './worker-config';

const base = { REDIS_URL: 'redis://127.0.0.1:6379' };

describe('the worker process config (issue 12)', () => {
  it('defaults to one job and one thread per core and the documented limits', () => {
    expect(loadWorkerConfig(base, 3)).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: 'ff',
      concurrency: 3,
      threads: 3,
      maxResultBytes: 16 * 1024 * 1024,
      resultsBudgetBytes: 256 * 1024 * 1024,
      retentionMs: 3_600_000,
      connectionKey: undefined,
      allowPrivateTrackerUrls: false,
      testJobs: false,
    });
  });

  it('reads every variable it lists', () => {
    const c = loadWorkerConfig(
      {
        ...base,
        JOB_QUEUE_PREFIX: 'ff-test',
        WORKER_CONCURRENCY: '2',
        WORKER_THREADS: '5',
        JOB_RESULT_MAX_MB: '1',
        JOB_RESULTS_MAX_MB: '8',
        JOB_RETENTION_SECONDS: '60',
        CONNECTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        ALLOW_PRIVATE_TRACKER_URLS: 'true',
        FF_ENABLE_TEST_JOBS: '1',
      },
      4,
    );
    expect(c).toMatchObject({
      prefix: 'ff-test',
      concurrency: 2,
      threads: 5,
      maxResultBytes: 1024 * 1024,
      resultsBudgetBytes: 8 * 1024 * 1024,
      retentionMs: 60_000,
      allowPrivateTrackerUrls: true,
      testJobs: true,
    });
    expect(c.connectionKey).toEqual(Buffer.alloc(32, 7));
    expect(WORKER_CONFIG_VARIABLES).toHaveLength(10);
  });

  it.each([
    ['WORKER_CONCURRENCY', '0'],
    ['WORKER_CONCURRENCY', 'lots'],
    ['WORKER_THREADS', '1.5'],
    ['JOB_RESULT_MAX_MB', '-1'],
    ['JOB_RESULTS_MAX_MB', 'big'],
    ['JOB_RETENTION_SECONDS', '0'],
    ['JOB_QUEUE_PREFIX', 'ff prod'],
    ['CONNECTION_KEY', 'c2hvcnQ='],
    ['ALLOW_PRIVATE_TRACKER_URLS', 'maybe'],
  ])('refuses %s=%s at start, naming the variable', (name, value) => {
    const load = () => loadWorkerConfig({ ...base, [name]: value }, 2);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^\\s+${name}: `, 'm'));
  });

  it('refuses to start without REDIS_URL', () => {
    expect(() => loadWorkerConfig({}, 2)).toThrow(/^\s+REDIS_URL: is required/m);
  });
});

describe('the queue command config (scripts/queue.ts)', () => {
  it('reads the queue the workers use, ignoring the worker-only variables', () => {
    expect(loadQueueConfig({ ...base, WORKER_CONCURRENCY: 'lots' })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: 'ff',
    });
    expect(loadQueueConfig({ ...base, JOB_QUEUE_PREFIX: 'ff-test' }).prefix).toBe('ff-test');
  });

  it('refuses what the worker refuses, naming the variable', () => {
    expect(() => loadQueueConfig({ ...base, JOB_QUEUE_PREFIX: 'ff prod' })).toThrow(
      /^\s+JOB_QUEUE_PREFIX: /m,
    );
    expect(() => loadQueueConfig({})).toThrow(/^\s+REDIS_URL: is required for `npm run queue`/m);
  });
});
