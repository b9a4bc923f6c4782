import { withCalendarLanguage } from './calendar-language';
import Fastify from 'fastify';
import type {
  FastifyHttpOptions,
  FastifyInstance,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import type { Server } from 'node:http';
import { FORECAST_REGISTRY, UNSTORABLE_MESSAGE, findUnstorable } from '@flow-forecaster/schemas';
import { setHolidayProvider } from '@flow-forecaster/schemas';
import { createHolidayTools, type HolidaysClass } from '@flow-forecaster/schemas/holidays-provider';
import { createRequire } from 'node:module';
import type { ForecastRegistry } from '@flow-forecaster/schemas';
import { parseForecastRequest } from '@flow-forecaster/worker';
import { randomUUID } from 'node:crypto';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import {
  AppError,
  clientErrorHandler,
  frameworkErrors,
  installErrorHandlers,
  validation,
} from './errors';
import { validatorCompiler } from './validation';
import { openDatabase } from './db/client';
import type { Database } from './db/client';
import { createMailer } from './auth/mailer';
import type { Mailer } from './auth/mailer';
import { saveForecast } from './services/save-forecast';
import { recordForecast } from './plugins/metrics';
import dbPlugin from './plugins/db';
import metricsPlugin from './plugins/metrics';
import securityPlugin, { clientAddress } from './plugins/security';
import idempotencyPlugin from './plugins/idempotency';
import authPlugin from './plugins/auth';
import docsPlugin from './plugins/docs';
import webPlugin from './plugins/web';
import healthRoutes from './routes/health';
import authRoutes from './routes/auth';
import tokenRoutes from './routes/tokens';
import adminRoutes from './routes/admin';
import studentRoutes from './routes/students';
import projectRoutes from './routes/projects';
import savedForecastRoutes from './routes/saved-forecasts';
import actualRoutes from './routes/actuals';
import deliveryRoutes from './routes/deliveries';
import teamRoutes from './routes/teams';
import connectionRoutes from './routes/connections';
import type { ConnectionRouteOptions } from './routes/connections';
import connectionScheduler from './connections/scheduler';
import jobsPlugin from './plugins/jobs';
import { CONNECTOR_SYNC_KIND } from '@flow-forecaster/worker';
import forecastRoutes from './routes/forecasts';
import asyncRoutes from './routes/async';
import mcpRoutes from './routes/mcp';
import opsMetricsPlugin from './plugins/ops-metrics';
import maintenancePlugin from './maintenance';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    mailer: Mailer;
  }
}

export interface BuildAppOptions {
  /** The forecast kinds to serve; default FORECAST_REGISTRY (tests add kinds). */
  registry?: ForecastRegistry;
  /**
   * URL of a module exporting `registry`, loaded by the worker-pool threads; needed when
   * `registry` has kinds beyond the built-in ones (threads cannot receive functions).
   */
  registryModule?: string;
  /** An already open database (the app closes it on close); default: opened from config. */
  database?: Database;
  /** Options for the job plugin (tests shrink the pool); merged over the config's. */
  jobs?: Record<string, unknown>;
  /** A pino logger or logger options; default JSON logs at `config.logLevel`. */
  logger?: FastifyServerOptions['logger'];
  loggerInstance?: FastifyServerOptions['loggerInstance'];
  /** Options for the connection routes (tests shorten trackers' Retry-After waits). */
  connections?: Omit<ConnectionRouteOptions, 'key'>;
}

/** The part of a finished job that saving needs (the job plugin's `JobInfo`). */
export interface FinishedJob {
  id: string;
  kind: string;
  input?: unknown;
  result?: unknown;
  save?: { userId: string; projectId?: string | null; name?: string | null } | null;
}

/** Never logged, wherever they appear in a request or a log object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'csrfToken',
  '*.password',
  '*.token',
  '*.csrfToken',
  '*.authorization',
  '*.cookie',
];

/** TRUST_PROXY as Fastify takes it; a hop count as a function (Fastify's types omit numbers). */
function fastifyTrustProxy(
  trust: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  // Fly's proxy is one hop (it appends the client to X-Forwarded-For and sets the protocol);
  // the address itself is read from Fly-Client-IP, see clientAddress.
  const hops = trust === 'fly' ? 1 : trust;
  if (typeof hops === 'number') return (_address, hop) => hop < hops;
  return hops;
}

