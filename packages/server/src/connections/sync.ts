/**
 * One sync of a connection: claim it, queue a `connector-sync` job carrying the pull request
 * sealed with CONNECTION_KEY (incremental when there is good data: items updated since the last
 * good sync, a day of overlap for clock skew); a worker pulls; the web side merges by id and
 * stores. A failed or partial pull changes nothing but the status line, so a tracker outage
 * never replaces good data with less. The claim in the database makes each sync run once,
 * whichever web node's scheduler or "refresh" asked for it, and lets only that sync store.
 */
import { splitErrorCode, withErrorCode } from './error-code';
import type { PullRequest, PullResult } from '@flow-forecaster/connectors';
import { CONNECTOR_SYNC_KIND } from '@flow-forecaster/worker';
import type { JobInfo, JobQueue, SyncJobInput, SyncJobResult } from '@flow-forecaster/worker';
import { connectionSettingsSchema } from '@flow-forecaster/schemas';
import type { ConnectionSettings, ConnectionSyncSummary } from '@flow-forecaster/schemas';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connections } from '../db/schema';
import type { ConnectionRow } from '../repositories/connections';
import { decryptToken, encryptToken } from './token-crypto';

/** A sync still "running" after this long died with its node; another may take it over. */
const STALE_CLAIM_MINUTES = 15;
/** Longer than any tracker's Retry-After we accept (120 s) times the attempts, and a big pull. */
const SYNC_JOB_TIMEOUT_MS = 10 * 60 * 1000;
/** Sync jobs belong to no user: nobody lists or reads them through the tasks API. */
const SYNC_JOB_OWNER = 'system:connections';

export function pullRequestFor(
  settings: ConnectionSettings,
  token: string,
  since?: string,
): PullRequest {
  const common = {
    ...(since ? { since } : {}),
    ...(settings.mapping ? { mapping: settings.mapping } : {}),
    ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
  };
  switch (settings.tracker) {
    case 'jira':
      return {
        tracker: 'jira',
        options: {
          ...common,
          url: settings.url,
          jql: settings.jql,
          ...(settings.email ? { email: settings.email, apiToken: token } : { pat: token }),
        },
      };
    case 'ado':
      return {
        tracker: 'ado',
        options: {
          ...common,
          org: settings.org,
          project: settings.project,
          wiql: settings.wiql,
          pat: token,
        },
      };
    case 'linear':
      return {
        tracker: 'linear',
        options: {
          ...common,
          team: settings.team,
          apiKey: token,
          ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
        },
      };
    case 'github':
      return {
        tracker: 'github',
        options: {
          ...common,
          repo: settings.repo,
          token,
          ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
          ...(settings.inProgressLabels ? { inProgressLabels: settings.inProgressLabels } : {}),
          ...(settings.project !== undefined ? { project: settings.project } : {}),
          ...(settings.statusField ? { statusField: settings.statusField } : {}),
        },
      };
  }
}

type StoredData = Pick<PullResult, 'items' | 'states' | 'canceled' | 'unmappedStates'> & {
  tracker: string;
  pulledAt: string;
};

function isStoredData(value: unknown): value is StoredData {
  return typeof value === 'object' && value !== null && Array.isArray((value as StoredData).items);
}

/** The items of a connection's last good pull; undefined before its first sync. */
export function storedItems(data: unknown): StoredData['items'] | undefined {
  return isStoredData(data) ? data.items : undefined;
}

/** Merge an incremental pull into the stored items: updated ones replace, canceled ones leave. */
export function mergePull(
  previous: StoredData | undefined,
  next: PullResult,
  incremental: boolean,
) {
  if (!incremental || !previous) {
    const summary: ConnectionSyncSummary = {
      items: next.items.length,
      added: previous
        ? next.items.filter((i) => !previous.items.some((p) => p.id === i.id)).length
        : next.items.length,
      changed: 0,
      canceled: next.canceled.length,
      incremental: false,
    };
    return { data: { ...next } satisfies StoredData, summary };
  }
  const byId = new Map(previous.items.map((item) => [item.id, item]));
  let added = 0;
  let changed = 0;
  for (const pulled of next.items) {
    const before = byId.get(pulled.id);
    // Started is the first time work began: a start seen by an earlier sync stays, which keeps
    // it for trackers that only tell the current state (a GitHub board's status field).
    const item =
      before?.started && (!pulled.started || before.started < pulled.started)
        ? { ...pulled, started: before.started }
        : pulled;
    if (!before) added++;
    else if (JSON.stringify(before) !== JSON.stringify(item)) changed++;
    byId.set(item.id, item);
  }
  const canceled = new Map(previous.canceled.map((c) => [c.id, c]));
  for (const gone of next.canceled) {
    byId.delete(gone.id);
    canceled.set(gone.id, gone);
  }
  for (const item of next.items) canceled.delete(item.id);
  const states = [...previous.states];
  for (const state of next.states)
    if (!states.some((s) => s.name === state.name)) states.push(state);
  const data: StoredData = {
    tracker: next.tracker,
    pulledAt: next.pulledAt,
    items: [...byId.values()],
    states,
    canceled: [...canceled.values()],
    unmappedStates: [...new Set([...previous.unmappedStates, ...next.unmappedStates])].sort(),
  };
  return {
    data,
    summary: {
      items: data.items.length,
      added,
      changed,
      canceled: data.canceled.length,
      incremental: true,
    },
  };
}

