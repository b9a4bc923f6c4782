import { apiFetch, ApiError } from '../lib/api';
import type { RunRequest, WorkerMessage } from './protocol';

export interface RunOptions {
  onProgress?: (fraction: number) => void;
  onMode?: (mode: RunMode) => void;
  signal?: AbortSignal;
}

/** Where a forecast ran: the Web Worker in this page, or the server's job queue. */
export type RunMode = 'browser' | 'server';

/** Runs one forecast and resolves with the engine's result (the same JSON as the API's). */
export type ForecastRunner = (
  kind: string,
  input: unknown,
  options?: RunOptions,
) => Promise<unknown>;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

let nextId = 1;

/**
 * One worker that finished its run cleanly, kept for the next: its engine module is loaded and
 * compiled, so a rerun (a portfolio reorder, an edit with "Rerun as I edit") does not start a
 * cold worker. A cancelled run's worker is terminated, the only way to stop a synchronous
 * engine mid-run.
 */
let idle: Worker | null = null;

function takeWorker(): Worker {
  const worker =
    idle ?? new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  idle = null;
  return worker;
}

function release(worker: Worker): void {
  worker.onmessage = null;
  worker.onerror = null;
  if (idle === null) idle = worker;
  else worker.terminate();
}

export const runInWorker: ForecastRunner = (kind, input, options = {}) =>
  new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new CancelledError());
    const worker = takeWorker();
    const id = nextId++;
    options.onMode?.('browser');
    const finish = (keep: boolean) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (keep) release(worker);
      else worker.terminate();
    };
    const onAbort = () => {
      finish(false);
      reject(new CancelledError());
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const msg = event.data;
      if (msg.id !== id) return;
      if (msg.type === 'progress') options.onProgress?.(msg.fraction);
      else if (msg.type === 'result') {
        finish(true);
        resolve(msg.result);
      } else {
        // The engine refused the input; the worker itself is fine.
        finish(true);
        const err = new Error(msg.message) as Error & { field?: string };
        err.name = msg.name;
        if (msg.field) err.field = msg.field;
        reject(err);
      }
    };
    worker.onerror = (event) => {
      finish(false);
      reject(new Error(event.message || 'The forecast engine failed to start'));
    };
    const request: RunRequest = { id, kind, input };
    worker.postMessage(request);
  });

const THRESHOLD_KEY = 'ff.asyncThreshold';
export const DEFAULT_ASYNC_THRESHOLD = 200_000;

/**
 * Runs at or above this many simulations go to the server when it is reachable. Set per build
 * with `VITE_ASYNC_THRESHOLD`, per browser with localStorage `ff.asyncThreshold`.
 */
export function asyncThreshold(): number {
  try {
    const saved = Number(localStorage.getItem(THRESHOLD_KEY));
    if (Number.isFinite(saved) && saved > 0) return saved;
  } catch (_e) {
    // fall through to the build's setting
  }
  const built = Number(import.meta.env.VITE_ASYNC_THRESHOLD);
  return Number.isFinite(built) && built > 0 ? built : DEFAULT_ASYNC_THRESHOLD;
}

interface TaskAccepted {
  task_id: string;
  poll_url?: string;
}

interface TaskStatus {
  task_id: string;
  state: 'PENDING' | 'PROGRESS' | 'SUCCESS' | 'FAILURE' | 'REVOKED';
  progress?: number;
  result?: unknown;
  error?: { code?: string; message?: string } | string;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new CancelledError());
    });
  });

/** Submits to `POST /api/async/<kind>` and polls until done; cancel sends DELETE. */
export async function runOnServer(
  kind: string,
  input: unknown,
  options: RunOptions = {},
): Promise<unknown> {
  const path = kind === 'simulate' ? '/api/async/simulate' : `/api/async/${kind}`;
  const accepted = await apiFetch<TaskAccepted>(path, { body: input, timeoutMs: 5000 });
  options.onMode?.('server');
  const taskUrl = `/api/tasks/${encodeURIComponent(accepted.task_id)}`;
  const cancel = () => {
    void apiFetch(taskUrl, { method: 'DELETE', timeoutMs: 5000 }).catch(() => undefined);
  };
  options.signal?.addEventListener('abort', cancel);
  try {
    for (;;) {
      const status = await apiFetch<TaskStatus>(taskUrl, {
        signal: options.signal,
        timeoutMs: 10_000,
      });
      if (typeof status.progress === 'number') options.onProgress?.(status.progress / 100);
      if (status.state === 'SUCCESS') return status.result;
      if (status.state === 'REVOKED') throw new CancelledError();
      if (status.state === 'FAILURE') {
        const e = status.error;
        throw new Error(typeof e === 'string' ? e : (e?.message ?? 'The forecast failed'));
      }
      await sleep(400, options.signal);
    }
  } catch (err) {
    if (options.signal?.aborted) throw new CancelledError();
    throw err;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}

function runsOf(input: unknown): number {
  if (typeof input !== 'object' || input === null) return 0;
  const o = input as Record<string, unknown>;
  const n = o.numberOfSimulations ?? o.nSimulations;
  return typeof n === 'number' ? n : 0;
}

/**
 * Big runs go to the server (it has more cores and the job survives a closed laptop lid); if
 * the server cannot take them (offline, no async API, queue full) they run here instead.
 */
export const runForecast: ForecastRunner = async (kind, input, options = {}) => {
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;
  if (kind === 'simulate' && online && runsOf(input) >= asyncThreshold()) {
    try {
      return await runOnServer(kind, input, options);
    } catch (err) {
      if (err instanceof CancelledError || options.signal?.aborted) throw err;
      // A 400 means the input is wrong wherever it runs; show it instead of retrying.
      if (err instanceof ApiError && err.status === 400) throw err;
    }
  }
  return runInWorker(kind, input, options);
};
