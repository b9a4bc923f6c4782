/**
 * Errors a user can act on, whatever the tracker: a wrong token, a query the tracker rejected
 * (with its own message), rate limiting that outlasted our retries, a site we cannot reach.
 */
export type ConnectorErrorCode =
  | 'auth'
  | 'query'
  | 'rate_limited'
  | 'unreachable'
  | 'bad_response'
  /** The tracker's address is inside the server's own network (loopback, private, link-local). */
  | 'blocked'
  /** The tracker's client library is not installed (the published CLI has them as optional). */
  | 'client_missing';

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Every client wraps HTTP failures its own way; walk the error and its causes for the answer. */
function* errorChain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && record(current); depth++) {
    const value = record(current)!;
    yield value;
    // Linear's SDK keeps what it wrapped as `raw` rather than `cause`.
    current = value.cause ?? value.raw;
  }
}

export function httpStatusOf(error: unknown): number | undefined {
  for (const value of errorChain(error)) {
    for (const candidate of [value.status, value.statusCode, record(value.response)?.status]) {
      if (typeof candidate === 'number' && candidate >= 100 && candidate < 600) return candidate;
    }
  }
  return undefined;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = record(headers)?.[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** 429s, 503s, and GitHub's 403 with no requests left in the window. */
export function isRateLimited(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status === 429 || status === 503) return true;
  for (const value of errorChain(error)) if (value.type === 'Ratelimited') return true;
  if (status !== 403) return false;
  for (const value of errorChain(error)) {
    const headers = record(value.response)?.headers ?? value.headers;
    if (headerOf(headers, 'x-ratelimit-remaining') === '0') return true;
  }
  return false;
}

/** Seconds to wait from `Retry-After` (seconds or an HTTP date) or `X-RateLimit-Reset`. */
export function retryAfterSeconds(error: unknown, now = Date.now()): number | undefined {
  for (const value of errorChain(error)) {
    if (typeof value.retryAfter === 'number' && Number.isFinite(value.retryAfter))
      return value.retryAfter;
    const headers = record(value.response)?.headers ?? value.headers;
    const retryAfter = headerOf(headers, 'retry-after');
    if (retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds)) return Math.max(0, seconds);
      const date = Date.parse(retryAfter);
      if (Number.isFinite(date)) return Math.max(0, (date - now) / 1000);
    }
    const reset = Number(headerOf(headers, 'x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset - now / 1000);
  }
  return undefined;
}

function trackerMessage(error: unknown): string {
  for (const value of errorChain(error)) {
    const data = record(record(value.response)?.data) ?? record(value.response);
    const messages = data?.errorMessages;
    if (Array.isArray(messages) && messages.length > 0) return messages.join('; ');
    if (typeof data?.message === 'string') return data.message;
  }
  return error instanceof Error ? error.message : String(error);
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT']);

/** Turn whatever a client threw into a ConnectorError a person can act on. */
export function toConnectorError(error: unknown, tracker: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  // A refused address surfaces inside each client's own wrapper (axios, fetch, Octokit).
  for (const value of errorChain(error)) {
    if (value instanceof ConnectorError && value.code === 'blocked') return value;
  }
  const status = httpStatusOf(error);
  if (isRateLimited(error) && status !== 503) {
    return new ConnectorError(
      'rate_limited',
      `${tracker} kept rate-limiting us; try again later`,
      status,
    );
  }
  const linearType = [...errorChain(error)].find((value) => typeof value.type === 'string')?.type;
  if (
    status === 401 ||
    status === 403 ||
    linearType === 'AuthenticationError' ||
    linearType === 'Forbidden'
  ) {
    return new ConnectorError(
      'auth',
      `${tracker} refused the token (${status ?? linearType}): check it is valid and can read this project`,
      status,
    );
  }
  if (status === 429) {
    return new ConnectorError(
      'rate_limited',
      `${tracker} kept rate-limiting us; try again later`,
      status,
    );
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new ConnectorError(
      'query',
      `${tracker} rejected the request: ${trackerMessage(error)}`,
      status,
    );
  }
  for (const value of errorChain(error)) {
    if (typeof value.code === 'string' && UNREACHABLE.has(value.code)) {
      return new ConnectorError('unreachable', `${tracker} could not be reached (${value.code})`);
    }
  }
  if (status !== undefined) {
    return new ConnectorError(
      'unreachable',
      `${tracker} answered ${status}: ${trackerMessage(error)}`,
      status,
    );
  }
  return new ConnectorError(
    'unreachable',
    `${tracker} could not be reached: ${trackerMessage(error)}`,
  );
}
