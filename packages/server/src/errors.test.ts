import { describe, expect, it } from 'vitest';
import { AppError, errorCatalogue, toErrorResponse } from './errors';
import type { ErrorCode } from './errors';

// 408, 414 and 431 come from the HTTP layer and Fastify's router (timeouts, long URLs, headers).
const ALLOWED_STATUSES = [400, 401, 403, 404, 408, 409, 413, 414, 429, 431, 499, 500, 503];

describe('error catalogue', () => {
  const codes = Object.keys(errorCatalogue) as ErrorCode[];

  it.each(codes)('%s has a stable code, an allowed status and a sentence', (code) => {
    const entry = errorCatalogue[code];
    expect(code).toMatch(/^FF_ERR_[A-Z_]+$/);
    expect(ALLOWED_STATUSES).toContain(entry.status);
    expect(entry.message.length).toBeGreaterThan(5);
    const { status, body } = toErrorResponse(new AppError(code));
    expect(status).toBe(entry.status);
    expect(body).toEqual({ error: { code, message: entry.message } });
  });

  it('keeps a field and a custom message', () => {
    const r = toErrorResponse(
      new AppError('FF_ERR_VALIDATION', 'tpSamples: too short', 'tpSamples'),
    );
    expect(r).toEqual({
      status: 400,
      body: {
        error: { code: 'FF_ERR_VALIDATION', message: 'tpSamples: too short', field: 'tpSamples' },
      },
    });
  });

  it('hides the details of unexpected errors', () => {
    const err = new Error('connection to 10.0.0.5 refused: password authentication failed');
    const r = toErrorResponse(err);
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('FF_ERR_INTERNAL');
    expect(JSON.stringify(r.body)).not.toMatch(/10\.0\.0\.5|password|stack/);
  });

  it('answers 503 when the database cannot be reached, however the driver says it', () => {
    const wrapped = new Error('Failed query: select 1', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      }),
    });
    expect(toErrorResponse(wrapped)).toMatchObject({
      status: 503,
      body: { error: { code: 'FF_ERR_UNAVAILABLE' } },
    });
    expect(toErrorResponse(new Error('PGlite is closed')).status).toBe(503);
    expect(toErrorResponse(Object.assign(new Error('terminating'), { code: '57P01' })).status).toBe(
      503,
    );
    expect(toErrorResponse(new Error('duplicate key')).status).toBe(500);
  });

  it('maps Fastify’s own client errors to the one shape', () => {
    const fastifyError = (code: string, statusCode: number) =>
      Object.assign(new Error('raw'), { code, statusCode });
    expect(toErrorResponse(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413)).body.error.code).toBe(
      'FF_ERR_BODY_TOO_LARGE',
    );
    expect(toErrorResponse(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415))).toMatchObject({
      status: 400,
      body: { error: { code: 'FF_ERR_UNSUPPORTED_MEDIA_TYPE' } },
    });
    expect(toErrorResponse(fastifyError('FST_ERR_CTP_EMPTY_JSON_BODY', 400)).body.error.code).toBe(
      'FF_ERR_INVALID_JSON',
    );
    expect(toErrorResponse({ statusCode: 429, error: 'Too Many Requests' }).status).toBe(429);
    const zodLike = { issues: [{ path: ['risks', 0, 'likelihood'], message: 'too big' }] };
    expect(toErrorResponse(zodLike).body.error.field).toBe('risks[0].likelihood');
  });
});
