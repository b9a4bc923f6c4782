/**
 * The items a worker keeps between requests (one set: the current team's), so a flow page's
 * later requests send only their settings. Structured-cloning 100,000 items into the worker
 * costs more than computing their metrics.
 */
import type { RunRequest } from './protocol';

export interface KeptItems {
  key: string | null;
  items: unknown;
}

/** The request's input with its items: its own (then kept), the kept ones, or null if gone. */
export function inputWithItems(request: RunRequest, kept: KeptItems): unknown {
  const { input, itemsKey } = request;
  if (itemsKey === undefined || typeof input !== 'object' || input === null) return input;
  if ('items' in input) {
    kept.key = itemsKey;
    kept.items = (input as { items: unknown }).items;
    return input;
  }
  return kept.key === itemsKey ? { ...input, items: kept.items } : null;
}
