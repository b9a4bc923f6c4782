/** How long a health check, a probe or a shutdown step may take by default. */
export const DEFAULT_TIMEOUT_MS = 2_000;

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * `promise`, or a TimeoutError after `ms` if it has not settled: a dependency that hangs (a
 * database ping on a stuck connection, a Redis that accepts but never answers) must not hang a
 * health check, a metrics scrape or a shutdown with it. The timer is cleared when the promise
 * settles and never keeps the process alive.
 */
export function timed<T>(
  promise: Promise<T>,
  ms = DEFAULT_TIMEOUT_MS,
  what = 'operation',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** One dependency's answer in the health endpoints. */
export interface Check {
  status: 'ok' | 'down';
  latencyMs: number;
  error?: string;
}

/** Runs a check with `timed` and reports it as ok or down, with its latency. */
export async function check(
  what: string,
  run: () => Promise<unknown>,
  ms = DEFAULT_TIMEOUT_MS,
): Promise<Check> {
  const t0 = performance.now();
  try {
    await timed(run(), ms, what);
    return { status: 'ok', latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - t0),
      error: err instanceof Error ? err.message : String(err),
    };
  }
}
