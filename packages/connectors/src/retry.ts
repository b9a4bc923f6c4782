import {
  ConnectorError,
  httpStatusOf,
  isRateLimited,
  retryAfterSeconds,
  toConnectorError,
} from './errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** The longest single wait we accept from a tracker before giving up and saying so. */
  maxWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of each wait, so the CLI and the sync job can say "waiting 30 s (rate limited)". */
  onWait?: (seconds: number, status: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Run one tracker call, honouring `Retry-After` (or a rate-limit reset) on 429, 503 and GitHub's exhausted 403 (and backing off briefly when a
 * 503 gives none). Other errors are not retried: a wrong token or query will not improve.
 */
export async function withRetry<T>(
  tracker: string,
  call: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const maxWait = options.maxWaitSeconds ?? 120;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = httpStatusOf(error) ?? 0;
      if (!isRateLimited(error) || attempt >= attempts) throw toConnectorError(error, tracker);
      const wait = retryAfterSeconds(error) ?? 2 ** attempt;
      if (wait > maxWait) {
        throw new ConnectorError(
          'rate_limited',
          `${tracker} asked us to wait ${Math.ceil(wait)} s, longer than ${maxWait} s; try again later`,
          status,
        );
      }
      options.onWait?.(wait, status);
      await sleep(wait * 1000);
    }
  }
}
