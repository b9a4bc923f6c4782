import type { FastifyInstance } from 'fastify';
import { projectSchema, projectUpdateSchema } from '@flow-forecaster/schemas';
import { z } from 'zod';
import { notFound, validation } from '../errors';
import { projectView } from '../repositories/projects';
import { idParam, parse, queryFlag } from './parse';

const tags = ['projects'];
const NOT_FOUND = 'No such project';

export default async function projectRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', app.requireUser);

  app.get('/api/projects', { schema: { tags } }, async (request) => {
    const rows = await app.repos.projects.list(request.user!, {
      includeArchived: queryFlag(request, 'includeArchived'),
    });
    return { items: rows.map(projectView) };
  });

  app.post('/api/projects', { schema: { tags, body: projectSchema } }, async (request, reply) => {
    const body = parse(projectSchema, request.body);
    const row = await app.repos.projects.create(request.user!.id, body);
    reply.code(201);
    return projectView(row);
  });

  app.get('/api/projects/:id', { schema: { tags } }, async (request) => {
    const row = await app.repos.projects.get(request.user!, idParam(request, NOT_FOUND));
    if (!row) throw notFound(NOT_FOUND);
    return projectView(row);
  });

  app.patch(
    '/api/projects/:id',
    { schema: { tags, body: projectUpdateSchema } },
    async (request) => {
      const id = idParam(request, NOT_FOUND);
      const raw = (request.body ?? {}) as Record<string, unknown>;
      const { archived, ...rest } = typeof raw === 'object' && raw !== null ? raw : {};
      if (archived !== undefined && typeof archived !== 'boolean') {
        throw validation('archived: expected true or false', 'archived');
      }
      const body = parse(projectUpdateSchema, rest);
      const row = await app.repos.projects.update(request.user!, id, {
        ...body,
        archived: archived as boolean | undefined,
      });
      if (!row) throw notFound(NOT_FOUND);
      return projectView(row);
    },
  );

  // Deleting archives by default: forecasts keep their project, and it can be restored.
  app.delete(
    '/api/projects/:id',
    {
      schema: { tags, querystring: z.object({ permanent: z.enum(['true', 'false']).optional() }) },
    },
    async (request, reply) => {
      const id = idParam(request, NOT_FOUND);
      if (queryFlag(request, 'permanent')) {
        if (!(await app.repos.projects.delete(request.user!, id))) throw notFound(NOT_FOUND);
        reply.code(204);
        return;
      }
      const row = await app.repos.projects.update(request.user!, id, { archived: true });
      if (!row) throw notFound(NOT_FOUND);
      return projectView(row);
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`/api/projects/:id/${action}`, { schema: { tags } }, async (request) => {
      const row = await app.repos.projects.update(request.user!, idParam(request, NOT_FOUND), {
        archived,
      });
      if (!row) throw notFound(NOT_FOUND);
      return projectView(row);
    });
  }
}
