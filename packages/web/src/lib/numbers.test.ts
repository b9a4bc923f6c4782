import { describe, expect, it } from 'vitest';
import { parseNumberList, parseOptionalNumber } from './numbers';

describe('parseNumberList', () => {
  it('reads commas and spaces as separators', () => {
    expect(parseNumberList('5, 6 7,8')).toEqual({ ok: true, values: [5, 6, 7, 8] });
  });

  it('reads a pasted spreadsheet column with decimal commas', () => {
    expect(parseNumberList('1,5\n2,25\n3')).toEqual({ ok: true, values: [1.5, 2.25, 3] });
    expect(parseNumberList('1,5; 2')).toEqual({ ok: true, values: [1.5, 2] });
  });

  it('names the first thing that is not a number', () => {
    expect(parseNumberList('5, x, 7')).toEqual({ ok: false, bad: 'x' });
    expect(parseNumberList('5, 1e999')).toEqual({ ok: false, bad: '1e999' });
    expect(parseNumberList('Infinity')).toEqual({ ok: false, bad: 'Infinity' });
  });

  it('gives an empty list for blank text', () => {
    expect(parseNumberList('  \n ')).toEqual({ ok: true, values: [] });
  });
});

describe('parseOptionalNumber', () => {
  it('keeps empty as undefined and accepts a decimal comma', () => {
    expect(parseOptionalNumber(' ')).toBeUndefined();
    expect(parseOptionalNumber('0,85')).toBe(0.85);
    expect(parseOptionalNumber('abc')).toBe('invalid');
  });
});
