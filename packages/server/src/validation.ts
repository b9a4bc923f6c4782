import { parseBody } from '@flow-forecaster/schemas';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { validation } from './errors';

function isZodSchema(schema: unknown): schema is z.ZodType {
  return (
    typeof schema === 'object' &&
    schema !== null &&
    typeof (schema as { safeParse?: unknown }).safeParse === 'function'
  );
}

/**
 * Fastify's validator for the routes' zod schemas. It runs the shared parser of the schemas
 * package instead of the type provider's own compiler, so a route schema's 400 is the same as a
 * handler's: `{error: {code: 'FF_ERR_VALIDATION', message, field}}`, the field named. What it
 * returns replaces the request part, so handlers get the parsed (defaulted, transformed) value.
 * Non-zod schemas (none today) are not checked.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (!isZodSchema(schema)) return (data: unknown) => ({ value: data });
  return (data: unknown) => {
    // An absent body is an empty object, as handlers always treated it.
    const result = parseBody(schema, httpPart === 'body' ? (data ?? {}) : data);
    return result.ok
      ? { value: result.value }
      : { error: validation(result.error.message, result.error.field) };
  };
};
