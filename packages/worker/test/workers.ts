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

/**
 * `node --import tsx <entry>` with `env` over this process's, each JSON line it logs handed to
 * `onLog` as it comes (other output, such as a library's warning, is skipped).
 */
export function spawnTsx(
  entry: string,
  env: Record<string, string>,
  onLog: (entry: Record<string, unknown>) => void,
  cwd?: string,
): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch (_e) {
        continue;
      }
      onLog(parsed);
    }
  });
  return child;
}

export async function startWorkerProcess(
  prefix: string,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const logs: Record<string, unknown>[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const child = spawnTsx(
    'src/bull-worker.ts',
    {
      REDIS_URL,
      JOB_QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: '1',
      WORKER_THREADS: '1',
      FF_ENABLE_TEST_JOBS: '1',
      ...env,
    },
    (entry) => {
      logs.push(entry);
      if (entry.msg === 'worker ready') resolveReady();
    },
    PACKAGE_DIR,
  );
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
