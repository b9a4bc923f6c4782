#!/usr/bin/env node
/**
 * `npm run bench:server`: the server as production runs it (`npm start`: compiled JavaScript,
 * NODE_ENV=production) on each database, and a table of
 *
 *   - start: seconds from spawning `node scripts/start.mjs` to the first ready `/readyz`
 *     (PGlite on a new data directory, then again on that existing directory; PostgreSQL);
 *   - idle memory: resident memory of the server process 5 s after it is ready;
 *   - a synchronous `when` forecast (POST /api/forecast-when, 10,000 runs) under autocannon: requests/s, p50 and p99;
 *   - memory under that load (highest sample) and right after it;
 *   - with `--workshop`, the workshop scenario (`npm run loadtest -- workshop`: 30 people
 *     registering, then a 10,000-run forecast each every 10 s for 2 minutes) against the same
 *     server, its result and the highest memory seen during it (the 512 MB web machine's budget).
 *
 *   npm run bench:server -- [--duration 10] [--connections 8] [--source] [--no-postgres]
 *                           [--workshop [--workshop-seconds 120]]
 *
 * `--source` adds rows for the way the server ran before it was compiled
 * (`node --import tsx packages/server/src/server.ts`), for comparison. PostgreSQL is
 * TEST_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432), in a database created
 * and dropped here; its rows are skipped when it is not reachable. The web app is served when it
 * has been built (packages/web/dist), else the API alone. Not part of `npm test`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION = option('duration', 10);
const CONNECTIONS = option('connections', 8);
const IDLE_WAIT_MS = 5_000;
const WORKSHOP = flag('workshop');
const WORKSHOP_SECONDS = option('workshop-seconds', 120);
const PG_BASE = (
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
).replace(/\/[^/]*$/, '');
const PG_DB = `ff_bench_server_${process.pid}`;

const WHEN = {
  tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7],
  backlog: 60,
  numberOfSimulations: 10_000,
  seed: 1,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => ok(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Resident memory of `pid` in MB (ps works on Linux and macOS). */
function rssMb(pid) {
  try {
    return (
      Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) / 1024
    );
  } catch {
    return NaN;
  }
}

/** The server process: start.mjs's node child, or the process itself for the source rows. */
function serverPid(child, viaStart) {
  if (!viaStart) return child.pid;
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  for (const line of out.trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (ppid === child.pid) return pid;
  }
  return null;
}

async function startServer(mode, env) {
  const port = await freePort();
  const viaStart = mode === 'compiled';
  const command = viaStart
    ? [join(root, 'scripts', 'start.mjs')]
    : ['--import', 'tsx', join(root, 'packages', 'server', 'src', 'server.ts')];
  const webDist = join(root, 'packages', 'web', 'dist');
  const t0 = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000000',
      // The API alone when the web app is not built: building it is not the server's start.
      WEB_DIST: existsSync(join(webDist, 'index.html')) ? webDist : join(root, '.no-web-build'),
      ...env,
    },
  });
  let log = '';
  child.stdout.on('data', (c) => (log = (log + c).slice(-10_000)));
  child.stderr.on('data', (c) => (log = (log + c).slice(-10_000)));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${log}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - t0 > 120_000) throw new Error(`server not ready:\n${log}`);
    await sleep(20);
  }
  const startSeconds = (performance.now() - t0) / 1000;
  return {
    base,
    startSeconds,
    pid: serverPid(child, viaStart),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function load(base, pid) {
  // One request first: a refused or failing forecast must stop the bench, not fill its table.
  const first = await fetch(`${base}/api/forecast-when`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(WHEN),
  });
  if (first.status !== 200) throw new Error(`forecast: ${first.status} ${await first.text()}`);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  const result = await autocannon({
    url: `${base}/api/forecast-when`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(WHEN),
    connections: CONNECTIONS,
    duration: DURATION,
  });
  clearInterval(sampler);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    peak: Math.max(peak, rssMb(pid)),
    after: rssMb(pid),
  };
}

