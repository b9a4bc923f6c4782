/**
 * `npm run queue -- pause|resume|status|alive` for the scaled deployment (REDIS_URL and
 * JOB_QUEUE_PREFIX as the web and worker processes have them). Pausing stops every worker
 * from taking new jobs — running jobs finish — while the web nodes keep accepting them.
 * `alive` is a worker container's health check: it exits 0 only when a worker on this host
 * has written its heartbeat in the last 5 s.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { QUEUE_NAME, loadQueueConfig, type QueueConfig } from '@flow-forecaster/worker';

const USAGE = 'usage: REDIS_URL=… npm run queue -- pause|resume|status|alive';
const command = process.argv[2];
if (!['pause', 'resume', 'status', 'alive'].includes(command ?? '')) {
  console.error(USAGE);
  process.exit(2);
}
let config: QueueConfig;
try {
  config = loadQueueConfig(process.env);
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
const { redisUrl, prefix } = config;
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, connectTimeout: 5_000 });
const queue = new Queue(QUEUE_NAME, { connection, prefix });
try {
  if (command === 'alive') {
    // Worker ids start with the host name (bull-runtime), so this finds this host's workers.
    const live = await connection.zrangebyscore(
      `${prefix}:ffmeta:workers`,
      Date.now() - 5_000,
      '+inf',
    );
    const mine = live.filter((id) => id.startsWith(`${hostname()}:`));
    console.log(JSON.stringify({ host: hostname(), liveWorkers: mine.length }));
    if (mine.length === 0) process.exitCode = 1;
  }
  if (command === 'pause') await queue.pause();
  if (command === 'resume') await queue.resume();
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
  const workers = await connection.zcount(`${prefix}:ffmeta:workers`, Date.now() - 5_000, '+inf');
  console.log(
    JSON.stringify({
      queue: `${prefix}:${QUEUE_NAME}`,
      paused: await queue.isPaused(),
      workers,
      ...counts,
    }),
  );
} catch (err) {
  console.error(`queue ${command} failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await queue.close();
  connection.disconnect();
}
