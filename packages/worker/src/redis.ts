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

export const QUEUE_NAME = 'forecasts';

export function metaKeys(prefix: string) {
  const base = `${prefix}:ffmeta`;
  return {
    cancel: (id: string) => `${base}:cancel:${id}`,
    owner: (owner: string) => `${base}:owner:${owner}`,
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