/** The workshop load test against `base`, with the server's highest memory during it. */
async function workshop(base, pid) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts', 'loadtest', 'index.ts'),
      'workshop',
      '--url',
      base,
      '--duration',
      String(WORKSHOP_SECONDS),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const code = await new Promise((r) => child.once('exit', r));
  clearInterval(sampler);
  const passed = code === 0;
  if (!passed) process.stdout.write(out.slice(-3_000));
  // The scenario's verdict line: errors and p95 (its p95 target needs an idle machine).
  const verdict = /(\d+) errors, p95 ([\d.]+) ms/.exec(out);
  return {
    workshopPeak: Math.max(peak, rssMb(pid)),
    workshopResult: verdict
      ? `${verdict[1]} errors, p95 ${Math.round(Number(verdict[2]))} ms`
      : `exit ${code}`,
  };
}

async function measure(mode, database, env, withLoad = true) {
  const server = await startServer(mode, {
    ...env,
    ...(WORKSHOP ? { WORKSHOP_MODE: 'true' } : {}),
  });
  try {
    await sleep(IDLE_WAIT_MS);
    const row = { mode, database, start: server.startSeconds, idle: rssMb(server.pid) };
    if (withLoad) Object.assign(row, await load(server.base, server.pid));
    if (withLoad && WORKSHOP) Object.assign(row, await workshop(server.base, server.pid));
    return row;
  } finally {
    await server.stop();
  }
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${PG_DB}`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropPostgres() {
  const client = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
  await client.end();
}

async function main() {
  // Build first (start.mjs builds only when the sources changed) so no row times a build.
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), 'build'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0].toFixed(1)}; ` +
      `load: POST /api/forecast-when (10,000 runs), ${CONNECTIONS} connections, ${DURATION} s`,
  );
  const modes = flag('source') ? ['compiled', 'source'] : ['compiled'];
  const usePostgres = !flag('no-postgres') && (await postgresReachable());
  const rows = [];
  try {
    for (const mode of modes) {
      const dataDir = mkdtempSync(join(tmpdir(), 'ff-bench-server-'));
      try {
        // A new directory's start creates the database; its memory is measured on the
        // existing-directory row, which is how a server usually starts.
        rows.push(await measure(mode, 'PGlite, new directory', { DATA_DIR: dataDir }, false));
        rows.push(await measure(mode, 'PGlite, existing directory', { DATA_DIR: dataDir }));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
      if (usePostgres) {
        rows.push(
          await measure(mode, 'PostgreSQL', {
            DATABASE_URL: `${PG_BASE}/${PG_DB}`,
            DATA_DIR: join(tmpdir(), 'ff-bench-server-unused'),
          }),
        );
      }
    }
  } finally {
    if (usePostgres) await dropPostgres();
  }
  if (!usePostgres) console.log(`PostgreSQL at ${PG_BASE} not reachable: its rows are skipped`);
  const mb = (x) => (x === undefined || Number.isNaN(x) ? '' : `${Math.round(x)} MB`);
  const table = [
    [
      'server',
      'database',
      'start',
      'idle RSS',
      'when req/s',
      'p50',
      'p99',
      'errors',
      'RSS under load (max)',
      'RSS after load',
      ...(WORKSHOP ? ['workshop', 'RSS in workshop (max)'] : []),
    ],
    ...rows.map((r) => [
      r.mode === 'compiled' ? 'npm start (compiled JS)' : 'tsx from source',
      r.database,
      `${r.start.toFixed(2)} s`,
      mb(r.idle),
      r.perSecond === undefined ? '' : r.perSecond.toFixed(0),
      r.p50 === undefined ? '' : `${r.p50} ms`,
      r.p99 === undefined ? '' : `${r.p99} ms`,
      r.errors === undefined ? '' : String(r.errors),
      mb(r.peak),
      mb(r.after),
      ...(WORKSHOP ? [r.workshopResult ?? '', mb(r.workshopPeak)] : []),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((l) => l[i].length)));
  for (const [k, line] of table.entries()) {
    console.log(`| ${line.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
    if (k === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
