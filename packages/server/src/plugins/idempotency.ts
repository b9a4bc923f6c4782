/**
 * `Idempotency-Key` on creating routes: a client that retries after a lost acknowledgement
 * gets the first answer again (with `Idempotent-Replayed: true`) instead of a duplicate row.
 * Keys are per user, kept a day, and bound to the request: the same key with a different
 * method, route or body is refused (409). A first request still running makes a retry wait
 * for nothing: it answers 409 at once, and the client tries again later.
 *
 * Token creation is left out on purpose: its answer holds the token, which must never be
 * stored anywhere but in the client.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { idempotencyKeys } from '../db/schema';
import type { Db } from '../db/client';
import { AppError, validation } from '../errors';

/** Routes (POST) whose retries must not create twice. */
export const IDEMPOTENT_ROUTES = new Set([
  '/api/projects',
  '/api/forecasts',
  '/api/forecasts/import',
  '/api/actuals',
  '/api/projects/:projectId/deliveries',
  '/api/projects/:projectId/deliveries/:id/check-ins',
]);

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/** Maintenance: forgets answers older than a day. */
export async function pruneIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)));
}

async function idempotencyPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (header === undefined || request.method !== 'POST') return;
    if (!IDEMPOTENT_ROUTES.has(request.routeOptions.url ?? '')) return;
    // Anonymous callers are refused by the route itself; there is no one to key on.
    if (!request.user) return;
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw validation(
        'Idempotency-Key: 1–200 printable ASCII characters (a UUID is fine)',
        'Idempotency-Key',
      );
    }
    const userId = request.user.id;
    const print = fingerprint(request);
    const [claimed] = await app.db
      .insert(idempotencyKeys)
      .values({ userId, key: header, fingerprint: print })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed) {
      request.idempotency = { userId, key: header };
      return;
    }
    const [row] = await app.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, header)));
    if (!row) throw new AppError('FF_ERR_CONFLICT', 'Idempotency-Key: try again');
    if (row.fingerprint !== print) {
      throw new AppError(
        'FF_ERR_CONFLICT',
        'This Idempotency-Key was already used for a different request',
        'Idempotency-Key',
      );
    }
    if (row.status === null || row.response === null) {
      throw new AppError(
        'FF_ERR_CONFLICT',
        'A request with this Idempotency-Key is still being handled; try again shortly',
        'Idempotency-Key',
      );
    }
    reply.header('idempotent-replayed', 'true');
    reply.header('content-type', 'application/json; charset=utf-8');
    return reply.code(row.status).send(row.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const where = and(
      eq(idempotencyKeys.userId, claim.userId),
      eq(idempotencyKeys.key, claim.key),
      isNull(idempotencyKeys.status),
    );
    // Only successes are remembered: after a failure the same key may try again.
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await app.db
        .update(idempotencyKeys)
        .set({ status: reply.statusCode, response: payload })
        .where(where);
    } else {
      await app.db.delete(idempotencyKeys).where(where);
    }
    return payload;
  });
}

export default fp(idempotencyPlugin, {
  name: 'ff-idempotency',
  dependencies: ['ff-db', 'ff-auth'],
});
