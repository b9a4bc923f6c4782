import type { FastifyInstance } from 'fastify';
import { actualSchema, storableString } from '@flow-forecaster/schemas';
import { accuracyAnalysis } from '@flow-forecaster/engine';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors';
import { actualView } from '../repositories/actuals';
import { idParam, isUuid, queryString } from './parse';

const tags = ['actuals'];
const NOT_FOUND = 'No such actual';

const actualPatchSchema = z
  .object({
    actualWeeks: z.number().finite().min(0).max(10_000).optional(),
    actualItems: z.number().int().min(0).max(1_000_000).optional(),
    completedDate: z.iso.date().optional(),
    notes: storableString().max(5000).optional(),
  })
  .strict();

const PERCENTILES = ['p50', 'p85', 'p95'] as const;

export default async function actualRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', app.requireUser);
  const api = app.withTypeProvider<ZodTypeProvider>();

  app.get('/api/actuals', { schema: { tags } }, async (request) => {
    const forecastId = queryString(request, 'forecastId');
    if (forecastId !== undefined && !isUuid(forecastId)) return { items: [] };
    const rows = await app.repos.actuals.list(request.user!, { forecastId });
    return { items: rows.map(actualView) };
  });

  api.post('/api/actuals', { schema: { tags, body: actualSchema } }, async (request, reply) => {
    const { body } = request;
    const forecast = await app.repos.forecasts.get(request.user!, body.forecastId);
    // Actuals belong with the forecast's owner: an instructor can read them, not add them.
    if (!forecast || forecast.ownerId !== request.user!.id) throw notFound('No such forecast');
    const row = await app.repos.actuals.create(
      request.user!.id,
      forecast.id,
      forecast.p85Weeks,
      body,
    );
    reply.code(201);
    return actualView(row);
  });

  app.get('/api/actuals/:id', { schema: { tags } }, async (request) => {
    const row = await app.repos.actuals.get(request.user!, idParam(request, NOT_FOUND));
    if (!row) throw notFound(NOT_FOUND);
    return actualView(row);
  });

  api.patch('/api/actuals/:id', { schema: { tags, body: actualPatchSchema } }, async (request) => {
    const id = idParam(request, NOT_FOUND);
    const row = await app.repos.actuals.update(request.user!, id, request.body);
    if (!row) throw notFound(NOT_FOUND);
    return actualView(row);
  });

  app.delete('/api/actuals/:id', { schema: { tags } }, async (request, reply) => {
    if (!(await app.repos.actuals.delete(request.user!, idParam(request, NOT_FOUND)))) {
      throw notFound(NOT_FOUND);
    }
    reply.code(204);
  });

  // How well the caller's saved forecasts predicted what really happened.
  app.get(
    '/api/accuracy',
    { schema: { tags, querystring: z.object({ percentile: z.enum(PERCENTILES).optional() }) } },
    async (request) => {
      const requested = queryString(request, 'percentile');
      const percentile = PERCENTILES.find((p) => p === requested) ?? 'p85';
      const pairs = (await app.repos.actuals.pairs(request.user!)).filter(
        (p) => p.actualWeeks !== null && p[percentile] !== null,
      );
      if (pairs.length === 0) return { percentile, count: 0, analysis: null };
      const analysis = accuracyAnalysis({
        forecasts: pairs.map((p) => p[percentile] as number),
        actuals: pairs.map((p) => p.actualWeeks as number),
      });
      return { percentile, count: pairs.length, analysis };
    },
  );
}
