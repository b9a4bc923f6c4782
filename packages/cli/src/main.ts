/** Process entry of `ff` (bin/ff.js imports this): real stdio, real exit code. */
import { VERSION } from './version';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Scripts call `ff --version` to check the install; answer before loading the schemas and
  // the engine, which are most of the start-up time.
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('./run');
  const code = await run(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
  });
  // Let stdout drain before leaving: process.exit() can cut a large piped JSON short.
  process.exitCode = code;
}
