// `npm start`: builds the web app once if it has not been built, then runs the server.
// Everything else (port, database, Redis) comes from the environment; see docs/configuration.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages', 'web');
const isWindows = process.platform === 'win32';

// WEB_DIST names a build made elsewhere (the Docker image's build stage, a test's temp dir).
if (
  !process.env.WEB_DIST &&
  !existsSync(join(web, 'dist', 'index.html')) &&
  existsSync(join(web, 'vite.config.ts'))
) {
  console.log('Building the web app (first start only)…');
  const build = spawnSync(isWindows ? 'npx.cmd' : 'npx', ['vite', 'build'], {
    cwd: web,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    // The API still works without the web app; the root page then says how to build it.
    console.error('The web app did not build; starting the API anyway.');
  }
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'packages', 'server', 'src', 'server.ts')],
  // Its own process group: Ctrl+C reaches it once (forwarded below), not twice, which the
  // server would take as "stop now" instead of a graceful shutdown.
  { cwd: root, stdio: 'inherit', detached: !isWindows },
);
// Pass stop signals on so the server can finish in-flight requests before exiting.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
