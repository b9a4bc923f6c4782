import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Every error the API can answer with. Codes are stable: scripts and the web app match on them. */
export const errorCatalogue = {
  FF_ERR_VALIDATION: { status: 400, message: 'The request is not valid' },
  FF_ERR_INVALID_JSON: { status: 400, message: 'The request body is not valid JSON' },
  FF_ERR_UNSUPPORTED_MEDIA_TYPE: {
    status: 400,
    message: 'Send the request body as application/json',
  },
  FF_ERR_BAD_URL: {
    status: 400,
    message: 'The URL is not valid (a broken %-escape in the path?)',
  },
  FF_ERR_BAD_REQUEST: { status: 400, message: 'The HTTP request could not be read' },
  FF_ERR_UNAUTHORIZED: { status: 401, message: 'Log in to use this' },
  FF_ERR_BAD_CREDENTIALS: { status: 401, message: 'Wrong email or password' },
  FF_ERR_ACCOUNT_INACTIVE: {
    status: 403,
    message: 'This account is deactivated or its access has expired',
  },
  FF_ERR_CSRF: { status: 403, message: 'Missing or wrong x-csrf-token header' },
  FF_ERR_FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  FF_ERR_NOT_FOUND: { status: 404, message: 'Not found' },
  FF_ERR_ROUTE_NOT_FOUND: { status: 404, message: 'No such route' },
  FF_ERR_CONFLICT: { status: 409, message: 'This conflicts with existing data' },
  FF_ERR_INVALID_RESET_TOKEN: {
    status: 400,
    message: 'This reset link is invalid, used or expired',
  },
  FF_ERR_REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive' },
  FF_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  FF_ERR_URL_TOO_LONG: { status: 414, message: 'A part of the URL is too long' },
  // nginx's 499: never reaches the client, but keeps disconnects apart from failures in logs.
  FF_ERR_CLIENT_CLOSED: {
    status: 499,
    message: 'The client closed the connection before the forecast finished',
  },
  FF_ERR_RATE_LIMITED: { status: 429, message: 'Too many requests; try again shortly' },
  FF_ERR_HEADERS_TOO_LARGE: {
    status: 431,
    message: 'The request headers (or the URL) are too large',
  },
  FF_ERR_SAVE_FAILED: {
    status: 400,
    message: 'The database refused a value in this request; nothing was saved or changed',
  },
  FF_ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side' },
  FF_ERR_UNAVAILABLE: { status: 503, message: 'A service this needs is unavailable' },
  FF_ERR_SYNC_TIMEOUT: {
    status: 503,
    message: 'This forecast takes too long for an immediate answer; use the async API',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** An error meant for the client: its code, status and message are shown as they are. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly field?: string;

  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = errorCatalogue[code].status;
    this.field = field;
  }
}

export const notFound = (what = 'Not found') => new AppError('FF_ERR_NOT_FOUND', what);
export const validation = (message: string, field?: string) =>
  new AppError('FF_ERR_VALIDATION', message, field);

interface ZodLikeIssue {
  path: readonly PropertyKey[];
  message: string;
}

function isZodLike(err: unknown): err is { issues: ZodLikeIssue[] } {
  return (
    typeof err === 'object' &&
    err !== null &&
    Array.isArray((err as { issues?: unknown }).issues) &&
    (err as { issues: unknown[] }).issues.length > 0
  );
}

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

// Connection-level SQLSTATEs and socket errors: the database is away, not the request wrong.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /PGlite is closed|database is closed|Cannot use a pool after calling end|Connection terminated|timeout exceeded when trying to connect/i;

/** Whether an error (or what it wraps) says a dependency cannot be reached. */
export function isUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Whether the database refused a value (SQLSTATE class 22, data exception: a NUL byte, an
 * unpaired surrogate in jsonb, a malformed uuid, a number out of range). The request is wrong,
 * not the server, and the failed statement changed nothing.
 */
