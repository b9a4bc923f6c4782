/**
 * The server as production runs it: `npm start` (the built web app, embedded PGlite in a fresh
 * data directory, forecasts on the in-process worker-thread pool) in its own process, on a
 * free port, stopped with SIGTERM at the end. `--url` targets an already running deployment.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from './server';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => ok(port));
    });
  });
}

function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const out: number[] = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop() as number;
    for (const [c, parent] of rows) {
      if (parent === p) {
        out.push(c);
        todo.push(c);
      }
    }
  }
  return out;
}

export async function startProduction(
  url: string,
  env: Record<string, string> = {},
): Promise<Target> {
  if (url) return { url: url.replace(/\/$/, ''), close: async () => undefined };
  if (!existsSync(join(root, 'packages/web/dist/index.html'))) {
    process.stdout.write('building the web app…\n');
    const b = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (b.status !== 0) throw new Error('web build failed');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ff-loadtest-'));
  const child = spawn('npm', ['start'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)));
  child.stderr?.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${log}`);
    const ok = await fetch(`${base}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: base,
    async close() {
      const exited = new Promise((r) => child.on('exit', r));
      // npm and scripts/start.mjs forward SIGTERM to the server for a graceful shutdown.
      try {
        process.kill(child.pid as number, 'SIGTERM');
      } catch {
        // gone already
      }
      const timer = setTimeout(() => {
        for (const pid of [child.pid as number, ...descendants(child.pid as number)]) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // gone already
          }
        }
      }, 20_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
