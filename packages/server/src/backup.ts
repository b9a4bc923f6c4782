/**
 * Portable backups: the application's own tables as JSON, in dependency order, the same for
 * PGlite and PostgreSQL — so a workshop laptop's data can move to a server and back, and a
 * backup needs no pg_dump of the right major version. Short-lived rows (sessions, reset
 * tokens, login failures, idempotency keys) are left out; restoring logs everyone out, nothing
 * else. Tracker connections are included with their tokens still encrypted: they work again
 * only on a server with the same CONNECTION_KEY (elsewhere each says so at its next sync and
 * asks for the token again); their last good pull comes along, so the team's data survives.
 */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db/client';
import {
  actuals,
  apiTokens,
  connections,
  deliveries,
  forecasts,
  projects,
  teams,
  users,
} from './db/schema';

/** Parents before children: restoring in this order satisfies every foreign key. */
export const BACKUP_TABLES = [
  users,
  apiTokens,
  projects,
  forecasts,
  actuals,
  deliveries,
  teams,
  connections,
] as const;

/** Rows per insert: a team may hold 100,000 work items, so few of them go at once. */
const BATCH_ROWS: Record<string, number> = { teams: 5, connections: 5 };

export const BACKUP_FORMAT = 'flow-forecaster-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

function dateColumns(table: PgTable): Set<string> {
  const out = new Set<string>();
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (column.dataType === 'date') out.add(key);
  }
  return out;
}

export async function backupDatabase(db: Db): Promise<Backup> {
  const tables: Backup['tables'] = {};
  // One snapshot: rows added while the dump runs must not leave children without parents.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    for (const table of BACKUP_TABLES) {
      const rows = (await tx.select().from(table)) as Record<string, unknown>[];
      const dates = dateColumns(table);
      tables[getTableName(table)] = rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) {
          out[k] = dates.has(k) && v instanceof Date ? v.toISOString() : v;
        }
        return out;
      });
    }
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    tables,
  };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A backup's rows are JSON read from a file, so their types cannot be known statically; only the
 * table's own columns are passed on, and the database's constraints check the values (one bad
 * row fails the whole restore transaction, leaving the database as it was).
 */
async function insertBackupRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  const columns = new Set(Object.keys(getTableColumns(table)));
  const values = rows.map((row) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => columns.has(k))),
  );
  await tx.insert(table).values(values as T['$inferInsert'][]);
}

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreOptions {
  /** Delete the app's rows first; otherwise the target must be empty. */
  replace?: boolean;
}

/** Restores in one transaction: either everything is restored or nothing changed. */
export async function restoreDatabase(
  db: Db,
  backup: Backup,
  opts: RestoreOptions = {},
): Promise<Record<string, number>> {
  if (backup?.format !== BACKUP_FORMAT) throw new RestoreError('not a Flow Forecaster backup');
  if (backup.version > BACKUP_VERSION) {
    throw new RestoreError(`backup version ${backup.version} is newer than this program`);
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    if (opts.replace) {
      // Children first; sessions and tokens go with their users (cascade).
      for (const table of [...BACKUP_TABLES].reverse()) await tx.delete(table);
    } else {
      for (const table of BACKUP_TABLES) {
        const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table);
        if (row.n > 0) {
          throw new RestoreError(
            `table ${getTableName(table)} is not empty; restore into a new database or pass --replace`,
          );
        }
      }
    }
    for (const table of BACKUP_TABLES) {
      const name = getTableName(table);
      const dates = dateColumns(table);
      const rows = (backup.tables[name] ?? []).map((row) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) {
          out[k] = dates.has(k) && typeof v === 'string' ? new Date(v) : v;
        }
        return out;
      });
      const batch = BATCH_ROWS[name] ?? 500;
      for (let i = 0; i < rows.length; i += batch) {
        await insertBackupRows(tx, table, rows.slice(i, i + batch));
      }
      counts[name] = rows.length;
    }
  });
  return counts;
}
