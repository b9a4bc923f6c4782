/**
 * The synchronous forecast endpoints, on the original's paths so existing scripts keep working.
 * Every body goes through the shared `parseRequest`; the engine does the maths, on the
 * request's thread when small and on the worker-thread pool when big (same answer either way).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseRequest, requestSchemas } from '@flow-forecaster/schemas';
import type { RequestKind } from '@flow-forecaster/schemas';
import { AppError, validation } from '../errors';
import { ShareLinkError, decodeShareLink, encodeShareLink } from './share-link';

/** Path → engine kind. `mc-throughput` is the original's name for the "when" Monte Carlo. */
export const FORECAST_ROUTES: ReadonlyArray<readonly [string, RequestKind]> = [
  ['/api/simulate', 'simulate'],
  ['/api/forecast-how-many', 'how-many'],
  ['/api/forecast-when', 'when'],
  ['/api/mc-throughput', 'when'],
  ['/api/deadline-analysis', 'deadline'],
  ['/api/cost-analysis', 'cost'],
  ['/api/risk-summary', 'risks'],
  ['/api/dependency-analysis', 'dependencies'],
  ['/api/backtest', 'backtest'],
  ['/api/accuracy-analysis', 'accuracy'],
  ['/api/pbc-analysis', 'pbc'],
  ['/api/history', 'history'],
];

export interface ForecastRoutesOptions {
  /** Refuse anonymous callers (REQUIRE_LOGIN). */
  requireLogin?: boolean;
  /** The caller's user id, if logged in; supplied by the auth layer. */
  userIdOf?: (request: FastifyRequest) => string | undefined | Promise<string | undefined>;
  /** Metrics hook: one call per forecast computed. */
  onForecast?: (kind: RequestKind, input: unknown, result: unknown) => void;
  /** Metrics hook: a pool forecast stopped because its client disconnected. */
  onAbandoned?: (kind: RequestKind) => void;
}

/** Validates a body for `kind`, throwing the API's 400 with the field named. */
export function validateForecast(kind: RequestKind, body: unknown): unknown {
  const parsed = parseRequest(kind, body);
  if (!parsed.ok) throw validation(parsed.error.message, parsed.error.field);
  return parsed.value;
}

/** Engine input errors are a 400 whether they were thrown here or inside a pool thread. */
export function mapEngineError(err: unknown): unknown {
  const e = err as { name?: unknown; code?: unknown; message?: unknown; field?: unknown };
  if (e && (e.name === 'EngineInputError' || e.code === 'FF_ERR_ENGINE_INPUT')) {
    const field = typeof e.field === 'string' ? e.field : undefined;
    return validation(typeof e.message === 'string' ? e.message : 'The input is not valid', field);
  }
  return err;
}

export async function requireCaller(
  request: FastifyRequest,
  opts: ForecastRoutesOptions,
): Promise<string | undefined> {
  const userId = await opts.userIdOf?.(request);
  if (opts.requireLogin && !userId) throw new AppError('FF_ERR_UNAUTHORIZED');
  return userId;
}

export default async function forecastRoutes(
  app: FastifyInstance,
  opts: ForecastRoutesOptions,
): Promise<void> {
  for (const [path, kind] of FORECAST_ROUTES) {
    // The body schema is for the OpenAPI document only; validation is `parseRequest` below, so
    // every client gets the same field-named messages.
    app.post(
      path,
      { schema: { tags: ['forecasts'], body: requestSchemas[kind] } },
      async (request, reply) => {
        await requireCaller(request, opts);
        const input = validateForecast(kind, request.body);
        // A client that gives up (closed tab, timeout, Ctrl+C) frees the pool threads its
        // forecast holds: a million-run forecast would otherwise run on for seconds.
        const gone = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) gone.abort();
        };
        reply.raw.once('close', onClose);
        let result: unknown;
        try {
          result = await app.forecastRunner.run(kind, input, gone.signal);
        } catch (err) {
          if (gone.signal.aborted) {
            opts.onAbandoned?.(kind);
            throw new AppError('FF_ERR_CLIENT_CLOSED');
          }
          throw mapEngineError(err);
        } finally {
          reply.raw.off('close', onClose);
        }
        opts.onForecast?.(kind, input, result);
        return result;
      },
    );
  }

  app.post('/api/encode', { schema: { tags: ['share links'] } }, async (request) => {
    await requireCaller(request, opts);
    const body = (request.body ?? {}) as Record<string, unknown>;
    // `{kind, input}`; a bare simulate body is accepted too, as the original's form posted it.
    const wrapped = typeof body.kind === 'string' && typeof body.input === 'object';
    const kind = (wrapped ? body.kind : 'simulate') as RequestKind;
    const input = (wrapped ? body.input : body) as Record<string, unknown>;
    try {
      const code = encodeShareLink({ kind, input });
      return { code, version: 1, length: code.length };
    } catch (err) {
      if (err instanceof ShareLinkError) throw validation(err.message, err.field);
      throw err;
    }
  });

  app.post('/api/decode', { schema: { tags: ['share links'] } }, async (request) => {
    await requireCaller(request, opts);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body.code !== 'string')
      throw validation('code: a share link string is required', 'code');
    try {
      return decodeShareLink(body.code);
    } catch (err) {
      if (err instanceof ShareLinkError) throw validation(err.message, err.field);
      throw err;
    }
  });
}