export type SyncOutcome =
  | { status: 'ok'; summary: ConnectionSyncSummary }
  /** `code`: the connector's error kind (unreachable, auth…), when it gave one. */
  | { status: 'failed'; error: string; code?: string }
  | { status: 'busy' };

/**
 * Take the sync for this node: answers the claim (the row's new updated_at), which the job's
 * result must still match to be stored. A scheduled sync also re-checks that it is still due,
 * so two nodes that both saw it due run it once even when the first finishes before the second
 * asks.
 */
async function claim(db: Db, id: string, dueAt?: Date): Promise<Date | undefined> {
  const claimedAt = new Date();
  const rows = await db
    .update(connections)
    .set({ lastSyncStatus: 'running', updatedAt: claimedAt })
    .where(
      and(
        eq(connections.id, id),
        or(
          sql`${connections.lastSyncStatus} is distinct from 'running'`,
          sql`${connections.updatedAt} < now() - make_interval(mins => ${STALE_CLAIM_MINUTES})`,
        ),
        dueAt === undefined
          ? undefined
          : sql`(${connections.lastSyncAt} is null or ${connections.lastSyncAt} + make_interval(mins => ${connections.syncEveryMinutes}) <= ${dueAt})`,
      ),
    )
    .returning({ id: connections.id });
  return rows.length > 0 ? claimedAt : undefined;
}

/** Only the sync that holds the claim stores its outcome; a repeat or a stale one is a no-op. */
async function finish(
  db: Db,
  input: SyncJobInput,
  set: Partial<typeof connections.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(connections)
    .set({ lastSyncAt: new Date(), ...set })
    .where(
      and(
        eq(connections.id, input.connectionId),
        eq(connections.lastSyncStatus, 'running'),
        eq(connections.updatedAt, new Date(input.claim)),
      ),
    )
    .returning({ id: connections.id });
  return rows.length > 0;
}

export interface StartSyncOptions {
  full?: boolean;
  dueAt?: Date;
}

/**
 * Claims the connection and queues its sync (a `connector-sync` job: on a BullMQ worker in a
 * scaled deployment, on this process' queue otherwise). `busy` when another sync holds it.
 */
export async function startSync(
  jobs: JobQueue,
  db: Db,
  key: Buffer,
  row: ConnectionRow,
  options: StartSyncOptions = {},
): Promise<
  | { status: 'busy' }
  | { status: 'failed'; error: string }
  | { status: 'queued'; jobId: string; input: SyncJobInput }
