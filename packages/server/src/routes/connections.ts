/**
 * A project's live tracker connections: create (token encrypted, never answered back), list,
 * change, delete (the token goes with it), refresh now, and read the pulled items — the shape
 * `ff pull` prints, which the team workspace and `POST /api/flow` take as they are.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { connectionCreateSchema, connectionUpdateSchema } from '@flow-forecaster/schemas';
import { AppError, notFound, validation } from '../errors';
import { connectionView } from '../repositories/connections';
import { syncConnection } from '../connections/sync';
import { ConnectorError, assertPublicTrackerUrl } from '@flow-forecaster/connectors';
import type { RetryOptions } from '@flow-forecaster/connectors';
import type { ConnectionSettings } from '@flow-forecaster/schemas';
import { encryptToken, last4 } from '../connections/token-crypto';
import { queryFlag } from './parse';
import { projectParams, scopedProject } from './project-scope';

const tags = ['connections'];
const NO_CONNECTION = 'No such connection';

export interface ConnectionRouteOptions {
  key?: Buffer;
  /**
   * Tests: how long to wait on a tracker's Retry-After (default: as asked, up to 120 s). Given
   * to the in-process queue's sync jobs, where syncs run.
   */
  retry?: RetryOptions;
}

/** The URL field a tracker's settings carry, if any (Linear and GitHub default to their own). */
function trackerUrlField(settings: ConnectionSettings): { name: string; url: string } | undefined {
  switch (settings.tracker) {
    case 'jira':
      return { name: 'url', url: settings.url };
    case 'ado':
      return { name: 'org', url: settings.org };
    case 'linear':
    case 'github':
      return settings.apiUrl ? { name: 'apiUrl', url: settings.apiUrl } : undefined;
  }
}

const params = (request: FastifyRequest) => projectParams(request, NO_CONNECTION);

function keyOf(opts: ConnectionRouteOptions): Buffer {
  if (!opts.key) {
    throw new AppError(
      'FF_ERR_UNAVAILABLE',
      'Tracker connections need CONNECTION_KEY on the server (32 bytes, base64: openssl rand -base64 32)',
    );
  }
  return opts.key;
}

/**
 * Refuses a tracker URL inside the server's own network (SSRF), naming the field; each sync
 * checks again at connect time. A name that does not resolve yet is left to the sync.
 */
async function assertPublicTracker(app: FastifyInstance, settings: ConnectionSettings) {
  if (app.config.allowPrivateTrackerUrls) return;
  const field = trackerUrlField(settings);
  if (!field) return;
  try {
    await assertPublicTrackerUrl(field.url);
  } catch (err) {
    if (err instanceof ConnectorError && err.code === 'blocked') {
      throw validation(
        `settings.${field.name}: ${err.message} (a server on a private network can allow it with ALLOW_PRIVATE_TRACKER_URLS=true)`,
        `settings.${field.name}`,
      );
    }
  }
}

/** The columns a PATCH changes: a new token is encrypted, new settings restart the sync. */
function connectionChanges(
  body: ReturnType<typeof connectionUpdateSchema.parse>,
  opts: ConnectionRouteOptions,
) {
  const token =
    body.token === undefined
      ? {}
      : {
          tokenCiphertext: encryptToken(keyOf(opts), body.token),
          tokenLast4: last4(body.token),
        };
  const settings =
    body.settings === undefined
      ? {}
      : (({ tracker, ...rest }) => ({ tracker, settings: rest }))(body.settings);
  // A different tracker or query is a different data set: the next sync starts over.
  const restart = body.settings !== undefined ? { data: null, lastSyncStatus: null } : {};
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.syncEveryMinutes !== undefined ? { syncEveryMinutes: body.syncEveryMinutes } : {}),
    ...settings,
    ...token,
    ...restart,
  };
}

export default async function connectionRoutes(
  app: FastifyInstance,
  opts: ConnectionRouteOptions,
): Promise<void> {
  app.addHook('preValidation', app.requireUser);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const requireKey = () => keyOf(opts);
  const publicTracker = (settings: ConnectionSettings) => assertPublicTracker(app, settings);
  const writableConnection = async (request: FastifyRequest) => {
    const { projectId, id } = params(request);
    const row = await app.repos.connections.getWritable(request.user!, projectId, id!);
    if (!row) throw notFound(NO_CONNECTION);
    return row;
  };

  app.get('/api/projects/:projectId/connections', { schema: { tags } }, async (request) => {
    const { id: projectId } = await scopedProject(app, request, false);
    const rows = await app.repos.connections.list(request.user!, projectId);
    // Without CONNECTION_KEY no connection can be added or synced: the page says so up front.
    return { items: rows.map(connectionView), available: opts.key !== undefined };
  });

  const createSchema = { tags, body: connectionCreateSchema };
  api.post(
    '/api/projects/:projectId/connections',
    { schema: createSchema },
    async (request, reply) => {
      params(request);
      const key = requireKey();
      const { body } = request;
      await publicTracker(body.settings);
      const { id: projectId } = await scopedProject(app, request, true);
      const { tracker, ...settings } = body.settings;
      const row = await app.repos.connections.create(request.user!.id, projectId, {
        name: body.name,
        tracker,
        settings,
        tokenCiphertext: encryptToken(key, body.token),
        tokenLast4: last4(body.token),
        syncEveryMinutes: body.syncEveryMinutes ?? null,
      });
      reply.code(201);
      return connectionView(row);
    },
  );

  app.get('/api/projects/:projectId/connections/:id', { schema: { tags } }, async (request) => {
    const { projectId, id } = params(request);
    const row = await app.repos.connections.get(request.user!, projectId, id!);
    if (!row) throw notFound(NO_CONNECTION);
    return connectionView(row);
  });

  const updateSchema = { tags, body: connectionUpdateSchema };
  api.patch(
    '/api/projects/:projectId/connections/:id',
    { schema: updateSchema },
    async (request) => {
      const { body } = request;
      if (body.settings) await publicTracker(body.settings);
      const row = await writableConnection(request);
      const updated = await app.repos.connections.update(row.id, connectionChanges(body, opts));
      if (!updated) throw notFound(NO_CONNECTION);
      return connectionView(updated);
    },
  );

  app.delete(
    '/api/projects/:projectId/connections/:id',
    { schema: { tags } },
    async (request, reply) => {
      const row = await writableConnection(request);
      await app.repos.connections.delete(row.id);
      reply.code(204);
    },
  );

  app.post(
    '/api/projects/:projectId/connections/:id/sync',
    { schema: { tags } },
    async (request) => {
      const key = requireKey();
      const row = await writableConnection(request);
      const outcome = await syncConnection(app.jobs, app.db, key, row, {
        full: queryFlag(request, 'full'),
      });
      if (outcome.status === 'busy')
        throw new AppError('FF_ERR_CONFLICT', 'A sync of this connection is already running');
      const after = await app.repos.connections.get(request.user!, row.projectId, row.id);
      return { outcome, connection: after ? connectionView(after) : null };
    },
  );

  app.get(
    '/api/projects/:projectId/connections/:id/items',
    { schema: { tags } },
    async (request) => {
      const { projectId, id } = params(request);
      const row = await app.repos.connections.get(request.user!, projectId, id!);
      if (!row) throw notFound(NO_CONNECTION);
      if (row.data === null)
        throw new AppError('FF_ERR_NOT_FOUND', 'This connection has not synced yet');
      return row.data;
    },
  );
}
