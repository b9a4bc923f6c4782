// Worker-thread entry for the pool. Plain JS on purpose: Node 20 worker threads cannot load
// .ts files unless the parent was started under tsx, and Vitest's workers are not, so this
// registers tsx itself and then loads the TypeScript task module named by the pool.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport(workerData.taskModule, import.meta.url);

export default mod.runPoolTask;
