/**
 * The flow pages' engine worker: one that stays up and keeps the current team's items, so a
 * settings change posts only the settings. `runInWorker` starts a worker per run (the only way
 * to stop a long forecast), which for 100,000 items means starting the engine's module and
 * cloning every item in again, each more than the metrics themselves take. A flow run is short,
 * so a request given up is left to finish and its answer ignored.
 */
import { ITEMS_MISSING, type RunRequest, type WorkerMessage } from './protocol';
import { CancelledError } from './runner';

let worker: Worker | null = null;
/** The items the running worker holds, by the page's key for them. */
let heldKey: string | null = null;
let nextId = 1;
const keys = new WeakMap<object, string>();
let nextKey = 1;

/** One key per items array: a team's settings change keeps its array, a new import does not. */
function keyOf(items: readonly unknown[]): string {
  let key = keys.get(items);
  if (key === undefined) {
    key = `items-${nextKey++}`;
    keys.set(items, key);
  }
  return key;
}

function send(
  options: Record<string, unknown>,
  key: string,
  items: readonly unknown[] | null,
  signal: AbortSignal,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError());
    worker ??= new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    const w = worker;
    const id = nextId++;
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(new CancelledError());
    };
    const onMessage = (event: MessageEvent<WorkerMessage>) => {
      const msg = event.data;
      if (msg.id !== id || msg.type === 'progress') return;
      done();
      if (msg.type === 'result') return resolve(msg.result);
      const err = new Error(msg.message) as Error & { field?: string };
      err.name = msg.name;
      if (msg.field) err.field = msg.field;
      reject(err);
    };
    const onError = (event: ErrorEvent) => {
      done();
      w.terminate();
      if (worker === w) {
        worker = null;
        heldKey = null;
      }
      reject(new Error(event.message || 'The flow engine failed to start'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    signal.addEventListener('abort', onAbort);
    const request: RunRequest = {
      id,
      kind: 'flow',
      input: items ? { ...options, items } : options,
      itemsKey: key,
    };
    w.postMessage(request);
    if (items) heldKey = key;
  });
}

/** The `flow` kind for these items and options, the items sent only when the worker lacks them. */
export async function runFlowInWorker(
  items: readonly unknown[],
  options: Record<string, unknown>,
  signal: AbortSignal,
): Promise<unknown> {
  const key = keyOf(items);
  try {
    return await send(options, key, heldKey === key ? null : items, signal);
  } catch (err) {
    if ((err as Error).name !== ITEMS_MISSING) throw err;
    return send(options, key, items, signal);
  }
}
