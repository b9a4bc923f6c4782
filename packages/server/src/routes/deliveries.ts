import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deliveryCountsAsOf, deliveryHistoryOf, replayDelivery } from '@flow-forecaster/engine';
import {
  addCheckInSchema,
  closeDeliverySchema,
  connectionCheckInSchema,
  createDeliverySchema,
} from '@flow-forecaster/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storedItems } from '../connections/sync';
import { AppError, notFound } from '../errors';
import type { DeliveryRow, DeliveryWrite } from '../repositories/deliveries';
import { storedCheckIns, storedSettings } from '../repositories/deliveries';
import {
  addCheckIn,
  calibrationOf,
  closeDelivery,
  createDelivery,
  deliveryCsv,
  deliveryView,
  withHits,
} from '../services/deliveries';
import { queryString } from './parse';
import { assertOwnerOrAdmin, projectParams, scopedProject } from './project-scope';

const tags = ['deliveries'];
const NO_DELIVERY = 'No such delivery';
const BASE = '/api/projects/:projectId/deliveries';

/**
 * Every write may say which version of the delivery it was computed from; declared in each body
 * schema, since a validated body keeps only the fields its schema names.
 */
const version = { version: z.number().int().min(1).optional() };
const versionSchema = z.object(version);
const checkInBody = addCheckInSchema.extend(version);
const connectionCheckInBody = connectionCheckInSchema.extend(version);
const closeBody = closeDeliverySchema.extend(version);

const params = (request: FastifyRequest) => projectParams(request, NO_DELIVERY);

const conflict = () =>
  new AppError(
    'FF_ERR_CONFLICT',
    'The delivery was changed meanwhile; reload it and try again',
    'version',
  );

async function deliveryOf(app: FastifyInstance, request: FastifyRequest): Promise<DeliveryRow> {
  const { projectId, id } = params(request);
  const row = await app.repos.deliveries.get(request.user!, projectId, id as string);
  if (!row) throw notFound(NO_DELIVERY);
  return row;
}

/** Writes a change computed from `row`, only if nobody changed the row since it was read. */
async function writeDelivery(
  app: FastifyInstance,
  request: FastifyRequest,
  row: DeliveryRow,
  w: DeliveryWrite,
  version: number | undefined,
) {
  if (version !== undefined && version !== row.version) throw conflict();
  assertOwnerOrAdmin(request, row);
  const updated = await app.repos.deliveries.update(request.user!, row.id, row.version, w);
  if (!updated) throw conflict();
  return deliveryView(updated);
}

/**
 * The live-data path of a check-in: the same counting rule as a CSV export (engine's
 * deliveryCountsAsOf) applied to the connection's last synced items.
 */
async function checkInFromConnection(
  app: FastifyInstance,
  request: FastifyRequest,
  row: DeliveryRow,
  body: z.output<typeof connectionCheckInSchema>,
): Promise<DeliveryWrite> {
  const connection = await app.repos.connections.get(
    request.user!,
    row.projectId,
    body.connectionId,
  );
  if (!connection) {
    throw new AppError('FF_ERR_NOT_FOUND', 'No such connection in this project', 'connectionId');
  }
  const items = storedItems(connection.data);
  if (!items) {
    throw new AppError('FF_ERR_NOT_FOUND', 'This connection has not synced yet', 'connectionId');
  }
  return addCheckIn(row, {
    date: body.date,
    ...deliveryCountsAsOf(items, body.date),
    ...(body.note !== undefined ? { note: body.note } : {}),
    ...(body.seed !== undefined ? { seed: body.seed } : {}),
    history: deliveryHistoryOf(items),
  });
}

/** A delivery as a download: its check-ins as CSV, or its view as JSON. */
function exportDelivery(request: FastifyRequest, reply: FastifyReply, row: DeliveryRow) {
  const format = queryString(request, 'format') === 'csv' ? 'csv' : 'json';
  const file = `delivery-${row.id}.${format}`;
  reply.header('content-disposition', `attachment; filename="${file}"`);
  if (format === 'csv') {
    reply.type('text/csv; charset=utf-8');
    return deliveryCsv(row);
  }
  return deliveryView(row);
}

