import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storableString } from '@flow-forecaster/schemas';
import { AppError, notFound, validation } from '../errors';
import { userRoles } from '../db/schema';
import { publicUser } from '../repositories/users';
import { idParam } from './parse';

const tags = ['admin'];

// Not in the shared schemas package yet: only the admin page and this route use it.
export const userPatchSchema = z
  .object({
    role: z.enum(userRoles).optional(),
    active: z.boolean().optional(),
    accessExpiresAt: z.iso.datetime({ offset: true }).or(z.iso.date()).nullable().optional(),
    instructorId: z.guid().nullable().optional(),
    name: storableString().trim().min(1).max(200).optional(),
  })
  .strict();

export default async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', app.requireRole('admin'));
  const api = app.withTypeProvider<ZodTypeProvider>();

  app.get('/api/admin/users', { schema: { tags } }, async () => ({
    items: (await app.repos.users.list()).map(publicUser),
  }));

  api.patch(
    '/api/admin/users/:id',
    { schema: { tags, body: userPatchSchema } },
    async (request) => {
      const id = idParam(request, 'No such user');
      const { body } = request;
      const target = await app.repos.users.findById(id);
      if (!target) throw notFound('No such user');
      // An admin locking themselves out could leave nobody able to manage the install.
      if (
        id === request.user!.id &&
        (body.active === false || (body.role && body.role !== 'admin'))
      ) {
        throw new AppError('FF_ERR_CONFLICT', 'You cannot demote or deactivate your own account');
      }
      if (body.instructorId) {
        const instructor = await app.repos.users.findById(body.instructorId);
        if (!instructor || instructor.role === 'student' || body.instructorId === id) {
          throw validation('instructorId: not an instructor or admin account', 'instructorId');
        }
      }
      const updated = await app.repos.users.update(id, {
        ...(body.role !== undefined ? { role: body.role } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.instructorId !== undefined ? { instructorId: body.instructorId } : {}),
        ...(body.accessExpiresAt !== undefined
          ? {
              accessExpiresAt:
                body.accessExpiresAt === null ? null : new Date(body.accessExpiresAt),
            }
          : {}),
      });
      if (!updated) throw notFound('No such user');
      if (body.active === false) await app.repos.sessions.deleteForUser(id);
      return { user: publicUser(updated) };
    },
  );
}
