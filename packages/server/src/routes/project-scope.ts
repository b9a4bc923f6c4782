/**
 * The guard of the routes under `/api/projects/:projectId/…` (connections, deliveries, teams):
 * ids that cannot exist and projects the user may not see or change are the same 404.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../errors';
import type { ProjectRow } from '../repositories/projects';
import { isUuid } from './parse';

export const NO_PROJECT = 'No such project';

/** `:projectId` and (on item routes) `:id`; `noSuchItem` is the 404's message for a bad `:id`. */
export function projectParams(
  request: FastifyRequest,
  noSuchItem: string,
): { projectId: string; id: string | undefined } {
  const { projectId, id } = request.params as { projectId?: unknown; id?: unknown };
  if (!isUuid(projectId)) throw notFound(NO_PROJECT);
  if (id !== undefined && !isUuid(id)) throw notFound(noSuchItem);
  return { projectId, id: id as string | undefined };
}

/** The route's project as the user may read it, or (`writable`) change what it holds. */
export async function scopedProject(
  app: FastifyInstance,
  request: FastifyRequest,
  writable: boolean,
): Promise<ProjectRow> {
  const { projectId } = projectParams(request, NO_PROJECT);
  const row = writable
    ? await app.repos.projects.getWritable(request.user!, projectId)
    : await app.repos.projects.get(request.user!, projectId);
  if (!row) throw notFound(NO_PROJECT);
  return row;
}

/** Only a row's owner (or an admin) changes it; others who may read it get a 403. */
export function assertOwnerOrAdmin(request: FastifyRequest, row: { ownerId: string }): void {
  if (row.ownerId !== request.user!.id && request.user!.role !== 'admin') {
    throw new AppError('FF_ERR_FORBIDDEN');
  }
}
