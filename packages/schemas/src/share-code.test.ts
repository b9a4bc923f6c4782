import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  MAX_SHARE_CODE_CHARS,
  MAX_SHARE_JSON_BYTES,
  ShareCodeError,
  decodeShareCode,
  encodeShareCode,
  packShareCode,
  readSharePayload,
  sharePayloadBytes,
  toBase64Url,
  unpackShareCode,
  type SharePayload,
} from './share-code';
import { codeOfLength, random } from '../test/share-codes';

const payload: SharePayload = {
  kind: 'simulate',
  input: { tpSamples: [1, 9, 3, 0, 12], numberOfTasks: 40, seed: 4_294_967_295 },
  form: { tpText: '1, 9, 3, 0, 12', risks: [{ description: 'Migração €' }] },
};

/** What the server does: Node's zlib, synchronously. */
function zlibEncode(p: SharePayload): string {
  return packShareCode(deflateRawSync(sharePayloadBytes(p), { level: 9 }));
}

function zlibDecode(code: string): SharePayload {
  return readSharePayload(inflateRawSync(unpackShareCode(code)));
}

async function rejection(promise: Promise<unknown>): Promise<ShareCodeError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ShareCodeError) return e;
    throw e;
  }
  throw new Error('expected a ShareCodeError');
}

describe('share codes', () => {
  it('a code written with CompressionStream (the browser) opens with zlib (the server)', async () => {
    const code = await encodeShareCode(payload);
    expect(code).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(zlibDecode(code)).toEqual(payload);
  });

  it('a code written with zlib opens with DecompressionStream, form or not', async () => {
    expect(await decodeShareCode(zlibEncode(payload))).toEqual(payload);
    const bare = { kind: 'how-many', input: { tpSamples: [2, 3], seed: 7 } };
    const opened = await decodeShareCode(zlibEncode(bare));
    expect(opened).toEqual(bare);
    expect('form' in opened).toBe(false);
  });

  it('the compact JSON uses k, i and f', () => {
    const json = JSON.parse(new TextDecoder().decode(sharePayloadBytes(payload)));
    expect(Object.keys(json)).toEqual(['k', 'i', 'f']);
  });

  it('refuses damaged, foreign, other-version and oversized codes with a ShareCodeError', async () => {
    const good = await encodeShareCode(payload);
    const cases = [
      '',
      'hello',
      'v2.' + good.slice(3),
      good.slice(0, 12),
      'v1.' + toBase64Url(new Uint8Array([1, 2, 3, 4, 5])),
      'v1.' + 'A'.repeat(MAX_SHARE_CODE_CHARS),
    ];
    for (const bad of cases) {
      const err = await rejection(decodeShareCode(bad));
      expect(err.field).toBe('code');
    }
  });

  it('refuses a code whose JSON is not a payload', async () => {
    for (const json of ['[1]', '{"k":"simulate"}', '{"k":1,"i":{}}', '{"k":"x","i":{},"f":3}']) {
      const code = packShareCode(deflateRawSync(Buffer.from(json)));
      expect((await rejection(decodeShareCode(code))).message).toMatch(/share link/);
    }
  });

  it('stops inflating a decompression bomb', async () => {
    const bomb = packShareCode(deflateRawSync(Buffer.alloc(5_000_000, 32), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CODE_CHARS);
    expect((await rejection(decodeShareCode(bomb))).message).toMatch(/more than/);
  });

  it('one limit for writers and readers: the longest code opens, one character more is refused', async () => {
    const code = codeOfLength(MAX_SHARE_CODE_CHARS);
    expect(code.length).toBeGreaterThan(MAX_SHARE_CODE_CHARS - 4);
    expect(code.length).toBeLessThanOrEqual(MAX_SHARE_CODE_CHARS);
    expect((await decodeShareCode(code)).kind).toBe('simulate');
    expect(zlibDecode(code).kind).toBe('simulate');
    const over = 'v1.' + 'A'.repeat(MAX_SHARE_CODE_CHARS - 2);
    const err = await rejection(decodeShareCode(over));
    expect(err.field).toBe('code');
    expect(err.message).toBe('code: the share code is 200,001 characters; the limit is 200,000');
  });

  it('refuses to write a code longer than the limit, or JSON no reader would inflate', async () => {
    // Samples that do not compress away (an LCG), as a long real history would not.
    let x = 12345;
    const noise = (n: number) =>
      Array.from({ length: n }, () => (x = (x * 1103515245 + 12345) % 2 ** 31) % 1000);
    expect(await encodeShareCode({ kind: 'simulate', input: { tpSamples: noise(8000) } })).toMatch(
      /^v1\./,
    );
    const tooLong = await rejection(
      encodeShareCode({
        kind: 'simulate',
        input: { tpSamples: noise(1000) },
        form: { note: random(MAX_SHARE_CODE_CHARS) },
      }),
    );
    expect(tooLong.field).toBe('input');
    expect(tooLong.message).toMatch(/-character link; the limit is 200,000/);
    const tooBig = await rejection(
      encodeShareCode({
        kind: 'simulate',
        input: { tpSamples: Array(MAX_SHARE_JSON_BYTES).fill(1) },
      }),
    );
    expect(tooBig.field).toBe('input');
    expect(tooBig.message).toMatch(/bytes of JSON; the limit for a share link is 262,144/);
  });
});
