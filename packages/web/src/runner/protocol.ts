/** Messages between the page and the engine Web Worker. */
export interface RunRequest {
  id: number;
  kind: string;
  input: unknown;
  /**
   * The page's name for `input.items`: sent with them, the worker keeps them under it; sent
   * without them, it uses the ones it kept (a flow page's settings change moves no items).
   */
  itemsKey?: string;
}

/** The worker does not hold the items a request named: the page sends them again. */
export const ITEMS_MISSING = 'ItemsMissing';

export type WorkerMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; name: string; message: string; field?: string };
