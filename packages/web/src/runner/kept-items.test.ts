import { describe, expect, it } from 'vitest';
import { inputWithItems, type KeptItems } from './kept-items';

const items = [{ id: 'A-1', started: '2025-01-06', done: '2025-01-08' }];

describe('the items a flow worker keeps', () => {
  it('keeps the items a request brings and gives them to the next one that names them', () => {
    const kept: KeptItems = { key: null, items: null };
    const first = { items, window: 'auto' };
    expect(inputWithItems({ id: 1, kind: 'flow', input: first, itemsKey: 'k1' }, kept)).toBe(first);
    expect(
      inputWithItems({ id: 2, kind: 'flow', input: { window: 'all' }, itemsKey: 'k1' }, kept),
    ).toEqual({ window: 'all', items });
  });

  it('asks for the items again when it holds others (or none)', () => {
    const kept: KeptItems = { key: null, items: null };
    expect(inputWithItems({ id: 1, kind: 'flow', input: {}, itemsKey: 'k1' }, kept)).toBeNull();
    inputWithItems({ id: 2, kind: 'flow', input: { items }, itemsKey: 'k1' }, kept);
    expect(inputWithItems({ id: 3, kind: 'flow', input: {}, itemsKey: 'k2' }, kept)).toBeNull();
  });

  it('leaves a request without a key as it is', () => {
    const kept: KeptItems = { key: 'k1', items };
    const input = { tpSamples: [1, 2] };
    expect(inputWithItems({ id: 1, kind: 'simulate', input }, kept)).toBe(input);
  });
});
