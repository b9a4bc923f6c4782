/**
 * The worker-thread pool (piscina). One pool per process; every job shares it so a single big
 * forecast can use all cores and many small ones do not each spawn threads.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PoolTask } from './pool-task';

export interface TaskPool {
  readonly threads: number;
  /** Runs a task on a thread. An abort before it starts drops it; after, ends that thread. */
  run<T>(task: PoolTask, signal?: AbortSignal): Promise<T>;
  /** Tasks waiting for a free thread. */
  queued(): number;
  destroy(): Promise<void>;
}

export interface PoolOptions {
  /** Default: the number of cores. */
  threads?: number;
  /** Threads with no work exit after this long (they respawn on demand). */
  idleTimeoutMs?: number;
  /**
   * Threads kept alive while idle (default 1, at most `threads`). Each thread holds its own copy
   * of the engine and schemas (tens of MB); one warm thread answers the first forecast at once,
   * the others start with load and leave after `idleTimeoutMs`.
   */
  warmThreads?: number;
  /**
   * URL of a module exporting `registry` (a ForecastRegistry), for pools that must run kinds
   * beyond the built-in ones (tests, plug-ins). Default: FORECAST_REGISTRY.
   */
  registryModule?: string;
}

/**
 * True in the compiled server and worker (packages/server/dist/bin, built by tsup), where this
 * module is part of a .js bundle and its threads start from the bundled pool-thread.js with no
 * TypeScript compiler (each tsx thread held ~100 MB more, docs/performance.md). From source (tests,
 * `npm run dev`-style runs), threads start in pool-entry.mjs, which registers tsx.
 */
const compiled = !import.meta.url.endsWith('.ts');

export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}

export function createTaskPool(options: PoolOptions = {}): TaskPool {
  const threads = Math.max(1, options.threads ?? defaultThreadCount());
  const piscina = new Piscina({
    filename: compiled
      ? new URL('./pool-thread.js', import.meta.url).href
      : new URL('./pool-entry.mjs', import.meta.url).href,
    workerData: {
      taskModule: new URL('./pool-task.ts', import.meta.url).href,
      registryModule: options.registryModule,
    },
    minThreads: Math.min(threads, Math.max(0, options.warmThreads ?? 1)),
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
  });
  // A thread that dies (e.g. its module failed to load) is replaced by piscina; without a
  // listener the 'error' event would take the whole process down with it.
  piscina.on('error', (err: unknown) => {
    process.emitWarning(`worker thread error: ${err instanceof Error ? err.message : String(err)}`);
  });
  let destroyed = false;
  return {
    threads,
    run<T>(task: PoolTask, signal?: AbortSignal): Promise<T> {
      return piscina.run(task, signal ? { signal } : {}) as Promise<T>;
    },
    queued: () => piscina.queueSize,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await piscina.destroy();
    },
  };
}