export function isDataException(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    const { code } = e as { code?: unknown };
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Turns any thrown value into the status and body the client sees. Pure, so it is easy to test. */
export function toErrorResponse(
  err: unknown,
  method = 'POST',
): { status: number; body: ErrorBody } {
  const body = (code: ErrorCode, message?: string, field?: string): ErrorBody => ({
    error: {
      code,
      message: message ?? errorCatalogue[code].message,
      ...(field ? { field } : {}),
    },
  });

  if (err instanceof AppError) {
    return { status: err.statusCode, body: body(err.code, err.message, err.field) };
  }

  const fe = err as Partial<FastifyError> & { validation?: unknown; validationContext?: string };

  // Validation from the zod type provider: the issues carry the path to the offending field.
  if (fe?.validation !== undefined || fe?.code === 'FST_ERR_VALIDATION') {
    const issues = Array.isArray(fe.validation) ? (fe.validation as unknown[]) : [];
    const first = issues[0] as
      { instancePath?: string; params?: { issue?: ZodLikeIssue }; message?: string } | undefined;
    const issue = first?.params?.issue;
    const field =
      (issue ? fieldOf(issue.path) : undefined) ??
      (first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : undefined);
    const message = issue?.message ?? first?.message ?? 'The request is not valid';
    return {
      status: 400,
      body: body('FF_ERR_VALIDATION', field ? `${field}: ${message}` : message, field),
    };
  }

  if (isZodLike(err)) {
    const issue = err.issues[0];
    const field = fieldOf(issue.path);
    return {
      status: 400,
      body: body('FF_ERR_VALIDATION', field ? `${field}: ${issue.message}` : issue.message, field),
    };
  }

  switch (fe?.code) {
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: body('FF_ERR_BAD_URL') };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: body('FF_ERR_URL_TOO_LONG') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: body('FF_ERR_BODY_TOO_LARGE') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: body('FF_ERR_UNSUPPORTED_MEDIA_TYPE') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('FF_ERR_INVALID_JSON', 'The request body is empty') };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: body('FF_ERR_INVALID_JSON') };
  }
  // JSON.parse failures inside the content-type parser surface as SyntaxError with status 400.
  if (err instanceof SyntaxError && fe?.statusCode === 400) {
    return { status: 400, body: body('FF_ERR_INVALID_JSON') };
  }

  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 429) return { status, body: body('FF_ERR_RATE_LIMITED') };
  if (status === 413) return { status, body: body('FF_ERR_BODY_TOO_LARGE') };
  if (status === 404) return { status, body: body('FF_ERR_NOT_FOUND') };
  if (status === 415) return { status: 400, body: body('FF_ERR_UNSUPPORTED_MEDIA_TYPE') };
  if (status === 401) return { status, body: body('FF_ERR_UNAUTHORIZED') };
  if (status === 403) return { status, body: body('FF_ERR_FORBIDDEN') };
  if (status === 503) return { status, body: body('FF_ERR_UNAVAILABLE') };
  if (status >= 400 && status < 500) {
    // Other client errors from Fastify or plugins: their messages describe the request, not us.
    return {
      status,
      body: body('FF_ERR_VALIDATION', typeof fe?.message === 'string' ? fe.message : undefined),
    };
  }
  if (isUnavailable(err)) return { status: 503, body: body('FF_ERR_UNAVAILABLE') };
  if (isDataException(err)) {
    return method === 'GET' || method === 'HEAD'
      ? { status: 400, body: body('FF_ERR_VALIDATION', 'A value in this request is not valid') }
      : { status: 400, body: body('FF_ERR_SAVE_FAILED') };
  }
  return { status: 500, body: body('FF_ERR_INTERNAL') };
}

export interface ErrorHandlerOptions {
  /** When it says so, unknown GETs for pages get the web app's index.html (client routes). */
  spaFallback?: (request: FastifyRequest) => boolean;
}

/** Installs the one error handler and the 404 handler on the root instance. */
export function installErrorHandlers(app: FastifyInstance, opts: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(err, request.method);
    if (status >= 500 || isDataException(err)) {
      // The details go to the log with the request id, never to the client.
      request.log.error({ err }, 'request failed');
    } else {
      request.log.info({ code: body.error.code, status }, 'request rejected');
    }
    if (reply.sent) return;
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (opts.spaFallback?.(request) && wantsPage(request)) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    void reply.status(404).send({
      error: {
        code: 'FF_ERR_ROUTE_NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}

/** A browser navigating to a client-side route, as opposed to an API call or a missing file. */
function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  if (path.startsWith('/api/') || path.startsWith('/docs') || path.startsWith('/assets/')) {
    return false;
  }
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

/**
 * Errors Fastify's router answers itself, before any route or hook (a bad %-escape, a path
 * parameter over maxParamLength): the same shape as every other error.
 */
export function frameworkErrors(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorResponse(err, request.method);
  request.log.info({ code: body.error.code, status }, 'request rejected');
  void reply.status(status).send(body);
}

/** What a client error of the HTTP parser (before Fastify sees a request) answers. */
export function clientErrorResponse(code: string | undefined): { status: number; body: ErrorBody } {
  const of = (c: ErrorCode): { status: number; body: ErrorBody } => ({
    status: errorCatalogue[c].status,
    body: { error: { code: c, message: errorCatalogue[c].message } },
  });
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return of('FF_ERR_REQUEST_TIMEOUT');
  if (code === 'HPE_HEADER_OVERFLOW') return of('FF_ERR_HEADERS_TOO_LARGE');
  return of('FF_ERR_BAD_REQUEST');
}

/**
 * Fastify's clientErrorHandler: the socket gets our error shape (Node's HTTP parser refused the
 * request, so there is no request to reply to), then closes.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, body } = clientErrorResponse(err.code);
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n' +
        text,
    );
  }
  socket.destroy(err);
}
