/** Bad input: exit 2, one line on stderr naming the field, never a stack trace or a hang. */
import { describe, expect, it } from 'vitest';
import { ff } from './helpers';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

const cases: [string, string[], string | undefined, RegExp][] = [
  ['bad JSON', ['simulate'], '{"tpSamples": [1, 2', /^error: input: not valid JSON/],
  [
    'a missing field',
    ['simulate'],
    JSON.stringify({ tpSamples: T12 }),
    /^error: numberOfTasks: is required/,
  ],
  [
    'a bad date',
    ['when'],
    JSON.stringify({ tpSamples: T12, backlog: 5, startDate: '31/02/2025' }),
    /^error: startDate: is not a date we can read .*DD\/MM\/YYYY/,
  ],
  [
    'a bad nested field',
    ['risks'],
    JSON.stringify({ risks: [{ likelihood: 'often', lowImpact: 1, highImpact: 2 }] }),
    /^error: risks\.0\.likelihood: must be a number, not text\.\n$/,
  ],
  ['an unknown command', ['guess'], undefined, /^error: unknown command 'guess'/],
  ['an unknown option', ['when', '--fast'], '{}', /^error: unknown option '--fast'/],
  ['an out-of-range --runs', ['when', '--runs', '10'], '{}', /^error: --runs: /],
  ['a missing input file', ['when', '-i', 'nope.json'], undefined, /^error: --input: nope\.json/],
  ['empty stdin', ['pbc'], '', /^error: input: stdin was empty/],
  ['no command', [], undefined, /^error: no command given/],
  ['a JSON array', ['pbc'], '[1, 2, 3]', /^error: input: The request body must be an object/],
];

describe.concurrent('error exits', () => {
  it.each(cases)('%s → exit 2 with one line naming it', async (_name, args, stdin, pattern) => {
    const r = await ff(args, { stdin });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and the version with exit 0', async () => {
    const [help, cmdHelp, version] = await Promise.all([
      ff(['--help']),
      ff(['history', '--help']),
      ff(['--version']),
    ]);
    expect(help.code).toBe(0);
    for (const name of ['simulate', 'how-many', 'backtest', 'history']) {
      expect(help.stdout).toContain(name);
    }
    expect(cmdHelp.code).toBe(0);
    expect(cmdHelp.stdout).toMatch(/--done-column NAME/);
    expect(cmdHelp.stdout).not.toMatch(/--seed/);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
