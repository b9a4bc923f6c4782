import { and, asc, eq, sql } from 'drizzle-orm';
import type { SaveTeamBody } from '@flow-forecaster/schemas';
import type { Db } from '../db/client';
import { teams } from '../db/schema';
import { projectRow, projectRows, writableBy } from './visibility';
import type { Viewer } from './visibility';

export type TeamRow = typeof teams.$inferSelect;

/** The stored document: the validated body without its name (a column) and version. */
export type StoredTeam = Omit<SaveTeamBody, 'name' | 'version'>;

/** The row's jsonb as written by this server (never a client's raw body). */
export function storedTeam(row: TeamRow): StoredTeam {
  return row.data as unknown as StoredTeam;
}

/** A list row: what a project page shows without shipping every work item. */
export function teamSummary(row: TeamRow) {
  const data = storedTeam(row);
  return {
    id: row.id,
    projectId: row.projectId,
    ownerId: row.ownerId,
    name: row.name,
    source: data.source,
    sample: data.sample,
    fileName: data.fileName,
    itemCount: row.itemCount,
    weeks: row.weeks,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function teamView(row: TeamRow) {
  return { ...storedTeam(row), ...teamSummary(row) };
}

function columns(body: SaveTeamBody) {
  const { name, version: _version, ...data } = body;
  return {
    name,
    data: data as unknown as Record<string, unknown>,
    itemCount: data.items.length,
    weeks: data.throughput.length,
  };
}

// Listing reads only the summary columns and the document's small fields: a project with
// several 100,000-item teams must not ship them all to show their names.
const summaryColumns = {
  id: teams.id,
  projectId: teams.projectId,
  ownerId: teams.ownerId,
  name: teams.name,
  itemCount: teams.itemCount,
  weeks: teams.weeks,
  version: teams.version,
  createdAt: teams.createdAt,
  updatedAt: teams.updatedAt,
  // The document's small fields, read in the database (jsonb operators work on both back ends).
  source: sql<string>`${teams.data}->>'source'`,
  sample: sql<boolean>`coalesce((${teams.data}->>'sample')::boolean, false)`,
  fileName: sql<string | null>`${teams.data}->>'fileName'`,
};

export function teamsRepository(db: Db) {
  return {
    async list(viewer: Viewer, projectId: string): Promise<TeamRow[]> {
      const rows = await db
        .select(summaryColumns)
        .from(teams)
        .where(projectRows(teams, viewer, projectId))
        .orderBy(asc(teams.name), asc(teams.createdAt));
      return rows.map(({ source, sample, fileName, ...r }) => ({
        ...r,
        data: { source, sample, fileName },
      }));
    },

    async get(viewer: Viewer, projectId: string, id: string): Promise<TeamRow | undefined> {
      const [row] = await db
        .select()
        .from(teams)
        .where(projectRow(teams, viewer, projectId, id, 'read'));
      return row;
    },

    async create(ownerId: string, projectId: string, body: SaveTeamBody): Promise<TeamRow> {
      const [row] = await db
        .insert(teams)
        .values({ ownerId, projectId, ...columns(body) })
        .returning();
      return row;
    },

    /**
     * Replaces the team only if it is still at `version` and the viewer may write it:
     * undefined otherwise (the route tells a conflict from a missing row).
     */
    async replace(
      viewer: Viewer,
      projectId: string,
      id: string,
      version: number,
      body: SaveTeamBody,
    ): Promise<TeamRow | undefined> {
      const [row] = await db
        .update(teams)
        .set({ ...columns(body), version: version + 1, updatedAt: new Date() })
        .where(
          and(
            eq(teams.id, id),
            eq(teams.projectId, projectId),
            eq(teams.version, version),
            writableBy(viewer, teams.ownerId),
          ),
        )
        .returning();
      return row;
    },

    async delete(viewer: Viewer, projectId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(teams)
        .where(projectRow(teams, viewer, projectId, id, 'write'))
        .returning({ id: teams.id });
      return rows.length > 0;
    },
  };
}
