import { z } from 'zod';

import {
  ConfigError,
  envBool as bool,
  envConnectionKey,
  envInt as int,
  envOptionalInt as optionalInt,
  envOptionalString as optionalString,
  envQueuePrefix,
  envSeconds as seconds,
  parseEnv,
} from '@flow-forecaster/schemas/env';

export { ConfigError };

/**
 * Which proxies may tell us the client's address (X-Forwarded-For) and protocol. Never "every
 * hop": a client that reaches the server directly, or puts its own X-Forwarded-For in front of
 * the proxy's, would choose its own address and with it its own rate limits.
 * - `false`: the header is ignored (the server faces clients directly).
 * - a number n: exactly n proxies stand in front; the address n hops back is the client's.
 * - addresses/CIDR ranges: hops from these addresses are proxies (e.g. `10.0.0.0/8`).
 * - `fly`: Fly.io's proxy; the address comes from its `Fly-Client-IP` header.
 */
export type TrustProxy = false | number | string[] | 'fly';

const IPV4_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_CIDR = /^[0-9a-f:.]+(\/\d{1,3})?$/i;
// proxy-addr's own names for ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const v = (raw ?? '').trim().toLowerCase();
    if (['', 'false', '0', 'no'].includes(v)) return false;
    if (v === 'fly') return 'fly';
    if (['true', 'yes', 'all'].includes(v)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'trusting every hop lets any client choose its address; set the number of proxies ' +
          '(1 behind one load balancer), their addresses or CIDR ranges, or `fly`',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) return Number(v);
    const ranges = v.split(',').map((r) => r.trim());
    const bad = ranges.find(
      (r) => !(NAMED_RANGES.has(r) || IPV4_CIDR.test(r) || (r.includes(':') && IPV6_CIDR.test(r))),
    );
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not an address or CIDR range` });
      return z.NEVER;
    }
    return ranges;
  });

const envSchema = z.object({
  PORT: int(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optionalString,
  REQUIRE_LOGIN: bool(false),
  SESSION_TTL: int(7 * 24 * 3600, 60),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: trustProxy,
  RATE_LIMIT_MAX: int(120, 1),
  RATE_LIMIT_WINDOW: int(60, 1),
  AUTH_RATE_LIMIT_MAX: int(10, 1),
  AUTH_ADDRESS_FAILURES_MAX: int(30, 1),
  LOGIN_LOCKOUT_SECONDS: int(30, 1),
  JOBS_PER_CLIENT: int(20, 1),
  SHUTDOWN_TIMEOUT_SECONDS: int(30, 2),
  ADMIN_EMAIL: optionalString,
  FIRST_USER_ADMIN: z.enum(['auto', 'true', 'false']).default('auto'),
  WORKSHOP_MODE: bool(false),
  BODY_LIMIT: int(1024 * 1024, 1024),
  REQUEST_TIMEOUT_SECONDS: int(300, 0),
  SYNC_RUNS_THRESHOLD: int(200_000, 0),
  SYNC_TIMEOUT_SECONDS: int(120, 1),
  WORKER_THREADS: optionalInt(1),
  JOB_QUEUE_PREFIX: envQueuePrefix,
  JOB_QUEUE_MAX: int(1_000, 1),
  JOB_TIMEOUT_SECONDS: int(600, 1),
  JOB_RETENTION_SECONDS: int(3600, 1),
  JOB_RESULTS_KEEP: optionalInt(1),
  JOB_RESULTS_MAX_MB: int(256, 1),
  JOB_SHUTDOWN_GRACE_SECONDS: int(30, 0),
  MAINTENANCE_INTERVAL_SECONDS: seconds(3600, 0),
  SMTP_HOST: optionalString,
  SMTP_PORT: int(587, 1),
  SMTP_USER: optionalString,
  SMTP_PASS: optionalString,
  SMTP_FROM: z.string().default('Flow Forecaster <no-reply@localhost>'),
  SMTP_SECURE: bool(false),
  APP_URL: z.string().url().default('http://localhost:8080'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: optionalString,
  CONNECTION_KEY: envConnectionKey,
  CONNECTION_SYNC_TICK_SECONDS: int(60, 5),
  ALLOW_PRIVATE_TRACKER_URLS: bool(false),
});

/** Every environment variable the server reads (docs/configuration.md lists each). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface JobsConfig {
  /** Worker threads of the in-process pool; default one per core. */
  threads?: number;
  /** Key prefix of the BullMQ queues in Redis (several installs can share one Redis). */
  prefix: string;
  /** Jobs waiting at once before new ones are refused. */
  maxQueued: number;
  timeoutSeconds: number;
  /** Longest a synchronous forecast may run on the pool before its 503. */
  syncTimeoutSeconds: number;
  retentionSeconds: number;
  /** BullMQ: finished jobs kept in Redis, whatever their age. */
  keepCompleted?: number;
  /** In-process back end: bytes of finished results held for polling, in MB. */
  resultsMaxMb: number;
  /** How long a shutdown waits for running jobs (cut to fit SHUTDOWN_TIMEOUT_SECONDS). */
  shutdownGraceSeconds: number;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
}

export interface Config {
  port: number;
  host: string;
  /** Absent: embedded PGlite in `dataDir`. `memory://` also means an in-memory PGlite (tests). */
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  requireLogin: boolean;
  /** Session lifetime in seconds. */
  sessionTtl: number;
  cookieSecure: 'auto' | boolean;
  trustProxy: TrustProxy;
  rateLimit: {
    max: number;
    windowSeconds: number;
    /** Failed logins on one account before it is locked (and forgot/reset requests). */
    authMax: number;
    /** Failed logins from one address, across accounts, in 15 minutes (default 3 × authMax). */
    addressFailuresMax?: number;
    /** First lockout of an account; doubles with each further failure, up to 15 minutes. */
    lockoutSeconds?: number;
  };
  workshopMode: boolean;
  /** Async jobs one user (or anonymous address) may have waiting or running at once. */
  jobsPerClient?: number;
  /** Made admin at every start if that account exists (ADMIN_EMAIL). */
  adminEmail?: string;
  /**
   * Whether the first account registered becomes admin. FIRST_USER_ADMIN=auto: only when the
   * server listens on loopback (a laptop), never on a public install.
   */
  firstUserAdmin?: boolean;
  /** Longest a graceful shutdown may take before the process exits 1 anyway. */
  shutdownTimeoutSeconds?: number;
  bodyLimit: number;
  /** The job system (WORKER_THREADS, JOB_*, SYNC_TIMEOUT_SECONDS). */
  jobs?: JobsConfig;
  /** Seconds between cleanups (expired sessions, old jobs); 0 turns them off. */
  maintenanceIntervalSeconds?: number;
  /** Longest a request may take to arrive (headers and body), 0 for no limit; then a 408. */
  requestTimeoutSeconds: number;
  syncRunsThreshold: number;
  smtp?: SmtpConfig;
  appUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Directory of the built web app; defaults to packages/web/dist. */
  webDist?: string;
  /**
   * AES-256-GCM key for tracker tokens at rest. Absent: connections are refused with a message
   * saying how to set it (tokens are never stored in the clear).
   */
  connectionKey?: Buffer;
  /** How often the scheduler looks for connections due a sync. */
  connectionSyncTickSeconds: number;
  /**
   * Let tracker connections reach loopback, private and link-local addresses (a tracker on
   * the same private network, local test fixtures). Off by default: a user-typed URL must not
   * make the server call its own network (SSRF). Env ALLOW_PRIVATE_TRACKER_URLS.
   */
  allowPrivateTrackerUrls?: boolean;
  /** Tests only: an object given to nodemailer instead of SMTP settings (e.g. jsonTransport). */
  mailTransport?: object;
  /** Tests only: where to cache a migrated PGlite dump so new databases start fast. */
  pgliteTemplateDir?: string;
}