/**
 * Scripts often send `content-type: application/json` on a DELETE or an empty POST; an empty
 * body is "no body", not a JSON error. Anything else goes through Fastify's own safe parser.
 */
function installJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, (err, value) => {
      if (err) return done(err, undefined);
      // Any string the database could not store is refused here, for every route and every
      // part of a body (forecast inputs are stored as they come), naming where it is.
      const at = findUnstorable(value);
      if (at !== undefined) {
        return done(
          validation(`${at || 'body'}: ${UNSTORABLE_MESSAGE}`, at || undefined),
          undefined,
        );
      }
      done(null, withCalendarLanguage(value, request.headers['accept-language']));
    });
  });
}

/** Saves a finished async job that asked for it (`?save=true`); idempotent on the job id. */
async function saveFinishedJob(
  app: FastifyInstance,
  registry: ForecastRegistry,
  job: FinishedJob,
): Promise<void> {
  if (!job.save) return;
  await saveForecast(app.db, job.save.userId, {
    parsed: parseForecastRequest(registry, { kind: job.kind, input: job.input }),
    result: job.result,
    projectId: job.save.projectId ?? null,
    name: job.save.name ?? null,
    jobId: job.id,
  });
}

/** What the synchronous and async forecast routes need from the rest of the app. */
function forecastRouteOptionsOf(app: FastifyInstance, config: Config) {
  return {
    requireLogin: config.requireLogin,
    userIdOf: (request: FastifyRequest) => {
      // With login required, a cookie without its CSRF token is refused as such, not as anonymous.
      if (config.requireLogin && !request.user && request.csrfFailed) {
        throw new AppError('FF_ERR_CSRF');
      }
      return request.user?.id;
    },
    onAbandoned: (kind: string) => app.metrics.forecastsAbandonedTotal.inc({ kind }),
    maxActivePerClient: config.jobsPerClient,
    onRejected: (reason: 'per_client' | 'queue_full') =>
      app.metrics.jobsRejectedTotal.inc({ reason }),
    clientKeyOf: (request: FastifyRequest, userId: string | undefined) =>
      userId ? `u:${userId}` : `ip:${clientAddress(request)}`,
    checkDatabase: () => app.database.ping(),
  };
}

/** The job plugin's settings from the config (WORKER_THREADS, JOB_*, SYNC_TIMEOUT_SECONDS). */
function jobsSettings(config: Config) {
  const jobs = config.jobs;
  if (!jobs) return {};
  return {
    ...(jobs.threads !== undefined ? { threads: jobs.threads } : {}),
    prefix: jobs.prefix,
    maxQueued: jobs.maxQueued,
    timeoutMs: jobs.timeoutSeconds * 1000,
    syncTimeoutMs: jobs.syncTimeoutSeconds * 1000,
    retentionMs: jobs.retentionSeconds * 1000,
    keepCompleted: jobs.keepCompleted,
    maxResultBytes: jobs.resultsMaxMb * 1024 * 1024,
    shutdownGraceMs: jobs.shutdownGraceSeconds * 1000,
  };
}

/** Fastify's options: logging, limits, proxies, request ids, timeouts, framework errors. */
function fastifyOptions(config: Config, opts: BuildAppOptions): FastifyHttpOptions<Server> {
  const requestTimeout = config.requestTimeoutSeconds * 1000;
  return {
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ?? { level: config.logLevel, redact: REDACT_PATHS } }),
    bodyLimit: config.bodyLimit,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // While shutting down, new requests get a 503 so a load balancer retries elsewhere.
    return503OnClosing: true,
    // A request still arriving after this is a 408 (slow clients cannot hold sockets forever).
    requestTimeout,
    // Node reads these when the server is created (setting them later does nothing) and checks
    // every 30 s by default: a short limit is checked often enough to mean it.
    http: {
      requestTimeout,
      ...(requestTimeout > 0 ? { headersTimeout: Math.min(60_000, requestTimeout) } : {}),
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, requestTimeout / 2 || 30_000)),
    },
    frameworkErrors,
    clientErrorHandler,
  };
}

