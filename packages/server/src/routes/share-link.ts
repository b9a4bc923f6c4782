/**
 * Share links on the server: the one share-code format (`@flow-forecaster/schemas`'
 * share-code.ts, also written by the web app and `ff encode`) with Node's zlib, and the checks
 * every writer and reader makes (share-check.ts: a forecast kind, inputs that pass its schema).
 * zlib's `maxOutputLength` stops a decompression bomb before it is inflated.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  MAX_SHARE_JSON_BYTES,
  SHARE_CODE_VERSION,
  ShareCodeError,
  checkOpenedShare,
  checkShareToWrite,
  packShareCode,
  readSharePayload,
  sharePayloadBytes,
  unpackShareCode,
} from '@flow-forecaster/schemas';
import type { SharePayload, SharedForecast } from '@flow-forecaster/schemas';

export const SHARE_LINK_VERSION = SHARE_CODE_VERSION;
export { ShareCodeError as ShareLinkError };
export type { SharedForecast };

export function encodeShareLink(shared: SharePayload): string {
  const checked = checkShareToWrite(shared);
  return packShareCode(deflateRawSync(sharePayloadBytes(checked), { level: 9 }));
}

export function decodeShareLink(code: string): SharedForecast {
  const deflated = unpackShareCode(code);
  let json: Uint8Array;
  try {
    json = inflateRawSync(deflated, { maxOutputLength: MAX_SHARE_JSON_BYTES });
  } catch (_e) {
    throw new ShareCodeError('The share link is damaged or incomplete', 'code');
  }
  return checkOpenedShare(readSharePayload(json));
}
