/**
 * `npm run backup` / `npm run restore` round-trip users, projects, forecasts and actuals
 * between both databases: PostgreSQL → PGlite (a server's data onto a workshop laptop) and
 * back, and the restored accounts can log in and see exactly their own work.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import {
  ADMIN_DATABASE_URL,
  createTestApp,
  login,
  PASSWORD,
  uniqueEmail,
  adminQuery,
} from './helper';
import type { Caller } from './helper';
import { runToEnd } from './ops-support';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

const admin = adminQuery;

/** What a user sees of their saved work, in a stable order. */
async function work(app: FastifyInstance, c: Caller) {
  const get = async (url: string) =>
    (
      (await app.inject({ url, headers: c.headers })).json() as { items: Record<string, unknown>[] }
    ).items
      .map((x) => x)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return {
    projects: (await get('/api/projects')).map((p) => ({ id: p.id, name: p.name })),
    forecasts: (await get('/api/forecasts')).map((f) => ({
      id: f.id,
      projectId: f.projectId,
      kind: f.kind,
    })),
    actuals: (await get('/api/actuals')).map((a) => ({
      id: a.id,
      forecastId: a.forecastId,
      actualWeeks: a.actualWeeks,
    })),
  };
}

async function populate(app: FastifyInstance, email: string, n: number): Promise<Caller> {
  const c = await login(app, email);
  for (let i = 0; i < n; i++) {
    const project = await app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: c.headers,
      payload: { name: `Project ${i} of ${email}`, description: 'ção – unicode survives' },
    });
    expect(project.statusCode).toBe(201);
    const forecast = await app.inject({
      method: 'POST',
      url: '/api/forecasts',
      headers: c.headers,
      payload: {
        projectId: project.json().id,
        kind: 'simulate',
        input: { tpSamples: T12, numberOfTasks: 30 + i, numberOfSimulations: 2000, seed: i + 1 },
      },
    });
    expect(forecast.statusCode, forecast.body).toBe(201);
    const actual = await app.inject({
      method: 'POST',
      url: '/api/actuals',
      headers: c.headers,
      payload: { forecastId: forecast.json().id, actualWeeks: 6 + i },
    });
    expect(actual.statusCode, actual.body).toBe(201);
  }
  return c;
}

describe('backup and restore across PostgreSQL and PGlite', () => {
  const dirs: string[] = [];
  const dbs: string[] = [];
  const tmp = (p: string) => {
    const d = mkdtempSync(join(tmpdir(), p));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    for (const name of dbs) await admin(`drop database if exists ${name} with (force)`);
  });

  it('round-trips users, projects, forecasts and actuals PostgreSQL → PGlite → PostgreSQL', async () => {
    const out = tmp('ff-backup-');
    const emails = [uniqueEmail('alice'), uniqueEmail('bob')];
    let expected: Awaited<ReturnType<typeof work>>[];
    // `npm run backup|restore -- <file in out> [...flags]` to its end.
    const npmRun = (
      script: 'backup' | 'restore',
      file: string,
      env: Record<string, string>,
      ...flags: string[]
    ) => runToEnd(script, ['npm', 'run', script, '--', join(out, file), ...flags], env);
    // Every user logs in on `app` and sees the same work as in the source database.
    const expectSameWork = async (app: FastifyInstance) => {
      try {
        for (const [i, email] of emails.entries()) {
          const c = await login(app, email, PASSWORD);
          expect(await work(app, c)).toEqual(expected[i]);
        }
      } finally {
        await app.close();
      }
    };

    // 1. Source: PostgreSQL with two users' work.
    const source = await createTestApp({ db: 'postgres' });
    try {
      // The first account is the admin (who sees everyone's work); the others are students.
      await login(source.app, uniqueEmail('admin'));
      const callers = [
        await populate(source.app, emails[0], 2),
        await populate(source.app, emails[1], 1),
      ];
      expected = [await work(source.app, callers[0]), await work(source.app, callers[1])];
      expect(expected[0].forecasts).toHaveLength(2);
      expect(expected[1].actuals).toHaveLength(1);
      const backup = await npmRun('backup', 'pg.json', {
        DATABASE_URL: source.config.databaseUrl as string,
      });
      expect(backup.code, backup.output).toBe(0);
    } finally {
      await source.close();
    }
    const dump = JSON.parse(readFileSync(join(out, 'pg.json'), 'utf8')) as {
      tables: Record<string, unknown[]>;
    };
    expect(Object.keys(dump.tables)).toEqual([
      'users',
      'api_tokens',
      'projects',
      'forecasts',
      'actuals',
      'deliveries',
      'teams',
      'connections',
    ]);
    expect(dump.tables.users).toHaveLength(3);
    expect(dump.tables.forecasts).toHaveLength(3);
    expect(dump.tables.actuals).toHaveLength(3);

    // 2. Restore into an embedded PGlite directory; the users log in there and see their work.
    const dataDir = tmp('ff-restore-pglite-');
    const restored = await npmRun('restore', 'pg.json', { DATABASE_URL: '', DATA_DIR: dataDir });
    expect(restored.code, restored.output).toBe(0);
    const config = {
      ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
      webDist: join(tmpdir(), 'ff-no-web'),
    };
    await expectSameWork(await buildApp(config));

    // 3. Back from PGlite into a new PostgreSQL database.
    const pgBackup = await npmRun('backup', 'pglite.json', { DATABASE_URL: '', DATA_DIR: dataDir });
    expect(pgBackup.code, pgBackup.output).toBe(0);
    const name = `ff_restore_${randomBytes(5).toString('hex')}`;
    dbs.push(name);
    await admin(`create database ${name}`);
    const u = new URL(ADMIN_DATABASE_URL);
    u.pathname = `/${name}`;
    const targetEnv = { DATABASE_URL: u.toString() };
    const back = await npmRun('restore', 'pglite.json', targetEnv);
    expect(back.code, back.output).toBe(0);
    // Into a database that has data: refused, and nothing changes; --replace replaces.
    const again = await npmRun('restore', 'pglite.json', targetEnv);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/not empty/);
    const replaced = await npmRun('restore', 'pglite.json', targetEnv, '--replace');
    expect(replaced.code, replaced.output).toBe(0);

    await expectSameWork(await buildApp({ ...config, databaseUrl: u.toString() }));
  }, 180_000);
});
