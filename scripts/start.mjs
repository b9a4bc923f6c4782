// `npm start`: builds the web app and the server's JavaScript when either is missing or older
// than its sources, then runs the compiled server. Everything else
// (port, database, Redis) comes from the environment; see docs/configuration.md.
//
// `node scripts/start.mjs worker|migrate|admin|backup|restore|queue [args]` runs the BullMQ
// worker, the migrations and the operations commands the same way (`npm run worker`, …);
// `build` only builds (when needed) and exits.
//
// Why compiled: running the TypeScript through tsx loaded the compiler into the server and into
// every pool thread (~100 MB each, docs/performance.md). Why build here: a fresh clone's
// `npm install && npm start` must work with no extra step, and an edited source must not be
// served stale. The Docker image builds in its build stage and ships no sources, so nothing is
// built (or compilable) there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest, webBuildNeeded } from './build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages', 'web');
const isWindows = process.platform === 'win32';

// WEB_DIST names a build made elsewhere (the Docker image's build stage, a test's temp dir).
if (
  (process.argv[2] ?? 'server') === 'server' &&
  !process.env.WEB_DIST &&
  existsSync(join(web, 'vite.config.ts')) &&
  webBuildNeeded(root)
) {
  console.log('Building the web app (first start, or its sources changed)…');
  const build = spawnSync(isWindows ? 'npx.cmd' : 'npx', ['vite', 'build'], {
    cwd: web,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    // The API still works without the web app; the root page then says how to build it.
    console.error('The web app did not build; starting the API anyway.');
  }
}

const ROLES = {
  server: 'server.js',
  worker: 'bull-worker.js',
  migrate: 'migrate.js',
  admin: 'grant-admin.js',
  backup: 'backup.js',
  restore: 'restore.js',
  queue: 'queue.js',
};
const [role = 'server', ...args] = process.argv.slice(2);
if (!(role in ROLES) && role !== 'build') {
  console.error(`unknown role '${role}': one of ${Object.keys(ROLES).join(', ')}, build`);
  process.exit(2);
}
const serverPkg = join(root, 'packages', 'server');
const bin = join(serverPkg, 'dist', 'bin');
const entry = join(bin, ROLES[role] ?? ROLES.server);

// The bundle inlines these packages; a change in any of them needs a new build.
const sources = ['engine', 'schemas', 'connectors', 'worker', 'server'].map((p) =>
  join(root, 'packages', p, 'src'),
);
function sourceTime() {
  return Math.max(
    ...sources.map(newest),
    ...['backup.ts', 'restore.ts', 'queue.ts'].map((f) => newest(join(root, 'scripts', f))),
    newest(join(serverPkg, 'tsup.config.ts')),
  );
}
const builtTime = () => (existsSync(entry) ? statSync(entry).mtimeMs : 0);

/**
 * Several commands may start at once (a web process and workers, two migrations): one builds
 * while the others wait for its lock, then find the build fresh. A lock older than two minutes
 * is a crashed build's.
 */
function withBuildLock(f) {
  const lock = join(serverPkg, 'dist', '.build-lock');
  mkdirSync(dirname(lock), { recursive: true });
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 120_000) {
        rmSync(lock, { recursive: true, force: true });
      } else Atomics.wait(wait, 0, 0, 100);
    }
  }
  try {
    return f();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (sourceTime() > builtTime()) {
  const ok = withBuildLock(() => {
    if (sourceTime() <= builtTime()) return true;
    console.log('Building the server (first start, or the sources changed)…');
    const build = spawnSync(isWindows ? 'npx.cmd' : 'npx', ['tsup', '--silent'], {
      cwd: serverPkg,
      stdio: 'inherit',
    });
    return build.status === 0;
  });
  if (!ok) {
    console.error('The server did not build.');
    process.exit(1);
  }
} else if (builtTime() === 0) {
  console.error(`${entry} is missing and there are no sources to build it from.`);
  process.exit(1);
}

if (role === 'build') process.exit(0);

const server = spawn(
  process.execPath,
  [entry, ...args],
  // Its own process group: Ctrl+C reaches it once (forwarded below), not twice, which the
  // server would take as "stop now" instead of a graceful shutdown.
  { cwd: root, stdio: 'inherit', detached: !isWindows },
);
// Pass stop signals on so the server can finish in-flight requests before exiting.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
