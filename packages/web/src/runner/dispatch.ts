import { FORECAST_REGISTRY } from '@flow-forecaster/schemas';
import type { ForecastRunOptions } from '@flow-forecaster/schemas';

export type DispatchOptions = Pick<ForecastRunOptions, 'onProgress'>;

/**
 * The one place a kind name from the page becomes an engine call, through the registry: the
 * input is parsed as a request of that kind (pages validate before sending, so this only
 * normalises), and a bad one throws an error naming the field, like the engine's own.
 */
export function dispatch(kind: string, input: unknown, options: DispatchOptions = {}): unknown {
  const parsed = FORECAST_REGISTRY.parse(kind, input);
  if (!parsed.ok) throw new RequestError(parsed.error.message, parsed.error.field);
  return parsed.value.run(options);
}

/** A request the registry refused; `field` lets the page mark the input. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly field: string | undefined,
  ) {
    super(message);
    this.name = 'EngineInputError';
  }
}
