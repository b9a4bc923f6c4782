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

/**
 * What a long computation checks inside its loops: an AbortSignal, or a time budget (a pool
 * thread cannot see its caller's AbortSignal while it computes, so it checks the clock).
 */
export interface StopSignal {
  readonly aborted: boolean;
}

/** Iterations between two looks at a StopSignal: often enough for ~ms reaction, free otherwise. */
export const STOP_CHECK_MASK = 1023;

/** Thrown by long computations when their `signal` was aborted; callers test `name`. */
export function abortError(): Error {
  const e = new Error('The forecast was cancelled');
  e.name = 'AbortError';
  return e;
}
