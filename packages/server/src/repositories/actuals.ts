import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actuals, forecasts } from '../db/schema';
import { readableBy, writableBy } from './visibility';
import type { Viewer } from './visibility';

export type ActualRow = typeof actuals.$inferSelect;

export function actualView(a: ActualRow) {
  return {
    id: a.id,
    ownerId: a.ownerId,
    forecastId: a.forecastId,
    actualWeeks: a.actualWeeks,
    actualItems: a.actualItems,
    completedDate: a.completedDate,
    notes: a.notes,
    errorVsP85: a.errorVsP85,
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * How far the real duration landed from the forecast's P85, in percent of P85: +10 means the
 * work took 10 % longer than the 85 % line. Null when either side is missing.
 */
export function errorVsP85(
  actualWeeks: number | null | undefined,
  p85: number | null,
): number | null {
  if (actualWeeks === null || actualWeeks === undefined || p85 === null || p85 <= 0) return null;
  return Math.round(((actualWeeks - p85) / p85) * 1000) / 10;
}

export interface ActualFields {
  actualWeeks?: number;
  actualItems?: number;
  completedDate?: string;
  notes?: string;
}

export function actualsRepository(db: Db) {
  return {
    async list(viewer: Viewer, opts: { forecastId?: string } = {}): Promise<ActualRow[]> {
      return db
        .select()
        .from(actuals)
        .where(
          and(
            readableBy(viewer, actuals.ownerId),
            opts.forecastId ? eq(actuals.forecastId, opts.forecastId) : undefined,
          ),
        )
        .orderBy(desc(actuals.createdAt));
    },

    async get(viewer: Viewer, id: string): Promise<ActualRow | undefined> {
      const [row] = await db
        .select()
        .from(actuals)
        .where(and(eq(actuals.id, id), readableBy(viewer, actuals.ownerId)));
      return row;
    },

    async create(ownerId: string, forecastId: string, p85: number | null, f: ActualFields) {
      const [row] = await db
        .insert(actuals)
        .values({
          ownerId,
          forecastId,
          actualWeeks: f.actualWeeks ?? null,
          actualItems: f.actualItems ?? null,
          completedDate: f.completedDate ?? null,
          notes: f.notes ?? null,
          errorVsP85: errorVsP85(f.actualWeeks, p85),
        })
        .returning();
      return row;
    },

    async update(viewer: Viewer, id: string, f: ActualFields): Promise<ActualRow | undefined> {
      const [current] = await db
        .select({ actual: actuals, p85: forecasts.p85Weeks })
        .from(actuals)
        .innerJoin(forecasts, eq(forecasts.id, actuals.forecastId))
        .where(and(eq(actuals.id, id), writableBy(viewer, actuals.ownerId)));
      if (!current) return undefined;
      const weeks = f.actualWeeks !== undefined ? f.actualWeeks : current.actual.actualWeeks;
      const [row] = await db
        .update(actuals)
        .set({
          ...(f.actualWeeks !== undefined ? { actualWeeks: f.actualWeeks } : {}),
          ...(f.actualItems !== undefined ? { actualItems: f.actualItems } : {}),
          ...(f.completedDate !== undefined ? { completedDate: f.completedDate } : {}),
          ...(f.notes !== undefined ? { notes: f.notes } : {}),
          errorVsP85: errorVsP85(weeks, current.p85),
        })
        .where(eq(actuals.id, id))
        .returning();
      return row;
    },

    async delete(viewer: Viewer, id: string): Promise<boolean> {
      const rows = await db
        .delete(actuals)
        .where(and(eq(actuals.id, id), writableBy(viewer, actuals.ownerId)))
        .returning({ id: actuals.id });
      return rows.length > 0;
    },

    /** (forecast summary, actual weeks) pairs for the accuracy report, as the viewer sees them. */
    async pairs(viewer: Viewer) {
      return db
        .select({
          actualWeeks: actuals.actualWeeks,
          p50: forecasts.p50Weeks,
          p85: forecasts.p85Weeks,
          p95: forecasts.p95Weeks,
          forecastId: forecasts.id,
          name: forecasts.name,
        })
        .from(actuals)
        .innerJoin(forecasts, eq(forecasts.id, actuals.forecastId))
        .where(readableBy(viewer, actuals.ownerId))
        .orderBy(desc(actuals.createdAt));
    },
  };
}
