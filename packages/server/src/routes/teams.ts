import type { FastifyInstance, FastifyRequest } from 'fastify';
import { saveTeamSchema, TEAM_BODY_LIMIT } from '@flow-forecaster/schemas';
import { AppError, notFound } from '../errors';
import { teamSummary, teamView } from '../repositories/teams';
import { isUuid, parse } from './parse';

const tags = ['teams'];
const NO_PROJECT = 'No such project';
const NO_TEAM = 'No such team';
const BASE = '/api/projects/:projectId/teams';

function params(request: FastifyRequest): { projectId: string; id: string | undefined } {
  const p = request.params as { projectId?: unknown; id?: unknown };
  if (!isUuid(p.projectId)) throw notFound(NO_PROJECT);
  if (p.id !== undefined && !isUuid(p.id)) throw notFound(NO_TEAM);
  return { projectId: p.projectId, id: p.id as string | undefined };
}

const conflict = () =>
  new AppError('FF_ERR_CONFLICT', 'The team was changed meanwhile; open it again', 'version');

/**
 * A team's data saved in a project (issue 15): the same document the web keeps in IndexedDB.
 * Read like the project's other work (owner, their instructor, admins); written by its owner
 * only. Bodies up to TEAM_BODY_LIMIT: a 100,000-item export is larger than the default limit.
 */
export default async function teamRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', app.requireUser);

  async function project(request: FastifyRequest, writable: boolean) {
    const { projectId } = params(request);
    const row = writable
      ? await app.repos.projects.getWritable(request.user!, projectId)
      : await app.repos.projects.get(request.user!, projectId);
    if (!row) throw notFound(NO_PROJECT);
    return row;
  }

  app.get(BASE, { schema: { tags } }, async (request) => {
    const p = await project(request, false);
    const rows = await app.repos.teams.list(request.user!, p.id);
    return { items: rows.map(teamSummary) };
  });

  app.post(BASE, { schema: { tags }, bodyLimit: TEAM_BODY_LIMIT }, async (request, reply) => {
    const p = await project(request, true);
    const body = parse(saveTeamSchema, request.body);
    const row = await app.repos.teams.create(request.user!.id, p.id, body);
    reply.code(201);
    return teamView(row);
  });

  app.get(`${BASE}/:id`, { schema: { tags } }, async (request) => {
    const { projectId, id } = params(request);
    const row = await app.repos.teams.get(request.user!, projectId, id as string);
    if (!row) throw notFound(NO_TEAM);
    return teamView(row);
  });

  app.put(`${BASE}/:id`, { schema: { tags }, bodyLimit: TEAM_BODY_LIMIT }, async (request) => {
    const { projectId, id } = params(request);
    const row = await app.repos.teams.get(request.user!, projectId, id as string);
    if (!row) throw notFound(NO_TEAM);
    if (row.ownerId !== request.user!.id && request.user!.role !== 'admin') {
      throw new AppError('FF_ERR_FORBIDDEN');
    }
    const body = parse(saveTeamSchema, request.body);
    if (body.version !== undefined && body.version !== row.version) throw conflict();
    const updated = await app.repos.teams.replace(
      request.user!,
      projectId,
      row.id,
      row.version,
      body,
    );
    if (!updated) throw conflict();
    return teamView(updated);
  });

  app.delete(`${BASE}/:id`, { schema: { tags } }, async (request, reply) => {
    const { projectId, id } = params(request);
    if (!(await app.repos.teams.delete(request.user!, projectId, id as string))) {
      throw notFound(NO_TEAM);
    }
    reply.code(204);
  });
}
