import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from './share';

describe('share links', () => {
  it('round-trips a form and seed, accents included, in URL-safe characters', () => {
    const form = { tpText: '5, 6, 7', risks: [{ description: 'Migração €' }], runs: '10000' };
    const encoded = encodeShare(form, 4_294_967_295);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(encoded)).toEqual({ v: 1, form, seed: 4_294_967_295 });
  });

  it('rejects anything it did not make, without throwing', () => {
    for (const bad of [null, '', '%%%', 'aGVsbG8', encodeShare('x', 1).slice(0, 10)]) {
      expect(decodeShare(bad)).toBeNull();
    }
    const wrongVersion = btoa(JSON.stringify({ v: 2, form: {}, seed: 1 }));
    expect(decodeShare(wrongVersion)).toBeNull();
  });
});
