import type { FastifyInstance } from 'fastify';
import { projectSchema, projectUpdateSchema } from '@flow-forecaster/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors';
import { projectView } from '../repositories/projects';
import { idParam, queryFlag } from './parse';

const tags = ['projects'];
const NOT_FOUND = 'No such project';

// Archiving is a project change of its own, not a field of the shared schema.
const projectPatchSchema = projectUpdateSchema.extend({ archived: z.boolean().optional() });

export default async function projectRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', app.requireUser);
  const api = app.withTypeProvider<ZodTypeProvider>();

  app.get('/api/projects', { schema: { tags } }, async (request) => {
    const rows = await app.repos.projects.list(request.user!, {
      includeArchived: queryFlag(request, 'includeArchived'),
    });
    return { items: rows.map(projectView) };
  });

  api.post('/api/projects', { schema: { tags, body: projectSchema } }, async (request, reply) => {
    const row = await app.repos.projects.create(request.user!.id, request.body);
    reply.code(201);
    return projectView(row);
  });

  app.get('/api/projects/:id', { schema: { tags } }, async (request) => {
    const row = await app.repos.projects.get(request.user!, idParam(request, NOT_FOUND));
    if (!row) throw notFound(NOT_FOUND);
    return projectView(row);
  });

  api.patch(
    '/api/projects/:id',
    { schema: { tags, body: projectPatchSchema } },
    async (request) => {
      const id = idParam(request, NOT_FOUND);
      const row = await app.repos.projects.update(request.user!, id, request.body);
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
