/**
 * Starting the app for browser tests: the real server (`tsx packages/server/src/server.ts`)
 * on a random port with its own data directory, serving a given build of the web app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER_ENTRY = join(REPO_ROOT, 'packages/server/src/server.ts');

export interface RunningApp {
  url: string;
  kind: 'server';
  stop(): Promise<void>;
}

function startRealServer(
  dist: string,
  extraEnv: Record<string, string> = {},
  // A loaded machine (many test runs sharing two cores) can take longer to compile and start.
  timeoutMs = Number(process.env.E2E_SERVER_TIMEOUT_MS) || 60_000,
): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ff-e2e-data-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), SERVER_ENTRY],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        WEB_DIST: dist,
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
        // Browser tests submit many forecasts from one address in a short time.
        WORKSHOP_MODE: 'true',
        // Tracker connections are tested against local fixture servers (on loopback, which a
        // server refuses by default); a fresh key per run.
        CONNECTION_KEY: randomBytes(32).toString('base64'),
        ALLOW_PRIVATE_TRACKER_URLS: 'true',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({
          url: `http://localhost:${m[1]}`,
          kind: 'server',
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => {
                rmSync(dataDir, { recursive: true, force: true });
                done();
              });
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/** The real server; a browser test that cannot reach it must fail, not run against a stand-in. */
export function startApp(dist: string, env: Record<string, string> = {}): Promise<RunningApp> {
  return startRealServer(dist, env);
}

/**
 * A fresh database on the local PostgreSQL (trust auth, as on CI) for a server started with
 * `DATABASE_URL`; `drop` removes it.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `ff_e2e_${randomBytes(6).toString('hex')}`;
  const query = async (text: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => query(`drop database if exists ${name} with (force)`) };
}
