import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forecastSaveSchemaFor, forecastUpdateSchema, parseBody } from '@flow-forecaster/schemas';
import type { ParsedForecast } from '@flow-forecaster/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, validation } from '../errors';
import { forecastSummaryView, forecastView } from '../repositories/forecasts';
import type { ForecastRow } from '../repositories/forecasts';
import { computeForecast } from '../services/compute-forecast';
import { saveForecast } from '../services/save-forecast';
import { idParam, isUuid, parse, queryString } from './parse';

const tags = ['saved forecasts'];
const NOT_FOUND = 'No such forecast';

export const EXPORT_FORMAT = 'flow-forecaster/forecasts';
export const EXPORT_VERSION = 1;
/** Each imported forecast is re-run; this bounds the work one request can ask for. */
export const MAX_IMPORT = 200;

function exportItem(f: ForecastRow) {
  return {
    kind: f.kind,
    name: f.name,
    input: f.input,
    result: f.result,
    seed: f.seed,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
  };
}

function exportDocument(rows: ForecastRow[]) {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    forecasts: rows.map(exportItem),
  };
}

const importSchema = z.object({
  format: z.literal(EXPORT_FORMAT).optional(),
  version: z.literal(EXPORT_VERSION).optional(),
  forecasts: z.array(z.unknown()).min(1).max(MAX_IMPORT),
});

type SaveSchema = ReturnType<typeof forecastSaveSchemaFor>;

/** Every forecast of an import file validated, before anything is written: a bad file imports nothing. */
function importedForecasts(forecastSaveSchema: SaveSchema, forecasts: unknown[]) {
  return forecasts.map((item, i) => {
    const obj = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const parsed = parseBody(forecastSaveSchema, {
      kind: obj.kind,
      input: obj.input,
      ...(typeof obj.name === 'string' && obj.name.trim() !== '' ? { name: obj.name } : {}),
    });
    if (!parsed.ok) {
      const field = `forecasts.${i}${parsed.error.field ? `.${parsed.error.field}` : ''}`;
      throw validation(`forecasts.${i}: ${parsed.error.message}`, field);
    }
    return parsed.value;
  });
}

/** A rerun's input: the stored one, or a corrected input of the same kind from the body. */
function rerunInput(forecastSaveSchema: SaveSchema, parent: ForecastRow, requestBody: unknown) {
  const body = (requestBody ?? {}) as { input?: unknown; name?: unknown };
  return parse(forecastSaveSchema, {
    kind: parent.kind,
    input: body.input ?? parent.input,
    ...(typeof body.name === 'string'
      ? { name: body.name }
      : parent.name
        ? { name: parent.name }
        : {}),
  });
}

/** A forecast filed under a project needs the right to change that project. */
async function assertWritableProject(
  app: FastifyInstance,
  request: FastifyRequest,
  projectId: string | null | undefined,
): Promise<void> {
  if (!projectId) return;
  const project = await app.repos.projects.getWritable(request.user!, projectId);
  if (!project) throw notFound('No such project');
}

export default async function savedForecastRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', app.requireUser);
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Seeds are fixed before the first run, so the stored input reproduces the stored result.
  const forecastSaveSchema = forecastSaveSchemaFor(app.forecastRegistry, { fixSeed: true });

  /** The server's own result for a validated input: on the pool when big, never the client's. */
  const compute = (parsed: ParsedForecast): Promise<unknown> => computeForecast(app, parsed);

  const writableProject = (request: FastifyRequest, projectId: string | null | undefined) =>
    assertWritableProject(app, request, projectId);

  app.get('/api/forecasts', { schema: { tags } }, async (request) => {
    const projectId = queryString(request, 'projectId');
    if (projectId !== undefined && !isUuid(projectId)) return { items: [] };
    const rows = await app.repos.forecasts.list(request.user!, { projectId });
    return { items: rows.map(forecastSummaryView) };
  });

  api.post(
    '/api/forecasts',
    { schema: { tags, body: forecastSaveSchema } },
    async (request, reply) => {
      const { body } = request;
      await writableProject(request, body.projectId);
      const result = await compute(body.parsed);
      const row = await saveForecast(app.db, request.user!.id, {
        parsed: body.parsed,
        projectId: body.projectId,
        name: body.name,
        result,
      });
      reply.code(201);
      return forecastView(row);
    },
  );

  app.get('/api/forecasts/export', { schema: { tags } }, async (request, reply) => {
    const rows = await app.repos.forecasts.list(request.user!, { limit: 10_000 });
    reply.header('content-disposition', 'attachment; filename="forecasts.json"');
    return exportDocument(rows);
  });

  api.post(
    '/api/forecasts/import',
    { schema: { tags, body: importSchema } },
    async (request, reply) => {
      const items = importedForecasts(forecastSaveSchema, request.body.forecasts);
      const created: ForecastRow[] = [];
      for (const item of items) {
        // Imported rows are new rows of the caller; projects and ids in the file are not trusted.
        const result = await compute(item.parsed);
        created.push(
          await saveForecast(app.db, request.user!.id, {
            parsed: item.parsed,
            name: item.name,
            result,
          }),
        );
      }
      reply.code(201);
      return { count: created.length, items: created.map(forecastSummaryView) };
    },
  );

  app.get('/api/forecasts/:id', { schema: { tags } }, async (request) => {
    const row = await app.repos.forecasts.get(request.user!, idParam(request, NOT_FOUND));
    if (!row) throw notFound(NOT_FOUND);
    return forecastView(row);
  });

  app.get('/api/forecasts/:id/export', { schema: { tags } }, async (request, reply) => {
    const row = await app.repos.forecasts.get(request.user!, idParam(request, NOT_FOUND));
    if (!row) throw notFound(NOT_FOUND);
    reply.header('content-disposition', `attachment; filename="forecast-${row.id}.json"`);
    return exportDocument([row]);
  });

  api.patch(
    '/api/forecasts/:id',
    { schema: { tags, body: forecastUpdateSchema } },
    async (request) => {
      const id = idParam(request, NOT_FOUND);
      await writableProject(request, request.body.projectId);
      const row = await app.repos.forecasts.update(request.user!, id, request.body);
      if (!row) throw notFound(NOT_FOUND);
      return forecastView(row);
    },
  );

  app.delete('/api/forecasts/:id', { schema: { tags } }, async (request, reply) => {
    if (!(await app.repos.forecasts.delete(request.user!, idParam(request, NOT_FOUND)))) {
      throw notFound(NOT_FOUND);
    }
    reply.code(204);
  });

  // A new version from the stored input (its seed fixed, so the numbers are reproducible), or
  // from a corrected input of the same kind given in the body.
  app.post('/api/forecasts/:id/rerun', { schema: { tags } }, async (request, reply) => {
    const id = idParam(request, NOT_FOUND);
    const parent = await app.repos.forecasts.get(request.user!, id);
    if (!parent || (request.user!.role !== 'admin' && parent.ownerId !== request.user!.id)) {
      throw notFound(NOT_FOUND);
    }
    const parsed = rerunInput(forecastSaveSchema, parent, request.body);
    const result = await compute(parsed.parsed);
    const row = await saveForecast(app.db, parent.ownerId, {
      parsed: parsed.parsed,
      name: parsed.name,
      projectId: parent.projectId,
      result,
      parentId: parent.id,
      version: parent.version + 1,
    });
    reply.code(201);
    return forecastView(row);
  });
}
