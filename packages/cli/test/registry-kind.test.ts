/** A kind added to the registry becomes an `ff` command, with its aliases, help and options. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { coinFlips, registry } from '../../schemas/test/coin-flips';
import { run } from '../src/run';

function io(stdin = '') {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdin: Object.assign(Readable.from(stdin ? [Buffer.from(stdin)] : []), { isTTY: false }),
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
      cwd: process.cwd(),
    },
  };
}

describe('a kind added to the registry', () => {
  it('runs as a command and under its alias, honouring --seed', async () => {
    for (const name of ['coin-flips', 'toss']) {
      const c = io(JSON.stringify({ flips: 2000 }));
      expect(await run([name, '--seed', '11'], c.io, { registry })).toBe(0);
      expect(JSON.parse(c.out.stdout)).toEqual(coinFlips({ flips: 2000, seed: 11 }));
    }
  });

  it('is in the help, and its bad input names the field', async () => {
    const help = io();
    expect(await run(['--help'], help.io, { registry })).toBe(0);
    expect(help.out.stdout).toMatch(/ {2}coin-flips +heads in N tosses of a fair coin/);
    const own = io();
    expect(await run(['toss', '--help'], own.io, { registry })).toBe(0);
    expect(own.out.stdout).toContain('ff coin-flips --input flips.json');
    expect(own.out.stdout).toContain('--seed');
    const bad = io(JSON.stringify({ flips: -1 }));
    expect(await run(['toss'], bad.io, { registry })).toBe(2);
    expect(bad.out.stderr).toMatch(/^error: flips: /);
  });

  it('is unknown to the default registry', async () => {
    const c = io(JSON.stringify({ flips: 3 }));
    expect(await run(['coin-flips'], c.io)).toBe(2);
    expect(c.out.stderr).toContain("unknown command 'coin-flips'");
  });
});
