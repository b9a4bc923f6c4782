/**
 * The synchronous forecast endpoints, one per path of each registry row (the original's paths,
 * so existing scripts keep working). Every body goes through the registry's parser; the
 * engine does the maths on the worker-thread pool when big (same answer either way).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  ForecastRegistry,
  ParseForecastOptions,
  ParsedForecast,
} from '@flow-forecaster/schemas';
import { AppError, validation } from '../errors';
import { computeForecast } from '../services/compute-forecast';
import { ShareLinkError, decodeShareLink, encodeShareLink } from './share-link';

export interface ForecastRoutesOptions {
  /** Refuse anonymous callers (REQUIRE_LOGIN). */
  requireLogin?: boolean;
  /** The caller's user id, if logged in; supplied by the auth layer. */
  userIdOf?: (request: FastifyRequest) => string | undefined | Promise<string | undefined>;
  /** Metrics hook: a pool forecast stopped because its client disconnected. */
  onAbandoned?: (kind: string) => void;
}

/** Validates a body as a request of `kind`, throwing the API's 400 with the field named. */
export function validateForecast(
  registry: ForecastRegistry,
  kind: string,
  body: unknown,
  options?: ParseForecastOptions,
): ParsedForecast {
  const parsed = registry.parse(kind, body, options);
  if (!parsed.ok) throw validation(parsed.error.message, parsed.error.field);
  return parsed.value;
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
  const tags = ['forecasts'];
  for (const row of app.forecastRegistry.kinds) {
    for (const [i, path] of row.paths.entries()) {
      // The body schema is for the OpenAPI document only; validation is the registry's parser,
      // so every client gets the same field-named messages.
      const schema = {
        tags,
        summary: i === 0 ? row.title : `${row.title} (alias of ${row.paths[0]})`,
        description: row.description,
        body: row.schema,
      };
      app.post(path, { schema }, async (request, reply) => {
        await requireCaller(request, opts);
        const parsed = validateForecast(app.forecastRegistry, row.kind, request.body);
        // A client that gives up (closed tab, timeout, Ctrl+C) frees the pool threads its
        // forecast holds: a million-run forecast would otherwise run on for seconds.
        const gone = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) gone.abort();
        };
        reply.raw.once('close', onClose);
        try {
          return await computeForecast(app, parsed, gone.signal);
        } catch (err) {
          if (gone.signal.aborted) {
            opts.onAbandoned?.(row.kind);
            throw new AppError('FF_ERR_CLIENT_CLOSED');
          }
          throw err;
        } finally {
          reply.raw.off('close', onClose);
        }
      });
    }
  }

  app.post('/api/encode', { schema: { tags: ['share links'] } }, async (request) => {
    await requireCaller(request, opts);
    const body = (request.body ?? {}) as Record<string, unknown>;
    // `{kind, input}`; a bare simulate body is accepted too, as the original's form posted it.
    const wrapped = typeof body.kind === 'string' && typeof body.input === 'object';
    const kind = wrapped ? String(body.kind) : 'simulate';
    const input = (wrapped ? body.input : body) as Record<string, unknown>;
    // The web page's form may ride along, so the app opens the code with the inputs as typed.
    const form = wrapped ? body.form : undefined;
    if (form !== undefined && (typeof form !== 'object' || form === null || Array.isArray(form)))
      throw validation('form: the page form must be an object', 'form');
    const code = shareErrorsAs400(() =>
      encodeShareLink(
        form === undefined
          ? { kind, input }
          : { kind, input, form: form as Record<string, unknown> },
      ),
    );
    return { code, version: 1, length: code.length };
  });

  app.post('/api/decode', { schema: { tags: ['share links'] } }, async (request) => {
    await requireCaller(request, opts);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body.code !== 'string')
      throw validation('code: a share link string is required', 'code');
    const code = body.code;
    return shareErrorsAs400(() => decodeShareLink(code));
  });
}

/** A share code's problem (too long, damaged, invalid inputs) as the API's 400 naming its field. */
function shareErrorsAs400<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof ShareLinkError) throw validation(err.message, err.field);
    throw err;
  }
}
