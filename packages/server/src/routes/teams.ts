import type { FastifyInstance, FastifyRequest } from 'fastify';
import { saveTeamSchema, TEAM_BODY_LIMIT } from '@flow-forecaster/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../errors';
import { teamSummary, teamView } from '../repositories/teams';
import { assertOwnerOrAdmin, projectParams, scopedProject } from './project-scope';

const tags = ['teams'];
const NO_TEAM = 'No such team';
const BASE = '/api/projects/:projectId/teams';

const params = (request: FastifyRequest) => projectParams(request, NO_TEAM);

const conflict = () =>
  new AppError('FF_ERR_CONFLICT', 'The team was changed meanwhile; open it again', 'version');

/**
 * A team's data saved in a project (issue 15): the same document the web keeps in IndexedDB.
 * Read like the project's other work (owner, their instructor, admins); written by its owner
 * only. Bodies up to TEAM_BODY_LIMIT: a 100,000-item export is larger than the default limit.
 */
export default async function teamRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', app.requireUser);
  const api = app.withTypeProvider<ZodTypeProvider>();

  const project = (request: FastifyRequest, writable: boolean) =>
    scopedProject(app, request, writable);

  app.get(BASE, { schema: { tags } }, async (request) => {
    const p = await project(request, false);
    const rows = await app.repos.teams.list(request.user!, p.id);
    return { items: rows.map(teamSummary) };
  });

  const schema = { tags, body: saveTeamSchema };
  api.post(BASE, { schema, bodyLimit: TEAM_BODY_LIMIT }, async (request, reply) => {
    const p = await project(request, true);
    const row = await app.repos.teams.create(request.user!.id, p.id, request.body);
    reply.code(201);
    return teamView(row);
  });

  app.get(`${BASE}/:id`, { schema: { tags } }, async (request) => {
    const { projectId, id } = params(request);
    const row = await app.repos.teams.get(request.user!, projectId, id as string);
    if (!row) throw notFound(NO_TEAM);
    return teamView(row);
  });

  api.put(`${BASE}/:id`, { schema, bodyLimit: TEAM_BODY_LIMIT }, async (request) => {
    const { projectId, id } = params(request);
    const row = await app.repos.teams.get(request.user!, projectId, id as string);
    if (!row) throw notFound(NO_TEAM);
    assertOwnerOrAdmin(request, row);
    const { body } = request;
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
