import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  packShareCode,
  readSharePayload,
  sharePayloadBytes,
  unpackShareCode,
} from '@flow-forecaster/schemas/share-code';
import { decodeShare, encodeShare, sharePagePath } from './share';

const input = { tpSamples: [5, 6, 7], numberOfTasks: 30, seed: 4_294_967_295 };
const form = { tpText: '5, 6, 7', risks: [{ description: 'Migração €' }], runs: '10000' };

function legacyLink(state: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share links', () => {
  it('write a share code the server (zlib) reads, and read back form, seed and kind', async () => {
    const code = await encodeShare('simulate', input, form);
    expect(code).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(readSharePayload(inflateRawSync(unpackShareCode(code)))).toEqual({
      kind: 'simulate',
      input,
      form,
    });
    expect(await decodeShare(code)).toEqual({ kind: 'simulate', input, form, seed: 4_294_967_295 });
  });

  it('open a code written by the server, with or without a form', async () => {
    const server = packShareCode(
      deflateRawSync(sharePayloadBytes({ kind: 'how-many', input: { ...input, seed: 9 } })),
    );
    const opened = await decodeShare(server);
    expect(opened).toEqual({ kind: 'how-many', input: { ...input, seed: 9 }, seed: 9 });
    expect(opened?.form).toBeUndefined();
  });

  it('still open links written before share codes', async () => {
    expect(await decodeShare(legacyLink({ v: 1, form, seed: 12 }))).toEqual({ form, seed: 12 });
  });

  it('reject anything they did not make, without throwing', async () => {
    const good = await encodeShare('simulate', input, form);
    for (const bad of [null, '', '%%%', 'aGVsbG8', good.slice(0, 10), 'v2.' + good.slice(3)]) {
      expect(await decodeShare(bad)).toBeNull();
    }
    expect(await decodeShare(legacyLink({ v: 2, form: {}, seed: 1 }))).toBeNull();
  });

  it('know the page of each kind, and none for a kind without one', () => {
    expect(sharePagePath('simulate')).toBe('/when');
    expect(sharePagePath('portfolio')).toBe('/portfolio');
    expect(sharePagePath('when')).toBeUndefined();
    expect(sharePagePath('toString')).toBeUndefined();
  });
});
