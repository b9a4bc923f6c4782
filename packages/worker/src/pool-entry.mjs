// Worker-thread entry for the pool. Plain JS on purpose: Node 20 worker threads cannot load
// .ts files unless the parent was started under tsx, and Vitest's workers are not, so this
// registers tsx itself and then loads the TypeScript task module named by the pool, and the
// module of the forecast registry when the pool was given one (it must export `registry`).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport(workerData.taskModule, import.meta.url);
const registry = workerData.registryModule
  ? (await tsImport(workerData.registryModule, import.meta.url)).registry
  : undefined;

export default mod.poolTaskRunner(registry);
