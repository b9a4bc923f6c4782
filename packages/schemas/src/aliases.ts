/**
 * Field aliases of the original API. Each request schema accepts every spelling as an
 * optional key and resolves them after the field checks, so an error names the key the user
 * actually sent (`historical_team_size`), and two spellings with different values are an error
 * rather than a silent pick.
 */
import type { z } from 'zod';
import { report } from './fields';

export interface AliasOptions {
  required?: boolean;
  /** Says when the field is required, for the message ("throughputModel is estimate"). */
  when?: string;
}

/**
 * The value of the first present key of `keys` (the canonical name first, then aliases).
 * Returns undefined (with an issue when `required`) if none is present.
 */
export function resolveAlias<T>(
  ctx: z.RefinementCtx,
  values: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  options: AliasOptions = {},
): T | undefined {
  let chosen: string | undefined;
  for (const key of keys) {
    const value = values[key];
    if (value === undefined) continue;
    if (chosen === undefined) {
      chosen = key;
    } else if (!Object.is(values[chosen], value)) {
      report(ctx, [key], 'alias_conflict', { other: chosen });
    }
  }
  if (chosen === undefined) {
    if (options.required) {
      report(ctx, [keys[0]], 'required', {
        aliases: keys.slice(1),
        ...(options.when ? { when: options.when } : {}),
      });
    }
    return undefined;
  }
  return values[chosen] as T;
}

/** Drops keys whose value is undefined so saved inputs and JSON output stay minimal. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}
