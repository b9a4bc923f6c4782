/** `run()` in-process: the paths that need a fake terminal or are cheaper without a spawn. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from './run';
import { run } from './run';

const ROOT = resolve(__dirname, '../../..');

function io(stdin = '', isTTY = false) {
  const out = { stdout: '', stderr: '' };
  const stream = Object.assign(Readable.from(stdin ? [Buffer.from(stdin)] : []), { isTTY });
  const value: CliIo = {
    stdin: stream,
    cwd: ROOT,
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
  };
  return { io: value, out };
}

const tmp = mkdtempSync(join(tmpdir(), 'ff-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('run()', () => {
  it('refuses to wait on a terminal when no input is given', async () => {
    const t = io('', true);
    expect(await run(['simulate'], t.io)).toBe(2);
    expect(t.out.stderr).toBe(
      'error: no input: give --input FILE.json or pipe the JSON on stdin\n',
    );
  });

  it('writes --output FILE and nothing to stdout', async () => {
    const t = io();
    const file = join(tmp, 'out.json');
    expect(await run(['risks', '-i', 'examples/risks.json', '-o', file], t.io)).toBe(0);
    expect(t.out.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).totalExpectedImpact).toBe(6.8);
  });

  it('exits 1 (not 2) when the output cannot be written', async () => {
    const t = io();
    const code = await run(['risks', '-i', 'examples/risks.json', '-o', tmp], t.io);
    expect(code).toBe(1);
    expect(t.out.stderr).toMatch(/^error: --output: /);
  });

  it.each([
    ['simulate', 'team.json', [/P85\s+23/, /Likelihood table/]],
    ['when', 'when.json', [/Weeks to finish/, /P85\s+\d+\s+\d+(–\d+)?\s+\d{4}-\d{2}-\d{2}/]],
    ['how-many', 'how-many.json', [/3 weeks/, /^95 to 1\s+30\s+30$/m]],
    [
      'deadline',
      'deadline.json',
      [
        /^> 99\.9% chance to finish 20 items by 2025-10-16/m,
        /Can meet at P85: yes/,
        /^P50 to P95\s+2\s+2025-10-15/m,
      ],
    ],
    ['cost', 'cost.json', [/Cost of 50 items \(USD\)/, /P\(over budget\)/]],
    ['risks', 'risks.json', [/^\s+1\s+A: .*HIGH$/m, /total expected impact \(items\):\s+6\.8/]],
    ['dependencies', 'dependencies.json', [/P\(all on time\):\s+49\.0%/, /1 in 2/]],
    ['accuracy', 'accuracy.json', [/MAE:\s+0\.8/, /quality:\s+excellent/]],
    [
      'backtest',
      'backtest.json',
      [/walk-forward backtest of 10 items over 16 folds/, /^folds: 16 in every row$/m],
    ],
    ['pbc', 'pbc.json', [/upper limit \(UNPL\)/, /verdict:/]],
  ] as const)('%s --format table', async (kind, file, patterns) => {
    const t = io();
    expect(await run([kind, '-i', `examples/${file}`, '-f', 'table'], t.io)).toBe(0);
    for (const p of patterns) expect(t.out.stdout).toMatch(p);
    expect(t.out.stdout).not.toMatch(/undefined|NaN|\[object/);
  });

  it('history --format table lists the weeks', async () => {
    const t = io();
    const args = ['history', '--csv', resolve(ROOT, 'samples/linear-export.csv')];
    expect(await run([...args, '--done-column', 'Completed', '-f', 'table'], t.io)).toBe(0);
    expect(t.out.stdout).toMatch(/^2025-03-03\s+6$/m);
    expect(t.out.stdout).toMatch(/tpSamples:\s+6, 5, 4, 5/);
  });

  it('history also takes JSON items on stdin', async () => {
    const items = [
      { done: '2025-03-04T10:00:00', start: '2025-03-01T10:00:00' },
      { done: '2025-03-12', start: null },
    ];
    const t = io(JSON.stringify({ items }));
    expect(await run(['history'], t.io)).toBe(0);
    const out = JSON.parse(t.out.stdout);
    expect(out.tpSamples).toEqual([1, 1]);
    expect(out.ltSamples).toEqual([3]);
  });

  it('accepts the API path names as command names', async () => {
    const a = io();
    const b = io();
    expect(await run(['forecast-when', '-i', 'examples/when.json'], a.io)).toBe(0);
    expect(await run(['when', '-i', 'examples/when.json'], b.io)).toBe(0);
    expect(a.out.stdout).toBe(b.out.stdout);
  });

  it('rejects history column options without --csv', async () => {
    const t = io('{"items": []}');
    expect(await run(['history', '--done-column', 'x'], t.io)).toBe(2);
    expect(t.out.stderr).toMatch(/^error: --csv: /);
  });
});
