/** Process entry of `ff` (bin/ff.js imports this): real stdio, real exit code. */
import { run } from './run';

const code = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
// Let stdout drain before leaving: process.exit() can cut a large piped JSON short.
process.exitCode = code;
