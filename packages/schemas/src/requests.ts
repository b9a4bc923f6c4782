/**
 * The schema of every request kind, and `parseRequest`, the one entry point the server, the
 * CLI and the web form validate with.
 */
import { z } from 'zod';
import { accuracySchema, pbcSchema } from './accuracy';
import { backtestSchema } from './backtest';
import { costSchema } from './cost';
import { dependencyAnalysisSchema } from './dependencies';
import { historySchema } from './history';
import { deliverySchema } from './delivery';
import { flowSchema } from './flow';
import { portfolioSchema } from './portfolio';
import { englishMessage } from './issues';
import type { FieldIssue, ParseResult } from './issues';
import { failure, parseBody } from './parse';
import type { RequestKind } from './kinds';
import { REQUEST_KINDS, isRequestKind } from './kinds';
import { riskSummarySchema } from './risks';
import { simulateSchema } from './simulate';
import { deadlineSchema, howManySchema, whenSchema } from './when';

export const requestSchemas = {
  simulate: simulateSchema,
  when: whenSchema,
  'how-many': howManySchema,
  deadline: deadlineSchema,
  cost: costSchema,
  risks: riskSummarySchema,
  dependencies: dependencyAnalysisSchema,
  backtest: backtestSchema,
  accuracy: accuracySchema,
  pbc: pbcSchema,
  history: historySchema,
  delivery: deliverySchema,
  flow: flowSchema,
  portfolio: portfolioSchema,
} as const satisfies Record<RequestKind, z.ZodType>;

export type RequestSchemas = typeof requestSchemas;
/** The validated input of a kind: exactly what the engine's function for that kind takes. */
export type RequestInput<K extends RequestKind> = z.output<RequestSchemas[K]>;
/** What a client may send for a kind (before aliases and dates are normalised). */
export type RequestBody<K extends RequestKind> = z.input<RequestSchemas[K]>;

/**
 * Validates `body` as a request of `kind`. Never throws: any value gives either the
 * normalised input or the first problem as `{code: 'FF_ERR_VALIDATION', message, field}`,
 * with every problem in `issues` for forms that mark all fields at once.
 */
export function parseRequest<K extends RequestKind>(
  kind: K,
  body: unknown,
): ParseResult<RequestInput<K>> {
  if (!isRequestKind(kind)) {
    const params = { options: [...REQUEST_KINDS] };
    return failure([
      {
        field: 'kind',
        code: 'invalid_option',
        params,
        message: englishMessage('kind', 'invalid_option', params),
      },
    ]);
  }
  return parseBody(requestSchemas[kind] as z.ZodType, body) as ParseResult<RequestInput<K>>;
}

/** Every problem of a body as (field, code, params, message), for forms and translations. */
export function requestIssues(kind: RequestKind, body: unknown): FieldIssue[] {
  const result = parseRequest(kind, body);
  return result.ok ? [] : result.issues;
}

/**
 * JSON Schema (draft 2020-12) of what a client may send for a kind, for OpenAPI documents.
 * Cross-field rules (min ≤ max, a < m < b, aliases) cannot be expressed there and are
 * enforced by `parseRequest` only.
 */
export function requestJsonSchema(kind: RequestKind): Record<string, unknown> {
  return z.toJSONSchema(requestSchemas[kind], { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
