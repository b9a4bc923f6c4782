/**
 * The request kinds are the registry's rows, under the names the schemas' users already import
 * (the server, the web app, the saved-forecast body): one list, so a kind added to the
 * registry is at once a kind a project can save, share and list.
 */
import { FORECAST_KIND_ROWS } from './registry';
import type { ForecastKindName } from './registry';

export const REQUEST_KINDS: readonly ForecastKindName[] = FORECAST_KIND_ROWS.map((r) => r.kind);

export type RequestKind = ForecastKindName;

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}
