/** Running a schema without ever throwing, into the one result shape of the package. */
import type { z } from 'zod';
import { describeIssues, englishMessage, toValidationError } from './issues';
import type { FieldIssue, ParseResult } from './issues';

export function failure<T>(issues: FieldIssue[]): ParseResult<T> {
  return { ok: false, error: toValidationError(issues[0]), issues };
}

/** Validates `body` with any schema of this package (the account bodies, a request kind). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): ParseResult<z.output<S>> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(body) as z.ZodSafeParseResult<z.output<S>>;
  } catch (_e) {
    // zod does not throw on data, but a hostile object (a getter that throws, a Proxy) can.
    const params = { reason: 'it could not be read as JSON data' };
    return failure([
      { field: '', code: 'invalid', params, message: englishMessage('', 'invalid', params) },
    ]);
  }
  if (result.success) return { ok: true, value: result.data };
  return failure(describeIssues(result.error.issues, body));
}
