/**
 * Worker-thread entry of the pool in the compiled server and worker (dist/bin/pool-thread.js):
 * plain JavaScript, so a thread loads no TypeScript compiler (see pool.ts; running from source,
 * threads start in pool-entry.mjs instead). A registry module given to the pool must then be
 * JavaScript too.
 */
import { workerData } from 'node:worker_threads';
import type { ForecastRegistry } from '@flow-forecaster/schemas';
import { poolTaskRunner } from './pool-task';

const data = (workerData ?? {}) as { registryModule?: string };
const registry = data.registryModule
  ? ((await import(data.registryModule)) as { registry: ForecastRegistry }).registry
  : undefined;

export default poolTaskRunner(registry);
