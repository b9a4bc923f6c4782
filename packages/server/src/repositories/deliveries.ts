import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { CheckInForecast } from '@flow-forecaster/engine';
import type { Db } from '../db/client';
import { deliveries } from '../db/schema';
import { projectRow, projectRows, readableBy, writableBy } from './visibility';
import type { Viewer } from './visibility';

export type DeliveryRow = typeof deliveries.$inferSelect;

/** What a delivery stores besides its name and check-ins: the validated settings. */
export interface StoredDeliverySettings {
  start: string;
  targetDate?: string;
  history: { weekStart: string; count: number }[];
  throughputModel?: 'weibull' | 'bootstrap' | 'estimate';
  numberOfSimulations?: number;
  seed?: number;
  scopeGrowth?: boolean;
  settings?: Record<string, unknown>;
}

/** The row's jsonb as written by this server (never a client's raw body). */
export function storedSettings(row: DeliveryRow): StoredDeliverySettings {
  return row.settings as StoredDeliverySettings;
}

export function storedCheckIns(row: DeliveryRow): CheckInForecast[] {
  return row.checkIns as CheckInForecast[];
}

export interface DeliveryWrite {
  name?: string;
  settings?: StoredDeliverySettings;
  checkIns?: CheckInForecast[];
  actualDate?: string | null;
  closeNote?: string | null;
}

export function deliveriesRepository(db: Db) {
  return {
    async list(viewer: Viewer, projectId: string): Promise<DeliveryRow[]> {
      return db
        .select()
        .from(deliveries)
        .where(projectRows(deliveries, viewer, projectId))
        .orderBy(asc(deliveries.createdAt));
    },

    async get(viewer: Viewer, projectId: string, id: string): Promise<DeliveryRow | undefined> {
      const [row] = await db
        .select()
        .from(deliveries)
        .where(projectRow(deliveries, viewer, projectId, id, 'read'));
      return row;
    },

    async create(
      ownerId: string,
      projectId: string,
      w: Required<Pick<DeliveryWrite, 'name' | 'settings' | 'checkIns'>>,
    ): Promise<DeliveryRow> {
      const [row] = await db
        .insert(deliveries)
        .values({ ownerId, projectId, name: w.name, settings: w.settings, checkIns: w.checkIns })
        .returning();
      return row;
    },

    /**
     * Writes only if the row is still at `version` (optimistic concurrency): undefined when
     * someone else changed it meanwhile, or the viewer may not write it.
     */
    async update(
      viewer: Viewer,
      id: string,
      version: number,
      w: DeliveryWrite,
    ): Promise<DeliveryRow | undefined> {
      const set: Partial<typeof deliveries.$inferInsert> = {
        updatedAt: new Date(),
        version: version + 1,
      };
      if (w.name !== undefined) set.name = w.name;
      if (w.settings !== undefined) set.settings = w.settings;
      if (w.checkIns !== undefined) set.checkIns = w.checkIns;
      if (w.actualDate !== undefined) {
        set.actualDate = w.actualDate;
        set.closedAt = w.actualDate === null ? null : new Date();
      }
      if (w.closeNote !== undefined) set.closeNote = w.closeNote;
      const [row] = await db
        .update(deliveries)
        .set(set)
        .where(
          and(
            eq(deliveries.id, id),
            eq(deliveries.version, version),
            writableBy(viewer, deliveries.ownerId),
          ),
        )
        .returning();
      return row;
    },

    async delete(viewer: Viewer, projectId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(deliveries)
        .where(projectRow(deliveries, viewer, projectId, id, 'write'))
        .returning({ id: deliveries.id });
      return rows.length > 0;
    },

    /** Closed deliveries of a project (as the viewer sees them) or of one owner. */
    async closed(filter: { viewer: Viewer; projectId: string } | { ownerId: string }) {
      const scope =
        'ownerId' in filter
          ? eq(deliveries.ownerId, filter.ownerId)
          : and(
              eq(deliveries.projectId, filter.projectId),
              readableBy(filter.viewer, deliveries.ownerId),
            );
      return db
        .select()
        .from(deliveries)
        .where(and(scope, isNotNull(deliveries.actualDate)))
        .orderBy(asc(deliveries.createdAt));
    },
  };
}