/** How well a project's (or the caller's) closed deliveries were forecast. */
function calibrationRoutes(app: FastifyInstance): void {
  app.get('/api/projects/:projectId/calibration', { schema: { tags } }, async (request) => {
    const p = await scopedProject(app, request, false);
    const rows = await app.repos.deliveries.closed({ viewer: request.user!, projectId: p.id });
    return calibrationOf(rows);
  });

  app.get('/api/calibration', { schema: { tags } }, async (request) => {
    const rows = await app.repos.deliveries.closed({ ownerId: request.user!.id });
    return calibrationOf(rows);
  });
}

export default async function deliveryRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', app.requireUser);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const project = (request: FastifyRequest, writable: boolean) =>
    scopedProject(app, request, writable);
  const delivery = (request: FastifyRequest) => deliveryOf(app, request);
  const write = (
    request: FastifyRequest,
    row: DeliveryRow,
    w: DeliveryWrite,
    expected: number | undefined,
  ) => writeDelivery(app, request, row, w, expected);

  app.get(BASE, { schema: { tags } }, async (request) => {
    const p = await project(request, false);
    const rows = await app.repos.deliveries.list(request.user!, p.id);
    return { items: rows.map(deliveryView) };
  });

  api.post(BASE, { schema: { tags, body: createDeliverySchema } }, async (request, reply) => {
    const p = await project(request, true);
    const made = createDelivery(request.body);
    const row = await app.repos.deliveries.create(request.user!.id, p.id, made);
    reply.code(201);
    return deliveryView(row);
  });

  app.get(`${BASE}/:id`, { schema: { tags } }, async (request) =>
    deliveryView(await delivery(request)),
  );

  app.delete(`${BASE}/:id`, { schema: { tags } }, async (request, reply) => {
    const { projectId, id } = params(request);
    if (!(await app.repos.deliveries.delete(request.user!, projectId, id as string))) {
      throw notFound(NO_DELIVERY);
    }
    reply.code(204);
  });

  api.post(
    `${BASE}/:id/check-ins`,
    { schema: { tags, body: checkInBody } },
    async (request, reply) => {
      const row = await delivery(request);
      const { version: expected, ...body } = request.body;
      const next = addCheckIn(row, body);
      reply.code(201);
      return write(request, row, next, expected);
    },
  );

  api.post(
    `${BASE}/:id/check-ins/from-connection`,
    { schema: { tags, body: connectionCheckInBody } },
    async (request, reply) => {
      const row = await delivery(request);
      const { version: expected, ...body } = request.body;
      const next = await checkInFromConnection(app, request, row, body);
      reply.code(201);
      return write(request, row, next, expected);
    },
  );

  api.delete(
    `${BASE}/:id/check-ins/last`,
    { schema: { tags, body: versionSchema } },
    async (request) => {
      const row = await delivery(request);
      const checkIns = storedCheckIns(row);
      if (checkIns.length === 0) throw notFound('This delivery has no check-in');
      return write(request, row, { checkIns: checkIns.slice(0, -1) }, request.body.version);
    },
  );

  api.post(`${BASE}/:id/close`, { schema: { tags, body: closeBody } }, async (request) => {
    const row = await delivery(request);
    const { body } = request;
    const checkIns = closeDelivery(row, body.actualDate);
    return write(
      request,
      row,
      { checkIns, actualDate: body.actualDate, closeNote: body.note ?? null },
      body.version,
    );
  });

  api.post(`${BASE}/:id/reopen`, { schema: { tags, body: versionSchema } }, async (request) => {
    const row = await delivery(request);
    return write(
      request,
      row,
      { checkIns: withHits(storedCheckIns(row), null), actualDate: null, closeNote: null },
      request.body.version,
    );
  });

  // Re-runs every check-in from its stored input and seed; `identical` must always be true.
  app.post(`${BASE}/:id/replay`, { schema: { tags } }, async (request) => {
    const row = await delivery(request);
    return replayDelivery({
      targetDate: storedSettings(row).targetDate ?? null,
      checkIns: storedCheckIns(row),
    });
  });

  app.get(
    `${BASE}/:id/export`,
    { schema: { tags, querystring: z.object({ format: z.enum(['csv', 'json']).optional() }) } },
    async (request, reply) => exportDelivery(request, reply, await delivery(request)),
  );
  calibrationRoutes(app);
}
