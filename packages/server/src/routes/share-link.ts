/**
 * Share links on the server: the one share-code format (`@flow-forecaster/schemas`'
 * share-code.ts, also written by the web app) with Node's zlib, plus what only the server
 * does — checking the inputs against the kind's schema before writing or after reading a code.
 * zlib's `maxOutputLength` stops a decompression bomb before it is inflated.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  MAX_SHARE_JSON_BYTES,
  SHARE_CODE_VERSION,
  ShareCodeError,
  isRequestKind,
  packShareCode,
  parseRequest,
  readSharePayload,
  sharePayloadBytes,
  unpackShareCode,
} from '@flow-forecaster/schemas';
import type { RequestKind } from '@flow-forecaster/schemas';

export const SHARE_LINK_VERSION = SHARE_CODE_VERSION;
export { ShareCodeError as ShareLinkError };

export interface SharedForecast {
  kind: RequestKind;
  input: Record<string, unknown>;
  /** The web page's form, kept as given so the app can show the inputs as typed. */
  form?: Record<string, unknown>;
}

export function encodeShareLink(shared: SharedForecast): string {
  const checked = parseRequest(shared.kind, shared.input);
  if (!checked.ok) {
    const field = checked.error.field ? `input.${checked.error.field}` : 'input';
    throw new ShareCodeError(checked.error.message, field);
  }
  return packShareCode(deflateRawSync(sharePayloadBytes(shared), { level: 9 }));
}

export function decodeShareLink(code: string): SharedForecast {
  const deflated = unpackShareCode(code);
  let json: Uint8Array;
  try {
    json = inflateRawSync(deflated, { maxOutputLength: MAX_SHARE_JSON_BYTES });
  } catch (_e) {
    throw new ShareCodeError('The share link is damaged or incomplete', 'code');
  }
  const payload = readSharePayload(json);
  if (!isRequestKind(payload.kind)) {
    throw new ShareCodeError('The share link does not name a forecast kind', 'code');
  }
  // A link is user input like any other: what it carries must pass the same validation.
  const checked = parseRequest(payload.kind, payload.input);
  if (!checked.ok) {
    throw new ShareCodeError(`The shared inputs are not valid: ${checked.error.message}`, 'code');
  }
  const shared: SharedForecast = { kind: payload.kind, input: payload.input };
  if (payload.form !== undefined) shared.form = payload.form;
  return shared;
}
