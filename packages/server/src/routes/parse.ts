import { parseBody } from '@flow-forecaster/schemas';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { notFound, validation } from '../errors';

/** Validates a body with a shared schema, throwing the API's 400 with the field named. */
export function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = parseBody(schema, body ?? {});
  if (!result.ok) throw validation(result.error.message, result.error.field);
  return result.value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The `:id` of a route; an id that cannot exist is a 404 like any other missing row. */
export function idParam(request: FastifyRequest, what = 'Not found'): string {
  const { id } = request.params as { id?: unknown };
  if (!isUuid(id)) throw notFound(what);
  return id;
}

export function queryString(request: FastifyRequest, name: string): string | undefined {
  const v = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function queryFlag(request: FastifyRequest, name: string): boolean {
  const v = queryString(request, name);
  return v === 'true' || v === '1';
}
