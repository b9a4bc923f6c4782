/**
 * Share links: a forecast's kind and inputs (seed included) packed into one URL-safe string,
 * so opening the link reproduces the exact forecast. Format: `v1.` + base64url(deflate(JSON)).
 * The version prefix lets a later format coexist with links already pasted into chats and
 * slides; the size limits keep links usable in URLs and stop decompression bombs.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isRequestKind, parseRequest } from '@flow-forecaster/schemas';
import type { RequestKind } from '@flow-forecaster/schemas';

export const SHARE_LINK_VERSION = 1;
const PREFIX = `v${SHARE_LINK_VERSION}.`;
/** Longest link we produce or accept; browsers and chat tools cope with ~8 KB URLs. */
export const MAX_SHARE_LINK_CHARS = 8_000;
/** Inflated size limit: generous for real inputs, tiny for a zip bomb. */
const MAX_JSON_BYTES = 256 * 1024;

export interface SharedForecast {
  kind: RequestKind;
  input: Record<string, unknown>;
}

export class ShareLinkError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ShareLinkError';
  }
}

export function encodeShareLink(shared: SharedForecast): string {
  const checked = parseRequest(shared.kind, shared.input);
  if (!checked.ok) {
    const field = checked.error.field ? `input.${checked.error.field}` : 'input';
    throw new ShareLinkError(checked.error.message, field);
  }
  const json = JSON.stringify({ k: shared.kind, i: shared.input });
  const code =
    PREFIX + deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64url');
  if (code.length > MAX_SHARE_LINK_CHARS) {
    throw new ShareLinkError(
      `These inputs make a ${code.length}-character link; the limit is ${MAX_SHARE_LINK_CHARS}. Share fewer samples or save the forecast instead.`,
      'input',
    );
  }
  return code;
}

export function decodeShareLink(code: string): SharedForecast {
  if (code.length > MAX_SHARE_LINK_CHARS) {
    throw new ShareLinkError(`The link is longer than ${MAX_SHARE_LINK_CHARS} characters`, 'code');
  }
  const m = /^v(\d+)\.([A-Za-z0-9_-]+)$/.exec(code);
  if (!m) throw new ShareLinkError('This is not a Flow Forecaster share link', 'code');
  if (Number(m[1]) !== SHARE_LINK_VERSION) {
    throw new ShareLinkError(`Share link version ${m[1]} is not supported`, 'code');
  }
  let parsed: unknown;
  try {
    const raw = inflateRawSync(Buffer.from(m[2], 'base64url'), { maxOutputLength: MAX_JSON_BYTES });
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (_e) {
    throw new ShareLinkError('The share link is damaged or incomplete', 'code');
  }
  const obj = parsed as { k?: unknown; i?: unknown };
  if (typeof obj !== 'object' || obj === null || !isRequestKind(obj.k)) {
    throw new ShareLinkError('The share link does not name a forecast kind', 'code');
  }
  if (typeof obj.i !== 'object' || obj.i === null || Array.isArray(obj.i)) {
    throw new ShareLinkError('The share link holds no inputs', 'code');
  }
  // A link is user input like any other: what it carries must pass the same validation.
  const checked = parseRequest(obj.k, obj.i);
  if (!checked.ok) {
    throw new ShareLinkError(`The shared inputs are not valid: ${checked.error.message}`, 'code');
  }
  return { kind: obj.k, input: obj.i as Record<string, unknown> };
}
