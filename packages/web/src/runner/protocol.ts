/** Messages between the page and the engine Web Worker. */
export interface RunRequest {
  id: number;
  kind: string;
  input: unknown;
}

export type WorkerMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; name: string; message: string; field?: string };
