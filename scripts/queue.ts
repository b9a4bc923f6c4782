/**
 * `npm run queue -- pause|resume|status` for the scaled deployment (REDIS_URL and
 * JOB_QUEUE_PREFIX as the web and worker processes have them). Pausing stops every worker
 * from taking new jobs — running jobs finish — while the web nodes keep accepting them.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '@flow-forecaster/worker';

const command = process.argv[2];
const redisUrl = process.env.REDIS_URL;
if (!redisUrl || !['pause', 'resume', 'status'].includes(command ?? '')) {
  console.error('usage: REDIS_URL=… npm run queue -- pause|resume|status');
  process.exit(2);
}
const prefix = process.env.JOB_QUEUE_PREFIX || 'ff';
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, connectTimeout: 5_000 });
const queue = new Queue(QUEUE_NAME, { connection, prefix });
try {
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
