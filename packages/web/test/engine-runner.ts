import { dispatch } from '../src/runner/dispatch';
import type { ForecastRunner } from '../src/runner/runner';

/**
 * jsdom has no Web Worker, so component tests run the real engine in-process through the same
 * dispatcher the worker uses, and record what was asked.
 */
interface Call {
  kind: string;
  input: unknown;
  result?: unknown;
}

export function directRunner(): ForecastRunner & { calls: Call[] } {
  const calls: Call[] = [];
  const runner = (async (kind: string, input: unknown, options = {}) => {
    const call: Call = { kind, input };
    calls.push(call);
    call.result = dispatch(kind, input, { onProgress: options.onProgress });
    return call.result;
  }) as ForecastRunner & { calls: Call[] };
  runner.calls = calls;
  return runner;
}
