/**
 * The server's one way to compute a forecast: on the job plugin's runner (the worker pool),
 * with engine input errors answered as the API's 400 wherever they were thrown, and counted.
 */
import type { FastifyInstance } from 'fastify';
import type { ParsedForecast } from '@flow-forecaster/schemas';
import { validation } from '../errors';
import { recordForecast } from '../plugins/metrics';

/** Engine input errors are a 400 whether they were thrown here or inside a pool thread. */
export function mapEngineError(err: unknown): unknown {
  if (typeof err !== 'object' || err === null) return err;
  const e: { name?: unknown; code?: unknown; message?: unknown; field?: unknown } = err;
  if (e.name === 'EngineInputError' || e.code === 'FF_ERR_ENGINE_INPUT') {
    const field = typeof e.field === 'string' ? e.field : undefined;
    return validation(typeof e.message === 'string' ? e.message : 'The input is not valid', field);
  }
  return err;
}

export async function computeForecast(
  app: FastifyInstance,
  parsed: ParsedForecast,
  signal?: AbortSignal,
): Promise<unknown> {
  let result: unknown;
  try {
    result = await app.forecastRunner.run(parsed, signal);
  } catch (err) {
    throw mapEngineError(err);
  }
  // Apps built for a test of the routes alone have no metrics plugin.
  if (app.hasDecorator('metrics')) recordForecast(app.metrics, parsed.kind, parsed.input, result);
  return result;
}
