import { parseRequest, type FieldIssue, type RequestKind } from '@flow-forecaster/schemas';

/**
 * The same zod schemas the server uses. This module is imported lazily (on the first submit)
 * so zod stays out of the first page's download.
 */
export type Validation =
  | { ok: true; value: unknown }
  | { ok: false; issues: Pick<FieldIssue, 'field' | 'code' | 'params'>[] };

export function validateRequest(kind: string, body: unknown): Validation {
  const result = parseRequest(kind as RequestKind, body);
  return result.ok ? { ok: true, value: result.value } : { ok: false, issues: result.issues };
}
