/**
 * A failed sync's reason is stored as one text column: the connector's error kind goes in
 * front (`[unreachable] could not resolve …`) so the API can answer it as a code the web page
 * translates, with the tracker's own words kept as the detail.
 */
const CODED = /^\[([a-z_]+)\] ([\s\S]*)$/;

export function withErrorCode(code: string | undefined, message: string): string {
  return code && /^[a-z_]+$/.test(code) ? `[${code}] ${message}` : message;
}

export function splitErrorCode(stored: string | null): {
  code: string | null;
  message: string | null;
} {
  if (stored === null) return { code: null, message: null };
  const m = CODED.exec(stored);
  return m ? { code: m[1]!, message: m[2]! } : { code: null, message: stored };
}
