import type { FastifyInstance } from 'fastify';
import { tokenSchema } from '@flow-forecaster/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../errors';
import { idParam } from './parse';

const tags = ['tokens'];

/** Personal API tokens for scripts and the CLI (`Authorization: Bearer …`). */
export default async function tokenRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', app.requireUser);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/tokens',
    {
      schema: { tags, body: tokenSchema },
      // Only a logged-in person mints tokens: a token that could mint tokens would let whoever
      // holds a leaked one keep access after it is revoked. Checked before the body is.
      preValidation: async (request) => {
        if (request.authVia !== 'cookie') {
          throw new AppError(
            'FF_ERR_FORBIDDEN',
            'Create API tokens from a logged-in session, not with a token',
          );
        }
      },
    },
    async (request, reply) => {
      const { body } = request;
      const created = await app.repos.apiTokens.create(request.user!.id, body.name, body.scopes);
      reply.code(201);
      // The only time the token is shown: only its hash is kept.
      return { ...created, name: body.name, scopes: body.scopes };
    },
  );

  app.get('/api/tokens', { schema: { tags } }, async (request) => ({
    items: await app.repos.apiTokens.list(request.user!.id),
  }));

  app.delete('/api/tokens/:id', { schema: { tags } }, async (request, reply) => {
    const id = idParam(request, 'No such token');
    if (!(await app.repos.apiTokens.delete(request.user!.id, id))) throw notFound('No such token');
    reply.code(204);
  });
}