> {
  const claimedAt = await claim(db, row.id, options.dueAt);
  if (!claimedAt) return { status: 'busy' };
  const previous = isStoredData(row.data) ? row.data : undefined;
  const incremental =
    !options.full &&
    previous !== undefined &&
    row.lastSyncAt !== null &&
    row.lastSyncStatus === 'ok';
  const since = incremental
    ? new Date(row.lastSyncAt!.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10)
    : undefined;
  const input: SyncJobInput = {
    connectionId: row.id,
    claim: claimedAt.toISOString(),
    incremental,
    sealed: '',
  };
  let token: string;
  try {
    token = decryptToken(key, row.tokenCiphertext);
  } catch {
    // Restored from another server's backup, or CONNECTION_KEY changed: only a new token helps.
    const error =
      "The stored token cannot be opened with this server's CONNECTION_KEY (restored from another server, or the key changed): enter the token again";
    await finish(db, input, { lastSyncStatus: 'failed', lastSyncError: error });
    return { status: 'failed', error };
  }
  try {
    const settings = connectionSettingsSchema.parse({ ...row.settings, tracker: row.tracker });
    const request = pullRequestFor(settings, token, since);
    input.sealed = encryptToken(key, JSON.stringify(request));
    const jobId = await jobs.submit(CONNECTOR_SYNC_KIND, input, {
      owner: SYNC_JOB_OWNER,
      timeoutMs: SYNC_JOB_TIMEOUT_MS,
    });
    return { status: 'queued', jobId, input };
  } catch (error) {
    // Nothing was queued (the queue is full or away, the settings no longer parse): say so.
    await finish(db, input, { lastSyncStatus: 'failed', lastSyncError: messageOf(error) });
    throw error;
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

function isSyncJobResult(value: unknown): value is SyncJobResult {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/**
 * Stores a finished sync job's outcome: merged items on success, the tracker's message
 * otherwise (keeping the good data). Safe to call for every notice of the same job, on every
 * web node: only the first that still matches the claim writes.
 */
export async function applySyncJob(db: Db, job: JobInfo): Promise<SyncOutcome | undefined> {
  if (job.kind !== CONNECTOR_SYNC_KIND) return undefined;
  const input = job.input as SyncJobInput;
  if (job.state === 'FAILURE' || job.state === 'REVOKED') {
    const error = job.error?.message ?? 'the sync job was cancelled';
    if (
      !(await finish(db, input, { lastSyncStatus: 'failed', lastSyncError: error.slice(0, 2000) }))
    )
      return storedOutcome(db, input.connectionId);
    return { status: 'failed', error };
  }
  if (job.state !== 'SUCCESS' || !isSyncJobResult(job.result)) return undefined;
  const outcome = job.result;
  const waited =
    outcome.waitedSeconds > 0 ? { waitedSeconds: Math.ceil(outcome.waitedSeconds) } : {};
  if (!outcome.ok) {
    const written = await finish(db, input, {
      lastSyncStatus: 'failed',
      lastSyncError: withErrorCode(outcome.code, outcome.error).slice(0, 2000),
    });
    return written
      ? { status: 'failed', error: outcome.error, ...(outcome.code ? { code: outcome.code } : {}) }
      : storedOutcome(db, input.connectionId);
  }
  const [row] = await db
    .select({ data: connections.data })
    .from(connections)
    .where(eq(connections.id, input.connectionId));
  if (!row) return undefined;
  const previous = isStoredData(row.data) ? row.data : undefined;
  const merged = mergePull(previous, outcome.result, input.incremental);
  const summary: ConnectionSyncSummary = { ...merged.summary, ...waited };
  const written = await finish(db, input, {
    data: merged.data,
    lastSyncStatus: 'ok',
    lastSyncError: null,
    lastSyncSummary: summary,
  });
  return written ? { status: 'ok', summary } : storedOutcome(db, input.connectionId);
}

/** What the node that stored this sync first wrote (another notice of the same job lost). */
async function storedOutcome(db: Db, id: string): Promise<SyncOutcome | undefined> {
  const [row] = await db
    .select({
      status: connections.lastSyncStatus,
      error: connections.lastSyncError,
      summary: connections.lastSyncSummary,
    })
    .from(connections)
    .where(eq(connections.id, id));
  if (row?.status === 'ok' && row.summary) return { status: 'ok', summary: row.summary };
  if (row?.status === 'failed') {
    const { code, message } = splitErrorCode(row.error);
    return { status: 'failed', error: message ?? 'the sync failed', ...(code ? { code } : {}) };
  }
  return undefined;
}

const FINAL = new Set(['SUCCESS', 'FAILURE', 'REVOKED']);

/** Waits for a queued sync to finish (polling the queue: events may go to another node). */
export async function awaitSync(
  jobs: JobQueue,
  db: Db,
  jobId: string,
  timeoutMs = SYNC_JOB_TIMEOUT_MS + 30_000,
): Promise<SyncOutcome> {
  const until = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(250, delay * 2)) {
    const job = await jobs.get(jobId);
    if (job && FINAL.has(job.state)) {
      return (await applySyncJob(db, job)) ?? { status: 'failed', error: 'the sync job was lost' };
    }
    if (!job || Date.now() > until)
      return {
        status: 'failed',
        error: 'the sync did not finish in time; it may still be running',
      };
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Queue a sync and wait for its outcome: "refresh now", and tests. */
export async function syncConnection(
  jobs: JobQueue,
  db: Db,
  key: Buffer,
  row: ConnectionRow,
  options: StartSyncOptions = {},
): Promise<SyncOutcome> {
  const started = await startSync(jobs, db, key, row, options);
  if (started.status !== 'queued') return started;
  return awaitSync(jobs, db, started.jobId);
}
