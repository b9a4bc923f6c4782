/**
 * Builds the real app for tests on a fresh database of either kind: an in-memory (or temp dir)
 * PGlite, or a new database on the local PostgreSQL, dropped again in `close`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import type { BuildAppOptions } from '../src/app';
import { loadConfig } from '../src/config';
import type { Config } from '../src/config';

export const databases = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof databases)[number];

/** The local PostgreSQL (trust auth); override with TEST_DATABASE_URL. */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestAppOptions {
  db: DatabaseKind;
  config?: Partial<Config>;
  /** PGlite in a temp directory instead of memory, so `restart` keeps the data. */
  persistent?: boolean;
  build?: Omit<BuildAppOptions, 'database'>;
}

export interface TestApp {
  /** The current app (replaced by `restart`). */
  readonly app: FastifyInstance;
  config: Config;
  /** Closes the app and opens a new one on the same database. */
  restart(): Promise<FastifyInstance>;
  /** Closes the app and removes its database. */
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement as the PostgreSQL admin (creating or dropping test databases). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createTestApp(opts: TestAppOptions): Promise<TestApp> {
  let databaseUrl: string;
  let dataDir: string | undefined;
  let cleanup: () => Promise<void>;
  if (opts.db === 'postgres') {
    const name = `ff_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    databaseUrl = withDatabase(ADMIN_DATABASE_URL, name);
    cleanup = () => adminQuery(`drop database if exists ${name} with (force)`);
  } else if (opts.persistent) {
    dataDir = mkdtempSync(join(tmpdir(), 'ff-pglite-'));
    databaseUrl = '';
    const dir = dataDir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    databaseUrl = 'memory://';
    cleanup = async () => {};
  }

  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    databaseUrl: databaseUrl || undefined,
    dataDir: dataDir ?? './data',
    webDist: join(tmpdir(), 'ff-no-web-dist'),
    pgliteTemplateDir: tmpdir(),
    // Every test request comes from one address; suites that test limits set their own.
    rateLimit: { max: 100_000, windowSeconds: 60, authMax: 10_000 },
    // As on a laptop: the first account is the admin (suites that test otherwise say so).
    firstUserAdmin: true,
    ...opts.config,
  };
  const build = (): Promise<FastifyInstance> =>
    buildApp(config, { ...opts.build, jobs: { threads: 1, ...opts.build?.jobs } });

  let app: FastifyInstance;
  try {
    app = await build();
    await app.ready();
  } catch (err) {
    await cleanup();
    throw err;
  }
  let closed = false;
  return {
    get app() {
      return app;
    },
    config,
    async restart() {
      await app.close();
      app = await build();
      await app.ready();
      return app;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await app.close();
      } finally {
        await cleanup();
      }
    },
  };
}

// ---- small helpers for writing route tests ----------------------------------------------------

export interface Caller {
  /** Headers that authenticate this caller (cookie + CSRF, or a bearer token). */
  headers: Record<string, string>;
  user: { id: string; email: string; role: string };
  csrfToken?: string;
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.test`;

export const PASSWORD = 'correct horse battery';

export async function register(
  app: FastifyInstance,
  email = uniqueEmail(),
  password = PASSWORD,
): Promise<{ id: string; email: string; role: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password },
  });
  if (res.statusCode !== 201) throw new Error(`register ${res.statusCode}: ${res.body}`);
  // Sign-up answers the same for new and taken emails; logging in tells who we are.
  const me = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (me.statusCode !== 200) throw new Error(`register then login ${me.statusCode}: ${me.body}`);
  return (me.json() as { user: { id: string; email: string; role: string } }).user;
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'ff_session');
  if (!c) throw new Error('no session cookie');
  return `ff_session=${c.value}`;
}

/** Registers (unless the email exists) and logs in; the caller's headers carry cookie + CSRF. */
export async function login(
  app: FastifyInstance,
  email = uniqueEmail(),
  password = PASSWORD,
): Promise<Caller> {
  await app
    .inject({ method: 'POST', url: '/api/auth/register', payload: { email, password } })
    .catch(() => undefined);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${res.statusCode}: ${res.body}`);
  const body = res.json() as { user: Caller['user']; csrfToken: string };
  return {
    headers: { cookie: sessionCookie(res), 'x-csrf-token': body.csrfToken },
    user: body.user,
    csrfToken: body.csrfToken,
  };
}

/** A JSON POST to `url` as `caller`. */
export const postAs = (app: FastifyInstance, caller: Caller, url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: caller.headers, payload });

/** Creates a project as `caller` and returns its id (most data lives in a project). */
export async function createProject(
  app: FastifyInstance,
  caller: Caller,
  name = 'Payments',
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/projects',
    headers: caller.headers,
    payload: { name },
  });
  if (res.statusCode !== 201) throw new Error(`project ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** The settings of a Jira connection to `url` (a connector fixture server's board PAY). */
export const jiraSettings = (url: string) => ({
  tracker: 'jira',
  url,
  jql: 'project = PAY',
  email: 'coach@acme.test',
});

/** A logged-in caller that authenticates with a personal API token instead of a cookie. */
export async function tokenCaller(app: FastifyInstance, email = uniqueEmail()): Promise<Caller> {
  const c = await login(app, email);
  const res = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: c.headers,
    payload: { name: 'test' },
  });
  if (res.statusCode !== 201) throw new Error(`token ${res.statusCode}: ${res.body}`);
  return {
    headers: { authorization: `Bearer ${(res.json() as { token: string }).token}` },
    user: c.user,
  };
}

/**
 * A fresh in-memory app for the tests of the enclosing describe block (opened before them,
 * closed after) and an anonymous JSON POST to it.
 */
export function useAnonymousApp() {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const app = (): FastifyInstance => {
    if (!t) throw new Error('the app opens in beforeAll');
    return t.app;
  };
  const post = (url: string, payload: Record<string, unknown>) =>
    app().inject({ method: 'POST', url, payload });
  return { app, post };
}

/**
 * A fresh app on `db` for the tests of the enclosing describe block and one logged-in caller
 * (opened before them, closed after). The first account is the admin: with `plainUser` another
 * account takes that place first, so the caller is an ordinary user.
 */
export function useAppWithCaller(db: DatabaseKind, opts: { plainUser?: boolean } = {}) {
  let t: TestApp | undefined;
  let c: Caller | undefined;
  beforeAll(async () => {
    t = await createTestApp({ db });
    if (opts.plainUser) await login(t.app);
    c = await login(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });
  return {
    get app(): FastifyInstance {
      if (!t) throw new Error('the app opens in beforeAll');
      return t.app;
    },
    get caller(): Caller {
      if (!c) throw new Error('the caller logs in in beforeAll');
      return c;
    },
  };
}
