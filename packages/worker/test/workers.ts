/**
 * Real BullMQ worker processes for fault tests: `tsx src/bull-worker.ts` as a child process,
 * with its JSON log lines collected so tests can see which worker ran which job.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REDIS_URL } from './redis-keys';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  ran(jobId: string): boolean;
  exited: Promise<number | null>;
}

export async function startWorkerProcess(
  prefix: string,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bull-worker.ts'], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      REDIS_URL,
      JOB_QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: '1',
      WORKER_THREADS: '1',
      FF_ENABLE_TEST_JOBS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let buffer = '';
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'worker ready') resolveReady();
      } catch (_e) {
        // Not one of our log lines (e.g. a library warning): ignore.
      }
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`worker did not start: ${stderr}`)), 20_000),
  );
  await Promise.race([ready, timeout, exited.then(() => Promise.reject(new Error(stderr)))]);
  return {
    child,
    logs,
    exited,
    ran: (jobId) => logs.some((l) => l.msg === 'job started' && l.jobId === jobId),
  };
}

export function stopWorkerProcess(w: WorkerProcess): Promise<number | null> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  return w.exited;
}
