/**
 * ioredis connections as BullMQ needs them, plus the key layout of our own bookkeeping
 * (cancel flags, owner indexes, worker heartbeats) next to BullMQ's keys under one prefix.
 */
import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';

export interface RedisConnectOptions {
  url: string;
  /** Shows in CLIENT LIST; lets tests and operators find this process's connections. */
  name: string;
  /**
   * Producers fail fast (no offline queue: a command while disconnected errors at once);
   * workers wait through a Redis restart instead.
   */
  failFast: boolean;
}

export function connectRedis({ url, name, failFast }: RedisConnectOptions): Redis {
  const options: RedisOptions = {
    // BullMQ requires null: its blocking commands must not be cut off by ioredis retries.
    maxRetriesPerRequest: null,
    enableOfflineQueue: !failFast,
    connectionName: name,
    connectTimeout: 2_000,
    // Reconnect quickly after a Redis restart, never give up.
    retryStrategy: (times) => Math.min(100 * times, 2_000),
    lazyConnect: false,
  };
  const client = new Redis(url, options);
  // Errors surface through the commands that fail; an unhandled 'error' event would crash.
  client.on('error', () => undefined);
  return client;
}

export { QUEUE_NAME } from './queue-name';

export function metaKeys(prefix: string) {
  const base = `${prefix}:ffmeta`;
  return {
    cancel: (id: string) => `${base}:cancel:${id}`,
    owner: (owner: string) => `${base}:owner:${owner}`,
    client: (key: string) => `${base}:client:${key}`,
    /** Stored results, oldest first (score: when stored) and their sizes in bytes. */
    results: `${base}:results`,
    resultBytes: `${base}:result-bytes`,
    resultTotal: `${base}:result-total`,
    workers: `${base}:workers`,
  };
}

export class DeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} timed out after ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** Awaits `promise` at most `ms`; a Redis that accepts the socket but never answers must not hang us. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The BullMQ failedReason format we write, so the producer side can recover code + message. */
export function encodeFailure(code: string, message: string): string {
  return `${code}: ${message}`;
}

export function decodeFailure(reason: string | undefined): { code: string; message: string } {
  const m = /^(FF_[A-Z0-9_]+): ([\s\S]*)$/.exec(reason ?? '');
  if (m) return { code: m[1], message: m[2] };
  return { code: 'FF_ERR_JOB_FAILED', message: reason || 'The job failed' };
}

/**
 * Takes one of a client's job slots, atomically across every web node: drops the jobs that
 * finished (or were cancelled, or were reserved but never appeared), then adds `id` if the
 * client is under its limit. Returns 1 when taken, 0 when the client is at its limit.
 * KEYS[1]: the client's set. ARGV: job key prefix, cancel key prefix, now, grace ms, limit,
 * id, expiry ms. (It reads the job hashes by name: fine on one Redis, as BullMQ itself is.)
 */
export const TAKE_CLIENT_SLOT = `
local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local now = tonumber(ARGV[3])
for i = 1, #entries, 2 do
  local id = entries[i]
  local job = ARGV[1] .. id
  local done = false
  if redis.call('EXISTS', ARGV[2] .. id) == 1 then
    done = true
  elseif redis.call('EXISTS', job) == 0 then
    done = now - tonumber(entries[i + 1]) > tonumber(ARGV[4])
  elseif redis.call('HEXISTS', job, 'finishedOn') == 1 then
    done = true
  end
  if done then redis.call('ZREM', KEYS[1], id) end
end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[5]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
return 1
`;

/**
 * Records a stored result's size and answers which older results to drop so the total stays
 * within the budget (oldest first; the new one always stays). Entries past retention are
 * forgotten first (BullMQ removes those jobs itself), so the bookkeeping cannot grow either.
 * KEYS: results zset, sizes hash, total counter. ARGV: id, bytes, now, budget bytes, cutoff.
 */
export const ACCOUNT_RESULT = `
local total = tonumber(redis.call('GET', KEYS[3]) or '0')
local aged = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[5], 'LIMIT', 0, 1000)
for _, id in ipairs(aged) do
  total = total - tonumber(redis.call('HGET', KEYS[2], id) or '0')
  redis.call('HDEL', KEYS[2], id)
  redis.call('ZREM', KEYS[1], id)
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
total = total + tonumber(ARGV[2])
local budget = tonumber(ARGV[4])
local evicted = {}
while total > budget do
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if oldest == nil or oldest == ARGV[1] then break end
  redis.call('ZREM', KEYS[1], oldest)
  total = total - tonumber(redis.call('HGET', KEYS[2], oldest) or '0')
  redis.call('HDEL', KEYS[2], oldest)
  evicted[#evicted + 1] = oldest
end
if total < 0 then total = 0 end
redis.call('SET', KEYS[3], total)
return evicted
`;
