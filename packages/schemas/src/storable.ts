/**
 * Text the databases can store. PostgreSQL (and PGlite) refuse NUL in `text` and `\u0000` in
 * `jsonb`, and `jsonb` refuses a UTF-16 surrogate without its pair; a client sending either
 * would otherwise get a failed save (or, before this, a 500). Such text is rejected, naming
 * the field, rather than stripped: silently changing what a user typed is worse than saying no.
 */
import { z } from 'zod';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_MESSAGE =
  'must not contain NUL characters or unpaired UTF-16 surrogates (they cannot be stored)';

export function isStorable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** `z.string()` that only accepts storable text; chain `.trim()`, `.max()` etc. as usual. */
export function storableString() {
  return z.string().refine(isStorable, { message: UNSTORABLE_MESSAGE });
}

/**
 * The path (`input.labels[2]`) of the first string or key in a JSON value that cannot be
 * stored, if any. For bodies whose parts are stored as they come (forecast inputs, results).
 */
export function findUnstorable(value: unknown, path = ''): string | undefined {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorable(v)) return p;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${p}[${i}]`]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i];
        const at = p === '' ? k : `${p}.${k}`;
        if (!isStorable(k)) return at;
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}
