/**
 * The real Redis the tests share, and the key-prefix discipline that lets them share it: the
 * one copy for the worker's tests and the server's (packages/server/test/redis-keys.ts).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test run uses, so parallel suites never see each other's queues. */
export function uniquePrefix(label?: string): string {
  return `fftest-${label === undefined ? '' : `${label}-`}${randomBytes(5).toString('hex')}`;
}

/** Deletes every key under `prefix` (SCAN, never FLUSHALL: the Redis is shared). */
export async function deletePrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}
