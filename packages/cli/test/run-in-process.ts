/** Running `ff` in this process (no spawn): fast enough for tests of many option combinations. */
import { Readable } from 'node:stream';
import { resolve } from 'node:path';
import type { CliIo } from '../src/run';
import { run } from '../src/run';

const ROOT = resolve(import.meta.dirname, '../../..');

/** `ff argv…` with `body` (JSON) on stdin, from the repository root; its code and output. */
export async function ffInProcess(argv: string[], body: unknown) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdin: Object.assign(Readable.from([Buffer.from(JSON.stringify(body))]), { isTTY: false }),
    cwd: ROOT,
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
  };
  const code = await run(argv, io);
  return { code, ...out };
}
