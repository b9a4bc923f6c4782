import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { forecasts } from '../db/schema';
import { readableBy, writableBy } from './visibility';
import type { Viewer } from './visibility';

export type ForecastRow = typeof forecasts.$inferSelect;
export type NewForecastRow = typeof forecasts.$inferInsert;

export function forecastSummaryView(f: ForecastRow) {
  return {
    id: f.id,
    ownerId: f.ownerId,
    projectId: f.projectId,
    kind: f.kind,
    name: f.name,
    seed: f.seed,
    p50Weeks: f.p50Weeks,
    p85Weeks: f.p85Weeks,
    p95Weeks: f.p95Weeks,
    canMeetDeadline: f.canMeetDeadline,
    version: f.version,
    parentId: f.parentId,
    jobId: f.jobId,
    createdAt: f.createdAt.toISOString(),
  };
}

export function forecastView(f: ForecastRow) {
  return { ...forecastSummaryView(f), input: f.input, result: f.result };
}

export function forecastsRepository(db: Db) {
  return {
    async list(
      viewer: Viewer,
      opts: { projectId?: string; limit?: number } = {},
    ): Promise<ForecastRow[]> {
      return db
        .select()
        .from(forecasts)
        .where(
          and(
            readableBy(viewer, forecasts.ownerId),
            opts.projectId ? eq(forecasts.projectId, opts.projectId) : undefined,
          ),
        )
        .orderBy(desc(forecasts.createdAt))
        .limit(opts.limit ?? 1000);
    },

    async get(viewer: Viewer, id: string): Promise<ForecastRow | undefined> {
      const [row] = await db
        .select()
        .from(forecasts)
        .where(and(eq(forecasts.id, id), readableBy(viewer, forecasts.ownerId)));
      return row;
    },

    async findByJobId(jobId: string): Promise<ForecastRow | undefined> {
      const [row] = await db.select().from(forecasts).where(eq(forecasts.jobId, jobId));
      return row;
    },

    /** Inserts unless a row with the same job id exists; then returns that row instead. */
    async insert(row: NewForecastRow): Promise<ForecastRow> {
      const [inserted] = await db
        .insert(forecasts)
        .values(row)
        .onConflictDoNothing({ target: forecasts.jobId })
        .returning();
      if (inserted) return inserted;
      const existing = row.jobId ? await this.findByJobId(row.jobId) : undefined;
      if (!existing) throw new Error('forecast insert returned no row');
      return existing;
    },

    async update(
      viewer: Viewer,
      id: string,
      patch: { name?: string; projectId?: string | null },
    ): Promise<ForecastRow | undefined> {
      if (Object.keys(patch).length === 0) {
        const [row] = await db
          .select()
          .from(forecasts)
          .where(and(eq(forecasts.id, id), writableBy(viewer, forecasts.ownerId)));
        return row;
      }
      const [row] = await db
        .update(forecasts)
        .set(patch)
        .where(and(eq(forecasts.id, id), writableBy(viewer, forecasts.ownerId)))
        .returning();
      return row;
    },

    async delete(viewer: Viewer, id: string): Promise<boolean> {
      const rows = await db
        .delete(forecasts)
        .where(and(eq(forecasts.id, id), writableBy(viewer, forecasts.ownerId)))
        .returning({ id: forecasts.id });
      return rows.length > 0;
    },
  };
}
