/** `ff encode` / `ff decode`: the schemas' share codes, the same limits and checks as the API. */
import { describe, expect, it } from 'vitest';
import { MAX_SHARE_CODE_CHARS, decodeShareCode, encodeShareCode } from '@flow-forecaster/schemas';
import { codeOfLength } from '../../schemas/test/share-codes';
import { ffInProcess } from '../test/run-in-process';

const input = { tpSamples: [3, 4, 5, 6], backlog: 20, seed: 7 };

/** `ff argv…` with `text` on stdin (ffInProcess sends JSON). */
const ff = (argv: string[], stdin: unknown = '') => ffInProcess(argv, stdin);

describe('ff encode / ff decode', () => {
  it('encodes a request from a file or stdin, and decodes it back', async () => {
    const enc = await ff(['encode', 'when', '-'], input);
    expect(enc).toMatchObject({ code: 0, stderr: '' });
    const code = enc.stdout.trim();
    expect(code).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    // The web app (CompressionStream) reads it, and it is the same code the app would write.
    expect(await decodeShareCode(code)).toEqual({ kind: 'when', input });
    expect(code).toBe(await encodeShareCode({ kind: 'when', input }));
    const fromFile = await ff(['encode', 'forecast-when', 'examples/when.json']);
    expect(fromFile.code).toBe(0);

    const dec = await ff(['decode', code]);
    expect(dec.code).toBe(0);
    expect(JSON.parse(dec.stdout)).toEqual({ kind: 'when', input });
    // A link copied from the app's address bar, form and all.
    const form = { tpText: '3, 4, 5, 6' };
    const link = `https://ff.example/#/when?s=${await encodeShareCode({ kind: 'when', input, form })}`;
    expect(JSON.parse((await ff(['decode', link])).stdout)).toEqual({ kind: 'when', input, form });
  });

  it('refuses an invalid request naming the field, and an unknown command', async () => {
    const bad = await ff(['encode', 'when', '-'], { tpSamples: [0, 0], backlog: 20 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: input\.tpSamples: /);
    const unknown = await ff(['encode', 'nope', '-'], input);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'nope'/);
  });

  it('opens the longest code any writer makes and refuses one character more', async () => {
    const longest = codeOfLength(MAX_SHARE_CODE_CHARS);
    expect((await ff(['decode', longest])).code).toBe(0);
    const over = await ff(['decode', 'v1.' + 'A'.repeat(MAX_SHARE_CODE_CHARS - 2)]);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(
      'error: code: the share code is 200,001 characters; the limit is 200,000\n',
    );
    const damaged = await ff(['decode', 'v1.AAAA']);
    expect(damaged).toMatchObject({ code: 2 });
    expect(damaged.stderr).toMatch(/^error: code: /);
  });

  it('has help, and is listed in ff --help', async () => {
    expect((await ff(['encode', '--help'])).stdout).toMatch(/^Usage: ff encode <command>/);
    expect((await ff(['decode', '--help'])).stdout).toMatch(/^Usage: ff decode <code/);
    const help = (await ff(['--help'])).stdout;
    expect(help).toMatch(/^ {2}encode\s+a share code/m);
    expect(help).toMatch(/^ {2}decode\s+the kind and request/m);
  });
});
