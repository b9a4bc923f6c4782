import type { FastifyInstance } from 'fastify';
import { publicUser } from '../repositories/users';

/**
 * `GET /api/students`: who an instructor teaches, by name and email, so their page can say
 * whose work it shows. Admins get every student account; students are refused (403).
 */
export default async function studentRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/students',
    { schema: { tags: ['admin'] }, preValidation: app.requireRole('instructor', 'admin') },
    async (request) => {
      const me = request.user!;
      const rows = await app.repos.users.listStudents(me.role === 'admin' ? undefined : me.id);
      return { items: rows.map(publicUser) };
    },
  );
}
