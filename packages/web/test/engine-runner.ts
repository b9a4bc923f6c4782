import { dispatch } from '../src/runner/dispatch';
import type { ForecastRunner } from '../src/runner/runner';

/**
 * jsdom has no Web Worker, so component tests run the real engine in-process through the same
 * dispatcher the worker uses, and record what was asked.
 */
export function directRunner(): ForecastRunner & { calls: { kind: string; input: unknown }[] } {
  const calls: { kind: string; input: unknown }[] = [];
  const runner = (async (kind: string, input: unknown, options = {}) => {
    calls.push({ kind, input });
    return dispatch(kind, input, { onProgress: options.onProgress });
  }) as ForecastRunner & { calls: { kind: string; input: unknown }[] };
  runner.calls = calls;
  return runner;
}
