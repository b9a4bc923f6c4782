/**
 * Share codes: one format for the web app's share links and the server's `/api/encode` and
 * `/api/decode`. A code is `v1.` + base64url(deflate-raw(JSON `{k, i, f?}`)), where `k` is the
 * forecast kind, `i` its request body (seed included, so opening the code reproduces the same
 * numbers) and `f` the web page's form when there is one (so the page can show the inputs as the
 * sender typed them). The browser writes it with CompressionStream, the server with Node's zlib:
 * both produce and read plain raw deflate, so either side opens the other's codes.
 *
 * This module has no dependencies (no zod, no registry), so the web app can import it in its
 * first bundle; checking that `k` is a known kind and `i` a valid body is the caller's job.
 */
export const SHARE_CODE_VERSION = 1;
export const SHARE_CODE_PREFIX = `v${SHARE_CODE_VERSION}.`;
/**
 * The limits of a share code, one pair for every writer and reader (the web app, the server's
 * `/api/encode` and `/api/decode`, `ff encode`/`ff decode`), so a code one of them writes the
 * others open. Characters: a link's code rides in the URL's fragment (`#/when?s=…`), which the
 * browser keeps to itself, so it may be longer than the ~8 KB a server or proxy takes in a
 * request line; 200,000 leaves room for a long pasted history. JSON bytes: generous for real
 * inputs, tiny for a decompression bomb; a writer refuses inputs a reader would not inflate.
 */
export const MAX_SHARE_CODE_CHARS = 200_000;
export const MAX_SHARE_JSON_BYTES = 256 * 1024;

const formatCount = (n: number) => n.toLocaleString('en-US');

export interface SharePayload {
  kind: string;
  input: Record<string, unknown>;
  form?: Record<string, unknown>;
}

export class ShareCodeError extends Error {
  constructor(
    message: string,
    /** The request field the problem belongs to (`code` when reading, `input`/`form` when writing). */
    readonly field: string,
  ) {
    super(message);
    this.name = 'ShareCodeError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * The JSON that gets deflated: short keys, because every byte ends up in a URL. Refuses a
 * payload over MAX_SHARE_JSON_BYTES, which no reader would inflate.
 */
export function sharePayloadBytes(payload: SharePayload): Uint8Array {
  const compact: { k: string; i: Record<string, unknown>; f?: Record<string, unknown> } = {
    k: payload.kind,
    i: payload.input,
  };
  if (payload.form !== undefined) compact.f = payload.form;
  const bytes = new TextEncoder().encode(JSON.stringify(compact));
  if (bytes.byteLength > MAX_SHARE_JSON_BYTES) {
    throw new ShareCodeError(
      `input: these inputs are ${formatCount(bytes.byteLength)} bytes of JSON; the limit for a share link is ${formatCount(MAX_SHARE_JSON_BYTES)}. Share fewer samples or save the forecast instead.`,
      'input',
    );
  }
  return bytes;
}

/** Frames deflated bytes as a code, refusing one longer than MAX_SHARE_CODE_CHARS. */
export function packShareCode(deflated: Uint8Array): string {
  const code = SHARE_CODE_PREFIX + toBase64Url(deflated);
  if (code.length > MAX_SHARE_CODE_CHARS) {
    throw new ShareCodeError(
      `input: these inputs make a ${formatCount(code.length)}-character link; the limit is ${formatCount(MAX_SHARE_CODE_CHARS)}. Share fewer samples or save the forecast instead.`,
      'input',
    );
  }
  return code;
}

/** The deflated bytes a code carries, after checking its length, version and alphabet. */
export function unpackShareCode(code: string): Uint8Array {
  if (code.length > MAX_SHARE_CODE_CHARS) {
    throw new ShareCodeError(
      `code: the share code is ${formatCount(code.length)} characters; the limit is ${formatCount(MAX_SHARE_CODE_CHARS)}`,
      'code',
    );
  }
  const m = /^v(\d+)\.([A-Za-z0-9_-]+)$/.exec(code);
  if (!m) throw new ShareCodeError('This is not a Flow Forecaster share link', 'code');
  if (Number(m[1]) !== SHARE_CODE_VERSION) {
    throw new ShareCodeError(`Share link version ${m[1]} is not supported`, 'code');
  }
  try {
    return fromBase64Url(m[2]);
  } catch (_e) {
    throw new ShareCodeError('The share link is damaged or incomplete', 'code');
  }
}

/** Reads the inflated JSON back into a payload (its shape only; not the kind's schema). */
export function readSharePayload(json: Uint8Array): SharePayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (_e) {
    throw new ShareCodeError('The share link is damaged or incomplete', 'code');
  }
  if (!isPlainObject(parsed) || typeof parsed.k !== 'string' || parsed.k === '') {
    throw new ShareCodeError('The share link does not name a forecast kind', 'code');
  }
  if (!isPlainObject(parsed.i)) throw new ShareCodeError('The share link holds no inputs', 'code');
  if (parsed.f !== undefined && !isPlainObject(parsed.f)) {
    throw new ShareCodeError('The share link is damaged or incomplete', 'code');
  }
  const payload: SharePayload = { kind: parsed.k, input: parsed.i };
  if (parsed.f !== undefined) payload.form = parsed.f;
  return payload;
}

/** Runs bytes through a (de)compression stream, stopping once the output passes `limit` bytes. */
async function throughStream(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the write side's promises must not go unhandled.
  writer.write(new Uint8Array(bytes)).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ShareCodeError('The share link holds more than a forecast needs', 'code');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Writes a code with the platform's CompressionStream (browsers, Node ≥ 20.12). */
export async function encodeShareCode(payload: SharePayload): Promise<string> {
  const json = sharePayloadBytes(payload);
  const deflated = await throughStream(
    json,
    new CompressionStream('deflate-raw'),
    Number.POSITIVE_INFINITY,
  );
  return packShareCode(deflated);
}

/** Reads a code with the platform's DecompressionStream; throws ShareCodeError on anything else. */
export async function decodeShareCode(code: string): Promise<SharePayload> {
  const deflated = unpackShareCode(code);
  let json: Uint8Array;
  try {
    json = await throughStream(
      deflated,
      new DecompressionStream('deflate-raw'),
      MAX_SHARE_JSON_BYTES,
    );
  } catch (e) {
    if (e instanceof ShareCodeError) throw e;
    throw new ShareCodeError('The share link is damaged or incomplete', 'code');
  }
  return readSharePayload(json);
}
