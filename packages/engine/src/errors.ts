/**
 * Input the maths cannot work with (a history of only zeros, focus 0, …). The edge validates
 * requests first, so this is a last line of defence: it names the field so the server can
 * still answer 400 instead of hanging or returning NaN.
 */
export class EngineInputError extends Error {
  readonly field: string | undefined;
  readonly code = 'FF_ERR_ENGINE_INPUT';

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'EngineInputError';
    this.field = field;
  }
}

/** Thrown by long computations when their `signal` was aborted; callers test `name`. */
export function abortError(): Error {
  const e = new Error('The forecast was cancelled');
  e.name = 'AbortError';
  return e;
}
