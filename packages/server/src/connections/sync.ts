/**
 * One sync of a connection: decrypt the token, pull (incrementally when there is good data:
 * items updated since the last good sync, a day of overlap for clock skew), merge by id, store.
 * A failed or partial pull changes nothing but the status line, so a tracker outage never
 * replaces good data with less. A claim in the database makes each sync run once, whichever
 * web node's scheduler or "refresh" asked for it.
 */
import { pull } from '@flow-forecaster/connectors';
import type { PullRequest, PullResult, RetryOptions } from '@flow-forecaster/connectors';
import { connectionSettingsSchema } from '@flow-forecaster/schemas';
import type { ConnectionSettings } from '@flow-forecaster/schemas';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connections } from '../db/schema';
import type { ConnectionSyncSummary } from '../db/schema';
import type { ConnectionRow } from '../repositories/connections';
import { decryptToken } from './token-crypto';

/** A sync still "running" after this long died with its node; another may take it over. */
const STALE_CLAIM_MINUTES = 15;

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
  for (const item of next.items) {
    const before = byId.get(item.id);
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
  | { status: 'failed'; error: string }
  | { status: 'busy' };

/**
 * Take the sync for this node. A scheduled sync also re-checks that it is still due, so two
 * nodes that both saw it due run it once even when the first finishes before the second asks.
 */
async function claim(db: Db, id: string, dueAt?: Date): Promise<boolean> {
  const rows = await db
    .update(connections)
    .set({ lastSyncStatus: 'running' })
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
  if (rows.length > 0)
    await db.update(connections).set({ updatedAt: new Date() }).where(eq(connections.id, id));
  return rows.length > 0;
}

export async function syncConnection(
  db: Db,
  key: Buffer,
  row: ConnectionRow,
  options: {
    full?: boolean;
    retry?: RetryOptions;
    dueAt?: Date;
    /** ALLOW_PRIVATE_TRACKER_URLS: otherwise only public addresses, checked at connect time. */
    allowPrivate?: boolean;
  } = {},
): Promise<SyncOutcome> {
  if (!(await claim(db, row.id, options.dueAt))) return { status: 'busy' };
  const previous = isStoredData(row.data) ? row.data : undefined;
  const incremental =
    !options.full &&
    previous !== undefined &&
    row.lastSyncAt !== null &&
    row.lastSyncStatus === 'ok';
  const since = incremental
    ? new Date(row.lastSyncAt!.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10)
    : undefined;
  const finish = (set: Partial<typeof connections.$inferInsert>) =>
    db
      .update(connections)
      .set({ lastSyncAt: new Date(), ...set })
      .where(eq(connections.id, row.id));
  try {
    const settings = connectionSettingsSchema.parse({ ...row.settings, tracker: row.tracker });
    const request = pullRequestFor(settings, decryptToken(key, row.tokenCiphertext), since);
    if (options.retry) request.options.retry = options.retry;
    // Checked at every sync, not only when saved: the name may resolve elsewhere by now.
    if (!options.allowPrivate) request.options.publicOnly = true;
    const result = await pull(request);
    const { data, summary } = mergePull(previous, result, incremental);
    await finish({ data, lastSyncStatus: 'ok', lastSyncError: null, lastSyncSummary: summary });
    return { status: 'ok', summary };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finish({ lastSyncStatus: 'failed', lastSyncError: message.slice(0, 2000) });
    return { status: 'failed', error: message };
  }
}
