/** Spawning the real `bin/ff.js`, as a user's shell would. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { RequestKind } from '@flow-forecaster/schemas';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../../..');
export const BIN = resolve(here, '../bin/ff.js');
// The repository's copies of the spec and of the sample exports (see the README's layout).
export const SPEC = resolve(ROOT, 'spec');
export const DATA = resolve(ROOT, 'samples');

export interface FfRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function ff(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<FfRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A hang is a failure of its own: kill it rather than let the suite time out. The limit is
    // generous because a start on two cores shared with the rest of the suite (a fresh-clone CI
    // ran eight of these at once) once took 30 s; a real hang still ends well before the test's.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * A command and its example in examples/ (simulate on the team case), for the tests that run
 * every command end to end; each adds the examples only it reads.
 */
export const COMMAND_EXAMPLES: [RequestKind, string][] = [
  ['simulate', 'team.json'],
  ['when', 'when.json'],
  ['how-many', 'how-many.json'],
  ['deadline', 'deadline.json'],
  ['cost', 'cost.json'],
  ['risks', 'risks.json'],
  ['dependencies', 'dependencies.json'],
  ['backtest', 'backtest.json'],
  ['accuracy', 'accuracy.json'],
  ['flow', 'flow.json'],
  ['portfolio', 'portfolio.json'],
];

export function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, 'examples', name), 'utf8')) as Record<
    string,
    unknown
  >;
}
