/**
 * Errors the job layer throws. Each carries the HTTP status and a stable code so the server's
 * one error handler can map it without knowing which back end raised it.
 */

export class JobQueueError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, statusCode: number, message: string) {
    super(message);
    this.name = 'JobQueueError';
    this.code = code;
    this.statusCode = statusCode;
  }
}

export class QueueFullError extends JobQueueError {
  constructor(limit: number) {
    super('FF_ERR_QUEUE_FULL', 429, `The job queue is full (${limit} waiting); try again shortly`);
    this.name = 'QueueFullError';
  }
}

/** One client (user, token or address) already has its share of jobs waiting or running. */
export class ClientLimitError extends JobQueueError {
  constructor(limit: number) {
    super(
      'FF_ERR_RATE_LIMITED',
      429,
      `You already have ${limit} forecasts waiting or running; wait for them or cancel some (DELETE /api/tasks/:id)`,
    );
    this.name = 'ClientLimitError';
  }
}

/** A finished result bigger than a stored result may be. */
export class ResultTooLargeError extends Error {
  readonly code = 'FF_ERR_RESULT_TOO_LARGE';

  constructor(bytes: number, limit: number) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    super(
      `The result is ${mb(bytes)}, over the ${mb(limit)} a stored result may take; ask for fewer simulations or leave out includeRuns`,
    );
    this.name = 'ResultTooLargeError';
  }
}

export class QueueUnavailableError extends JobQueueError {
  constructor(detail: string) {
    super('FF_ERR_QUEUE_UNAVAILABLE', 503, `The job queue is unavailable: ${detail}`);
    this.name = 'QueueUnavailableError';
  }
}

/** Codes stored on failed jobs (JobInfo.error.code). */
export const JOB_ERROR = {
  timeout: 'FF_ERR_JOB_TIMEOUT',
  cancelled: 'FF_ERR_JOB_CANCELLED',
  failed: 'FF_ERR_JOB_FAILED',
} as const;

/** Thrown inside processors when the signal fires; carries why it fired. */
export class JobAbortedError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'JobAbortedError';
    this.code = code;
  }
}

/** The abort reason a processor should throw when its signal fires. */
export function abortError(signal: AbortSignal): JobAbortedError {
  const reason: unknown = signal.reason;
  if (reason instanceof JobAbortedError) return reason;
  return new JobAbortedError(JOB_ERROR.cancelled, 'The job was cancelled');
}

/** Throws the abort reason if the signal has fired; call between units of work. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError(signal);
}

/** Turns anything a processor threw into the public error shape (no stacks). */
export function toJobError(err: unknown): { code: string; message: string } {
  if (err instanceof JobAbortedError) return { code: err.code, message: err.message };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      code: typeof code === 'string' && code.startsWith('FF_') ? code : JOB_ERROR.failed,
      message: err.message,
    };
  }
  return { code: JOB_ERROR.failed, message: String(err) };
}
