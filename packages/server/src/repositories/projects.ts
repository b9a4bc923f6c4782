import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { projects } from '../db/schema';
import { readableBy, writableBy } from './visibility';
import type { Viewer } from './visibility';

export type ProjectRow = typeof projects.$inferSelect;

export function projectView(p: ProjectRow) {
  return {
    id: p.id,
    ownerId: p.ownerId,
    name: p.name,
    description: p.description,
    archived: p.archivedAt !== null,
    archivedAt: p.archivedAt ? p.archivedAt.toISOString() : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function projectsRepository(db: Db) {
  return {
    async list(viewer: Viewer, opts: { includeArchived?: boolean } = {}): Promise<ProjectRow[]> {
      return db
        .select()
        .from(projects)
        .where(
          and(
            readableBy(viewer, projects.ownerId),
            opts.includeArchived ? undefined : isNull(projects.archivedAt),
          ),
        )
        .orderBy(desc(projects.updatedAt));
    },

    async get(viewer: Viewer, id: string): Promise<ProjectRow | undefined> {
      const [row] = await db
        .select()
        .from(projects)
        .where(and(eq(projects.id, id), readableBy(viewer, projects.ownerId)));
      return row;
    },

    async getWritable(viewer: Viewer, id: string): Promise<ProjectRow | undefined> {
      const [row] = await db
        .select()
        .from(projects)
        .where(and(eq(projects.id, id), writableBy(viewer, projects.ownerId)));
      return row;
    },

    async create(
      ownerId: string,
      body: { name: string; description?: string },
    ): Promise<ProjectRow> {
      const [row] = await db
        .insert(projects)
        .values({ ownerId, name: body.name, description: body.description ?? null })
        .returning();
      return row;
    },

    async update(
      viewer: Viewer,
      id: string,
      patch: { name?: string; description?: string | null; archived?: boolean },
    ): Promise<ProjectRow | undefined> {
      const set: Partial<typeof projects.$inferInsert> = { updatedAt: new Date() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.archived !== undefined) set.archivedAt = patch.archived ? new Date() : null;
      const [row] = await db
        .update(projects)
        .set(set)
        .where(and(eq(projects.id, id), writableBy(viewer, projects.ownerId)))
        .returning();
      return row;
    },

    async delete(viewer: Viewer, id: string): Promise<boolean> {
      const rows = await db
        .delete(projects)
        .where(and(eq(projects.id, id), writableBy(viewer, projects.ownerId)))
        .returning({ id: projects.id });
      return rows.length > 0;
    },
  };
}
