/**
 * The one HTTP client of the app. Every call goes through `apiFetch` so the CSRF header, JSON
 * handling and the server's error shape `{error: {code, message, field?}}` are dealt with once.
 */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
  }
}

let csrfToken: string | null = null;

/** Set after login (the server returns `csrfToken`); cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Give up after this many milliseconds (a hung request must not freeze a workshop). */
  timeoutMs?: number;
}

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const e = (value as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  const timer = options.timeoutMs ? setTimeout(onAbort, options.timeoutMs) : undefined;
  try {
    const res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
    });
    const text = await res.text();
    let data: unknown = undefined;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch (_e) {
      data = undefined;
    }
    if (!res.ok) {
      throw new ApiError(
        res.status,
        isErrorBody(data)
          ? data.error
          : { code: 'FF_ERR_HTTP', message: `${res.status} ${res.statusText}` },
      );
    }
    return data as T;
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
