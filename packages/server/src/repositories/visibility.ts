import { eq, sql } from 'drizzle-orm';
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
