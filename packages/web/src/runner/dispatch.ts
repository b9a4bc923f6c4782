import { runForecast, type ForecastKind } from '@flow-forecaster/engine';

export interface DispatchOptions {
  onProgress?: (fraction: number) => void;
}

/**
 * The one place a kind name from the page becomes an engine call. The input has been
 * validated by the shared schemas before it gets here, so the cast only restates that.
 */
export function dispatch(kind: string, input: unknown, options: DispatchOptions = {}): unknown {
  return runForecast(kind as ForecastKind, input as never, options);
}
