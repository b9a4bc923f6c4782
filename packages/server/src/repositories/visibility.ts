import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { UserRole } from '../db/schema';

/** Who is asking: every repository query is scoped by this. */
export interface Viewer {
  id: string;
  role: UserRole;
}

/**
 * Rows a viewer may read: their own; an instructor also their students'; an admin all.
 * `undefined` means no restriction (drizzle's `and()` ignores it).
 */
export function readableBy(viewer: Viewer, owner: AnyPgColumn): SQL | undefined {
  if (viewer.role === 'admin') return undefined;
  if (viewer.role === 'instructor') {
    return sql`(${owner} = ${viewer.id} or ${owner} in (select "id" from "users" where "instructor_id" = ${viewer.id}))`;
  }
  return eq(owner, viewer.id);
}

/** Rows a viewer may change or delete: instructors can look at students' work, not edit it. */
export function writableBy(viewer: Viewer, owner: AnyPgColumn): SQL | undefined {
  if (viewer.role === 'admin') return undefined;
  return eq(owner, viewer.id);
}

/** The columns of a table whose rows belong to a project and an owner. */
export interface ProjectOwnedColumns {
  id: AnyPgColumn;
  projectId: AnyPgColumn;
  ownerId: AnyPgColumn;
}

/**
 * The one row `id` of project `projectId`, as the viewer may read it (`'read'`) or change it
 * (`'write'`): one condition for every project-scoped repository (connections, deliveries,
 * teams), so none of them can forget the project or the owner in a query.
 */
export function projectRow(
  table: ProjectOwnedColumns,
  viewer: Viewer,
  projectId: string,
  id: string,
  access: 'read' | 'write',
): SQL | undefined {
  const allowed = access === 'read' ? readableBy : writableBy;
  return and(eq(table.id, id), eq(table.projectId, projectId), allowed(viewer, table.ownerId));
}

/** Every row of project `projectId` the viewer may read. */
export function projectRows(
  table: ProjectOwnedColumns,
  viewer: Viewer,
  projectId: string,
): SQL | undefined {
  return and(eq(table.projectId, projectId), readableBy(viewer, table.ownerId));
}
