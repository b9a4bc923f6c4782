/**
 * Connection problems in the reader's language: a form's bad fields (checked with the API's
 * own schema first, then whatever the server's 400 names) and a failed sync's kind.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import type { Formatter } from '../../i18n/format';
import { translateIssues, type FieldErrors } from '../shared/issues';

/**
 * The form's problems by request field (`token`, `settings.repo`), translated; none if it
 * passes. The schemas (zod) load on first use: the project page is on every page's first load
 * through the connections slot, and zod would double the first-page budget (budget.test.ts).
 */
export async function formErrors(
  body: unknown,
  t: TFunction,
  fmt: Formatter,
): Promise<FieldErrors> {
  const { connectionCreateSchema, parseBody } = await import('@flow-forecaster/schemas');
  const parsed = parseBody(connectionCreateSchema, body);
  return parsed.ok ? {} : translateIssues(parsed.issues, t, fmt);
}

/**
 * A refused request's problem beside its field: the server names it (`settings.url` for an
 * address inside its own network). Null when it names none, for the form's general line.
 */
export function serverFieldError(err: unknown, t: TFunction): FieldErrors | null {
  if (!(err instanceof ApiError) || err.status !== 400 || !err.field) return null;
  const own = err.message.startsWith(`${err.field}: `)
    ? err.message.slice(err.field.length + 2)
    : err.message;
  const blocked = /private|loopback|link-local/i.test(own);
  return { [err.field]: blocked ? t('connections.privateUrl') : own };
}

/** A failed sync's reason: its kind translated, the tracker's own words as the detail. */
export function syncErrorText(
  t: TFunction,
  code: string | null | undefined,
  detail: string | null,
): { message: string; detail: string | null } {
  const known = code ? t(`connections.syncErrors.${code}`, { defaultValue: '' }) : '';
  return known ? { message: known, detail } : { message: detail ?? '', detail: null };
}
