/// <reference lib="webworker" />
import { dispatch } from './dispatch';
import { inputWithItems, type KeptItems } from './kept-items';
import { ITEMS_MISSING, type RunRequest, type WorkerMessage } from './protocol';

// The engine is synchronous: it runs here so the page stays responsive. Cancelling terminates
// this worker from the page, which stops a run mid-batch without any cooperation from it.
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

const kept: KeptItems = { key: null, items: null };

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const { id, kind } = event.data;
  const input = inputWithItems(event.data, kept);
  if (input === null) {
    post({ id, type: 'error', name: ITEMS_MISSING, message: 'send the items again' });
    return;
  }
  let last = 0;
  try {
    const result = dispatch(kind, input, {
      onProgress(fraction: number) {
        // Posting every batch of a 1M-run forecast is cheap, but a progress bar needs no more
        // than a hundred updates.
        if (fraction - last >= 0.01 || fraction >= 1) {
          last = fraction;
          post({ id, type: 'progress', fraction });
        }
      },
    });
    post({ id, type: 'result', result });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    // The engine names the field it could not use (EngineInputError), so the page can mark it.
    const field = (e as Error & { field?: unknown }).field;
    post({
      id,
      type: 'error',
      name: e.name,
      message: e.message,
      ...(typeof field === 'string' ? { field } : {}),
    });
  }
};
