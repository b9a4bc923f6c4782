/**
 * Tracker syncs as queue jobs, so a scaled deployment syncs on its workers (BullMQ) and a single
 * process on its own queue (in-process back end), through the same code. The job carries the
 * pull request sealed with CONNECTION_KEY (the token inside never sits in Redis in clear); the
 * worker opens it, pulls, and answers the items. Storing them is the web side's part (it owns
 * the database), keyed by the connection's claim so a repeated success applies once.
 */
import { ConnectorError, TRACKERS, decryptToken, pull } from '@flow-forecaster/connectors';
import type { PullRequest, PullResult, RetryOptions } from '@flow-forecaster/connectors';
import type { Processor } from './job-types';
import { throwIfAborted } from './errors';

export const CONNECTOR_SYNC_KIND = 'connector-sync';

export interface SyncJobInput {
  connectionId: string;
  /** The claim this job was queued under (the row's updated_at then), ISO. */
  claim: string;
  incremental: boolean;
  /** The PullRequest as JSON, sealed with CONNECTION_KEY (encryptToken). */
  sealed: string;
}

export type SyncJobResult =
  | { ok: true; result: PullResult; waitedSeconds: number }
  | { ok: false; error: string; code?: string; waitedSeconds: number };

export interface SyncJobOptions {
  /** CONNECTION_KEY; without it sync jobs fail saying what to set. */
  key?: Buffer;
  /**
   * ALLOW_PRIVATE_TRACKER_URLS of the process running the job, never of the job: otherwise
   * every connect is checked against private addresses (SSRF), whoever queued it.
   */
  allowPrivate?: boolean;
  retry?: RetryOptions;
}

function isSyncInput(value: unknown): value is SyncJobInput {
  const v = value as Partial<SyncJobInput> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.connectionId === 'string' &&
    typeof v.claim === 'string' &&
    typeof v.sealed === 'string'
  );
}

function openRequest(key: Buffer, sealed: string): PullRequest {
  const request = JSON.parse(decryptToken(key, sealed)) as PullRequest;
  if (!TRACKERS.includes(request.tracker) || typeof request.options !== 'object')
    throw new Error('a sync job names no known tracker');
  return request;
}

/** Runs `connector-sync` jobs itself and hands every other kind to `next`. */
export function withSyncJobs(next: Processor, options: SyncJobOptions): Processor {
  return async (job, signal, report) => {
    if (job.kind !== CONNECTOR_SYNC_KIND) return next(job, signal, report);
    if (!options.key) throw new Error('CONNECTION_KEY is not set on this worker');
    if (!isSyncInput(job.input)) throw new Error('malformed sync job');
    throwIfAborted(signal);
    const request = openRequest(options.key, job.input.sealed);
    // Whatever the job says, the guard is this process's: a fresh one, public addresses only.
    const rest = { ...request.options };
    delete rest.network;
    let waitedSeconds = 0;
    const retry: RetryOptions = {
      ...options.retry,
      onWait: (seconds, status) => {
        waitedSeconds += seconds;
        report(50, `waiting ${Math.ceil(seconds)} s (rate limited)`);
        options.retry?.onWait?.(seconds, status);
      },
    };
    report(10, 'pulling');
    try {
      const result = await pull({
        ...request,
        options: { ...rest, publicOnly: options.allowPrivate !== true, retry },
      } as PullRequest);
      report(100, 'pulled');
      return { ok: true, result, waitedSeconds } satisfies SyncJobResult;
    } catch (error) {
      // What the tracker answered is the sync's outcome, shown to the user, not a job failure.
      return {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        ...(error instanceof ConnectorError ? { code: error.code } : {}),
        waitedSeconds,
      } satisfies SyncJobResult;
    }
  };
}
