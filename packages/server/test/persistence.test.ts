import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { DataDirLockedError } from '../src/db/lock-file';
import {
  ADMIN_DATABASE_URL,
  createProject,
  createTestApp,
  databases,
  login,
  PASSWORD,
} from './helper';

function migrationCount(): number {
  const journal = JSON.parse(
    readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
  ) as { entries: unknown[] };
  return journal.entries.length;
}

const migrateEntry = fileURLToPath(new URL('../src/migrate.ts', import.meta.url));
const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe.each(databases)('data on %s', (db) => {
  it('survives a server restart', async () => {
    const t = await createTestApp({ db, persistent: true });
    try {
      const c = await login(t.app, `restart-${db}@example.test`);
      const projectId = await createProject(t.app, c, 'kept');
      const forecast = await t.app.inject({
        method: 'POST',
        url: '/api/forecasts',
        headers: c.headers,
        payload: {
          kind: 'when',
          projectId,
          input: { tpSamples: T12, backlog: 20, seed: 4 },
        },
      });
      expect(forecast.statusCode).toBe(201);

      const app = await t.restart();
      // The session lives in the database, so it outlives the process too.
      const again = await app.inject({
        url: `/api/forecasts/${forecast.json().id}`,
        headers: c.headers,
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().result).toEqual(forecast.json().result);
      const relogin = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `restart-${db}@example.test`, password: PASSWORD },
      });
      expect(relogin.statusCode).toBe(200);
      const projects = await app.inject({ url: '/api/projects', headers: c.headers });
      expect(projects.json().items.map((p: { name: string }) => p.name)).toEqual(['kept']);
    } finally {
      await t.close();
    }
  });
});

describe('PGlite data directory', () => {
  // One directory for both cases: creating a PGlite directory is the slow part.
  const dir = mkdtempSync(join(tmpdir(), 'ff-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener with a clear message and is free again after close', async () => {
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      /in use by another Flow Forecaster process/,
    );
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    await second.ping();
    await second.close();
  });

  it('refuses another process, and takes over a lock left by a process that died', async () => {
    const held = await openDatabase({ dataDir: dir });
    try {
      const other = spawnSync(process.execPath, ['--import', 'tsx', migrateEntry], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(other.status).toBe(1);
      expect(other.stderr).toMatch(/in use by another Flow Forecaster process \(pid \d+\)/);
    } finally {
      await held.close();
    }
    // A crashed process leaves its lock file behind; its pid no longer exists.
    writeFileSync(join(dir, 'flow-forecaster.lock'), '2147483646');
    const reopened = await openDatabase({ dataDir: dir });
    await reopened.ping();
    await reopened.close();
  });
});

describe('PostgreSQL migrations', () => {
  it('run once when several processes start at the same time', async () => {
    const name = `ff_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(ADMIN_DATABASE_URL);
      url.pathname = `/${name}`;
      const opened = await Promise.all(
        [1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url.toString(), maxConnections: 2 })),
      );
      const res = await opened[0].db.execute(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      const rows = (res as unknown as { rows: { n: number }[] }).rows;
      // Each migration recorded exactly once, however many processes raced to apply it.
      expect(rows[0].n).toBe(migrationCount());
      await Promise.all(opened.map((d) => d.close()));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
