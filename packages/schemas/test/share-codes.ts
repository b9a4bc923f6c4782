/** Share codes of chosen sizes, for the tests of the one limit (schemas, server, CLI). */
import { deflateRawSync } from 'node:zlib';
import { sharePayloadBytes, toBase64Url, type SharePayload } from '../src/share-code';

/** `n` characters that do not compress much (base64url of a fixed-seed LCG's bytes). */
export function random(n: number): string {
  let x = 987654321;
  const bytes = Uint8Array.from({ length: Math.ceil((n * 3) / 4) }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x >>> 16;
  });
  return toBase64Url(bytes).slice(0, n);
}

/**
 * A real code as long as possible but not over `max` characters: a simulate request with a
 * note in its form, the note's length found by bisection (a code's length grows with it).
 */
export function codeOfLength(max: number): string {
  const input = { tpSamples: [1, 2, 3], numberOfTasks: 4, seed: 1 };
  const at = (n: number) =>
    zlibEncodeUnchecked({ kind: 'simulate', input, form: { note: random(n) } });
  let lo = 0;
  let hi = max + max / 8; // a note this long makes a code over max (and JSON under its limit)
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (at(mid).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return at(lo);
}

/** The frame without the length check, to measure candidate codes around the limit. */
function zlibEncodeUnchecked(p: SharePayload): string {
  return 'v1.' + toBase64Url(deflateRawSync(sharePayloadBytes(p), { level: 9 }));
}