// A classroom shares one address and bursts at the same moment the instructor says "run it".
const WORKSHOP_FACTOR = 5;

/** Whether a listen address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(envSchema, env);
  const factor = e.WORKSHOP_MODE ? WORKSHOP_FACTOR : 1;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    requireLogin: e.REQUIRE_LOGIN,
    sessionTtl: e.SESSION_TTL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY,
    rateLimit: {
      max: e.RATE_LIMIT_MAX * factor,
      windowSeconds: e.RATE_LIMIT_WINDOW,
      authMax: e.AUTH_RATE_LIMIT_MAX * factor,
      addressFailuresMax: e.AUTH_ADDRESS_FAILURES_MAX * factor,
      lockoutSeconds: e.LOGIN_LOCKOUT_SECONDS,
    },
    workshopMode: e.WORKSHOP_MODE,
    jobsPerClient: e.JOBS_PER_CLIENT * factor,
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT_SECONDS,
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    firstUserAdmin:
      e.FIRST_USER_ADMIN === 'auto' ? isLoopback(e.HOST) : e.FIRST_USER_ADMIN === 'true',
    bodyLimit: e.BODY_LIMIT,
    requestTimeoutSeconds: e.REQUEST_TIMEOUT_SECONDS,
    syncRunsThreshold: e.SYNC_RUNS_THRESHOLD,
    jobs: {
      threads: e.WORKER_THREADS,
      prefix: e.JOB_QUEUE_PREFIX,
      maxQueued: e.JOB_QUEUE_MAX,
      timeoutSeconds: e.JOB_TIMEOUT_SECONDS,
      syncTimeoutSeconds: e.SYNC_TIMEOUT_SECONDS,
      retentionSeconds: e.JOB_RETENTION_SECONDS,
      keepCompleted: e.JOB_RESULTS_KEEP,
      resultsMaxMb: e.JOB_RESULTS_MAX_MB,
      shutdownGraceSeconds: e.JOB_SHUTDOWN_GRACE_SECONDS,
    },
    maintenanceIntervalSeconds: e.MAINTENANCE_INTERVAL_SECONDS,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER,
          pass: e.SMTP_PASS,
          from: e.SMTP_FROM,
        }
      : undefined,
    appUrl: e.APP_URL.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    connectionKey: e.CONNECTION_KEY,
    connectionSyncTickSeconds: e.CONNECTION_SYNC_TICK_SECONDS,
    allowPrivateTrackerUrls: e.ALLOW_PRIVATE_TRACKER_URLS,
  };
}