/** Builds the whole application as plugins; `server.ts` only listens and handles signals. */
export async function buildApp(
  config: Config,
  opts: BuildAppOptions = {},
): Promise<FastifyInstance> {
  // `calendar.country` is resolved to holiday dates while a request is parsed; jobs and pool
  // threads then get the dates with the request and need no holiday data of their own.
  // date-holidays loads with the first request naming a country (its data costs ~0.3 s of start).
  const requireCjs = createRequire(import.meta.url);
  setHolidayProvider(
    createHolidayTools(() => requireCjs('date-holidays') as HolidaysClass).provider,
  );
  const app = Fastify(fastifyOptions(config, opts));
  app.decorate('config', config);
  const registry = opts.registry ?? FORECAST_REGISTRY;
  installErrorHandlers(app, {
    spaFallback: () => app.webAppBuilt,
  });
  // Route schemas are checked by Fastify (after authentication, which runs in onRequest and
  // preValidation hooks) with the shared parser, so the 400 names the field as handlers do.
  app.setValidatorCompiler(validatorCompiler);
  installJsonParser(app);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const saveJob = (job: FinishedJob) => saveFinishedJob(app, registry, job);
  const forecastRouteOptions = forecastRouteOptionsOf(app, config);

  const database =
    opts.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      pgliteTemplateDir: config.pgliteTemplateDir,
    }));
  try {
    app.decorate('mailer', createMailer(config, app.log));
    await app.register(dbPlugin, { database });
    await app.register(metricsPlugin);
    if (config.adminEmail) {
      const made = await app.repos.users.makeAdmin(config.adminEmail);
      if (made) app.log.info({ email: config.adminEmail }, 'ADMIN_EMAIL: account is admin');
      else
        app.log.warn(
          { email: config.adminEmail },
          'ADMIN_EMAIL: no such account yet; register it and restart',
        );
    }
    await app.register(authPlugin, { config });
    await app.register(securityPlugin, { config });
    await app.register(idempotencyPlugin);
    await app.register(docsPlugin);
    await app.register(jobsPlugin, {
      ...jobsSettings(config),
      registry,
      registryModule: opts.registryModule,
      redisUrl: config.redisUrl,
      poolWorkThreshold: config.syncRunsThreshold * 10,
      shutdownTimeoutMs: (config.shutdownTimeoutSeconds ?? 30) * 1000,
      saveResult: saveJob,
      onJobSuccess: (job) => {
        // A tracker sync rides the same queue but is not a forecast.
        if (job.kind !== CONNECTOR_SYNC_KIND)
          recordForecast(app.metrics, job.kind, job.input, job.result);
      },
      syncJobs: {
        key: config.connectionKey,
        allowPrivate: config.allowPrivateTrackerUrls === true,
        ...(opts.connections?.retry ? { retry: opts.connections.retry } : {}),
      },
      ...opts.jobs,
    });
    await app.register(forecastRoutes, forecastRouteOptions);
    await app.register(asyncRoutes, forecastRouteOptions);
    await app.register(mcpRoutes);
    await app.register(opsMetricsPlugin);
    await app.register(maintenancePlugin, {
      prefix: typeof opts.jobs?.prefix === 'string' ? opts.jobs.prefix : undefined,
    });
    await app.register(healthRoutes);
    await app.register(authRoutes, { config });
    await app.register(tokenRoutes);
    await app.register(adminRoutes);
    await app.register(studentRoutes);
    await app.register(projectRoutes);
    await app.register(savedForecastRoutes);
    await app.register(actualRoutes);
    await app.register(deliveryRoutes);
    await app.register(teamRoutes);
    await app.register(connectionRoutes, { key: config.connectionKey, ...opts.connections });
    await app.register(connectionScheduler, {
      key: config.connectionKey,
      tickSeconds: config.connectionSyncTickSeconds,
    });
    await app.register(webPlugin, { dist: config.webDist });
  } catch (err) {
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
  return app;
}
