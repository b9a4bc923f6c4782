import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTsx } from '../../worker/test/workers';

const serverEntry = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

interface Running {
  child: ChildProcess;
  port: number;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Promise<Running> {
  const logs: Record<string, unknown>[] = [];
  let onListening: (port: number) => void = () => undefined;
  const child = spawnTsx(
    serverEntry,
    { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', WORKER_THREADS: '1', ...env },
    (entry) => {
      logs.push(entry);
      if (typeof entry.port === 'number' && String(entry.msg).includes('listening')) {
        onListening(entry.port);
      }
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    onListening = (port) => resolve({ child, port, logs, exited });
    void exited.then((code) => reject(new Error(`server exited early (${code}): ${stderr}`)));
  });
}

describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ff-proc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves, then on SIGTERM finishes the in-flight request and exits 0', async () => {
    const s = await start({ DATA_DIR: dir });
    const base = `http://127.0.0.1:${s.port}`;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const email = 'proc@example.test';
      const password = 'correct horse battery';
      await fetch(`${base}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const loginRes = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const { csrfToken } = (await loginRes.json()) as { csrfToken: string };
      const cookie = loginRes.headers.get('set-cookie')!.split(';')[0];
      // A deliberately slow request: many forecasts re-run on import.
      const forecasts = Array.from({ length: 40 }, (_, i) => ({
        kind: 'simulate',
        input: { tpSamples: T12, numberOfTasks: 60, numberOfSimulations: 20_000, seed: i },
      }));
      const slow = fetch(`${base}/api/forecasts/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ forecasts }),
      });
      await new Promise((r) => setTimeout(r, 300));
      s.child.kill('SIGTERM');
      const res = await slow;
      expect(res.status).toBe(201);
      expect(((await res.json()) as { count: number }).count).toBe(40);
      expect(await s.exited).toBe(0);
      expect(s.logs.some((l) => String(l.msg).includes('shut down cleanly'))).toBe(true);
      expect(s.logs.some((l) => typeof l.reqId === 'string')).toBe(true);
    } finally {
      s.child.kill('SIGKILL');
    }
  }, 90_000);

  it('exits 0 within SHUTDOWN_TIMEOUT_SECONDS while a long sync forecast and a job run', async () => {
    const heavy = {
      tpSamples: [...Array.from({ length: 4_999 }, () => 0), 10_000],
      backlog: 100_000,
      maxWeeks: 5_200,
      numberOfSimulations: 1_000_000,
      seed: 1,
    };
    const dir2 = mkdtempSync(join(tmpdir(), 'ff-proc-'));
    // JOB_SHUTDOWN_GRACE_SECONDS stays at its default (30), longer than the hard limit: the
    // grace must be cut to end before it.
    const s = await start({ DATA_DIR: dir2, SHUTDOWN_TIMEOUT_SECONDS: '6', WORKER_THREADS: '2' });
    const base = `http://127.0.0.1:${s.port}`;
    try {
      const post = (url: string) =>
        fetch(`${base}${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(heavy),
        });
      const queued = await post('/api/async/when');
      expect(queued.status).toBe(202);
      const sync = post('/api/forecast-when');
      await new Promise((r) => setTimeout(r, 500));
      const t0 = Date.now();
      s.child.kill('SIGTERM');
      const res = await sync;
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'FF_ERR_UNAVAILABLE',
      );
      expect(await s.exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(6_000);
    } finally {
      s.child.kill('SIGKILL');
      rmSync(dir2, { recursive: true, force: true });
    }
  }, 90_000);
});
