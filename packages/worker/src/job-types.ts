/**
 * The one job interface both back ends implement (in-process pool and BullMQ on Redis).
 * The server and the conformance suite only ever see these types, so the back end is a
 * configuration choice, not a code path.
 */

export type JobState = 'PENDING' | 'PROGRESS' | 'SUCCESS' | 'FAILURE' | 'REVOKED';

/** What to do with a successful result besides keeping it for polling. */
export interface SaveRequest {
  userId: string;
  projectId?: string | null;
  name?: string | null;
}

export interface SubmitOptions {
  /** Who may see the job: a user id, or the job id itself for anonymous callers. */
  owner: string;
  /** Lower runs first (1 = interactive). Default 5. */
  priority?: number;
  /** Wall-clock limit from the moment the job starts running. */
  timeoutMs?: number;
  save?: SaveRequest | null;
  /**
   * Who "one client" is (a user, token or address) and how many jobs it may have waiting or
   * running at once; over it, submit throws ClientLimitError. The in-process back end counts
   * in this process; BullMQ counts in Redis, so the limit holds across every web node.
   */
  client?: { key: string; maxActive: number };
}

export interface JobError {
  code: string;
  message: string;
}

export interface JobInfo {
  id: string;
  kind: string;
  state: JobState;
  /** 0–100. */
  progress: number;
  stage: string;
  owner: string;
  priority: number;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  /** The validated input, kept while the job is retained (saving needs it with the result). */
  input?: unknown;
  result?: unknown;
  error?: JobError;
  save?: SaveRequest | null;
}

export interface QueueHealth {
  ok: boolean;
  latencyMs: number;
  /** Live workers: pool threads, or BullMQ worker processes with a fresh heartbeat. */
  workers: number;
  backend: 'memory' | 'bullmq';
  error?: string;
  /** Jobs waiting to start and jobs running (the queue-depth metric); absent when unknown. */
  waiting?: number;
  active?: number;
  /** In-process back end: bytes of finished results held for polling, and the budget. */
  resultBytes?: number;
  resultBudgetBytes?: number;
}

export interface JobQueue {
  readonly backend: 'memory' | 'bullmq';
  /** Enqueue; resolves to an unguessable id. Throws QueueFullError / QueueUnavailableError. */
  submit(kind: string, input: unknown, options: SubmitOptions): Promise<string>;
  /** Undefined when unknown or past retention. */
  get(id: string): Promise<JobInfo | undefined>;
  /** True when the job was queued or running and is now REVOKED. */
  cancel(id: string): Promise<boolean>;
  /** The owner's retained jobs, newest first. */
  list(owner: string, limit?: number): Promise<JobInfo[]>;
  health(): Promise<QueueHealth>;
  /** Called once per observed success (may repeat across processes: make it idempotent). */
  onSuccess(listener: SuccessListener): void;
  /**
   * Called once per observed FAILURE or REVOKED of a job whose input is still known (a failed
   * worker, a time limit, a cancel), so whoever waits on a job's end is not left waiting for a
   * success that never comes. May repeat across processes: make it idempotent.
   */
  onFailure(listener: SuccessListener): void;
  /**
   * Stops accepting jobs. Jobs running in this process get up to `graceMs` (default 0) to
   * finish before they are cancelled; jobs still waiting are cancelled (in-process) or left
   * for other workers (BullMQ).
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

export type SuccessListener = (job: JobInfo) => void | Promise<void>;

/** What a processor sees of its job. */
export interface JobContext {
  id: string;
  kind: string;
  input: unknown;
  owner: string;
  /** 1 on the first run; higher when a stalled job is re-run elsewhere. */
  attempt: number;
  /**
   * Epoch ms past which the job is of no use (a synchronous caller's limit): the engine stops
   * itself there, even inside a thread that cannot see the signal.
   */
  deadline?: number;
}

export type ReportProgress = (percent: number, stage?: string) => void;

/**
 * Runs one job. Must honour `signal` between units of work (it fires on cancel and on
 * timeout) and must be safe to run again from the start: BullMQ re-runs stalled jobs.
 */
export type Processor = (
  job: JobContext,
  signal: AbortSignal,
  reportProgress: ReportProgress,
) => Promise<unknown>;

export const DEFAULT_PRIORITY = 5;
export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_RETENTION_MS = 3_600_000;
export const DEFAULT_MAX_QUEUED = 1_000;
