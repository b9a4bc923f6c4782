/**
 * Share links carry the form and the seed in the URL (`#/when?s=<base64url>`), so opening one
 * reproduces the same numbers without any server.
 */
export interface SharedState<F = unknown> {
  v: 1;
  form: F;
  seed: number;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function encodeShare<F>(form: F, seed: number): string {
  const state: SharedState<F> = { v: 1, form, seed };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(state)));
}

/** Returns null for anything that is not a link this app made (never throws on bad input). */
export function decodeShare<F>(text: string | null): SharedState<F> | null {
  if (!text || text.length > 200_000) return null;
  try {
    const data: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
    if (typeof data !== 'object' || data === null) return null;
    const s = data as Partial<SharedState<F>>;
    if (s.v !== 1 || typeof s.seed !== 'number' || typeof s.form !== 'object' || !s.form) {
      return null;
    }
    return { v: 1, form: s.form, seed: s.seed >>> 0 };
  } catch (_e) {
    return null;
  }
}

export function shareUrl(path: string, encoded: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${path}?s=${encoded}`;
}
