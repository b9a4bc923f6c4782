import {
  MAX_SHARE_CODE_CHARS,
  SHARE_CODE_PREFIX,
  decodeShareCode,
  encodeShareCode,
  fromBase64Url,
  type SharePayload,
} from '@flow-forecaster/schemas/share-code';

/**
 * Share links carry a share code in the URL (`#/when?s=v1.…`): the forecast's kind, its request
 * (seed included) and the page's form, so opening one reproduces the same numbers without any
 * server. The code is the schemas' one format, the same the server's `/api/encode` writes and
 * `/api/decode` reads, within the same limits (MAX_SHARE_CODE_CHARS); `#/open?s=<code>` opens
 * any code on the page of its kind.
 */
export interface OpenedShare<F> {
  /** Absent for links from before share codes, which only ever opened on their own page. */
  kind?: string;
  /** The page's form; absent for a code made from a request alone (e.g. by `/api/encode`). */
  form?: Partial<F>;
  seed?: number;
  /** The request as run; absent for links from before share codes. */
  input?: Record<string, unknown>;
}

/** The page of each forecast kind a share code can open on. */
const SHARE_PAGES: Readonly<Record<string, string>> = {
  simulate: '/when',
  'how-many': '/how-many',
  deadline: '/deadline',
  cost: '/cost',
  risks: '/risks',
  dependencies: '/dependencies',
  backtest: '/backtest',
  pbc: '/pbc',
  accuracy: '/accuracy',
  portfolio: '/portfolio',
};

export function sharePagePath(kind: string): string | undefined {
  return Object.hasOwn(SHARE_PAGES, kind) ? SHARE_PAGES[kind] : undefined;
}

function seedOf(input: Record<string, unknown>): number | undefined {
  return typeof input.seed === 'number' ? input.seed >>> 0 : undefined;
}

export async function encodeShare<F extends object>(
  kind: string,
  input: Record<string, unknown>,
  form: F | undefined,
): Promise<string> {
  const payload: SharePayload = { kind, input };
  // A form is a plain record of the page's fields; spreading it drops its interface type.
  if (form) payload.form = { ...form } as Record<string, unknown>;
  return encodeShareCode(payload);
}

/** Links written before share codes: base64url of `{v: 1, form, seed}`. */
function decodeLegacyShare<F>(text: string): OpenedShare<F> | null {
  const data: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
  if (typeof data !== 'object' || data === null) return null;
  const s = data as { v?: unknown; form?: unknown; seed?: unknown };
  if (s.v !== 1 || typeof s.seed !== 'number' || typeof s.form !== 'object' || !s.form) {
    return null;
  }
  return { form: s.form as Partial<F>, seed: s.seed >>> 0 };
}

/** Returns null for anything that is not a link this app or the server made (never throws). */
export async function decodeShare<F>(text: string | null): Promise<OpenedShare<F> | null> {
  // Longer than MAX_SHARE_CODE_CHARS: not a code any writer makes (the server refuses it too).
  if (!text || text.length > MAX_SHARE_CODE_CHARS) return null;
  try {
    if (!text.startsWith(SHARE_CODE_PREFIX)) return decodeLegacyShare<F>(text);
    const payload = await decodeShareCode(text);
    const opened: OpenedShare<F> = { kind: payload.kind, input: payload.input };
    const seed = seedOf(payload.input);
    if (seed !== undefined) opened.seed = seed;
    if (payload.form) opened.form = payload.form as Partial<F>;
    return opened;
  } catch (_e) {
    return null;
  }
}

export function shareUrl(path: string, encoded: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${path}?s=${encoded}`;
}
