import { splitErrorCode } from '../connections/error-code';
import { and, asc, eq, isNotNull, or, sql, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connections } from '../db/schema';
import { projectRow, projectRows } from './visibility';
import type { Viewer } from './visibility';

export type ConnectionRow = typeof connections.$inferSelect;

/** What the API shows: never the token, only its last four characters. */
export function connectionView(row: ConnectionRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    tracker: row.tracker,
    settings: row.settings,
    token: `…${row.tokenLast4}`,
    syncEveryMinutes: row.syncEveryMinutes,
    lastSync: row.lastSyncAt
      ? {
          at: row.lastSyncAt.toISOString(),
          status: row.lastSyncStatus,
          // The connector's error kind, for the page to translate; the tracker's words as detail.
          error: splitErrorCode(row.lastSyncError).message,
          errorCode: splitErrorCode(row.lastSyncError).code,
          summary: row.lastSyncSummary,
        }
      : null,
    hasData: row.data !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ConnectionValues {
  name: string;
  tracker: string;
  settings: Record<string, unknown>;
  tokenCiphertext: string;
  tokenLast4: string;
  syncEveryMinutes: number | null;
}

export function connectionsRepository(db: Db) {
  const one = async (
    viewer: Viewer,
    projectId: string,
    id: string,
    access: 'read' | 'write',
  ): Promise<ConnectionRow | undefined> => {
    const [row] = await db
      .select()
      .from(connections)
      .where(projectRow(connections, viewer, projectId, id, access));
    return row;
  };
  return {
    async list(viewer: Viewer, projectId: string): Promise<ConnectionRow[]> {
      return db
        .select()
        .from(connections)
        .where(projectRows(connections, viewer, projectId))
        .orderBy(asc(connections.createdAt));
    },

    get: (viewer: Viewer, projectId: string, id: string) => one(viewer, projectId, id, 'read'),

    getWritable: (viewer: Viewer, projectId: string, id: string) =>
      one(viewer, projectId, id, 'write'),

    async create(
      ownerId: string,
      projectId: string,
      values: ConnectionValues,
    ): Promise<ConnectionRow> {
      const [row] = await db
        .insert(connections)
        .values({ ownerId, projectId, ...values })
        .returning();
      return row!;
    },

    async update(
      id: string,
      values: Partial<ConnectionValues>,
    ): Promise<ConnectionRow | undefined> {
      const [row] = await db
        .update(connections)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(connections.id, id))
        .returning();
      return row;
    },

    async delete(id: string): Promise<boolean> {
      const rows = await db
        .delete(connections)
        .where(eq(connections.id, id))
        .returning({ id: connections.id });
      return rows.length > 0;
    },

    /** Connections whose schedule says a sync is due now. */
    async due(now: Date): Promise<ConnectionRow[]> {
      return db
        .select()
        .from(connections)
        .where(
          and(
            isNotNull(connections.syncEveryMinutes),
            or(
              sql`${connections.lastSyncAt} is null`,
              lte(
                sql`${connections.lastSyncAt} + make_interval(mins => ${connections.syncEveryMinutes})`,
                now,
              ),
            ),
          ),
        );
    },
  };
}
