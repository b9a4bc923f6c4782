import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { join, resolve } from 'node:path';
import { schema } from './schema';
import { acquireDirLock } from './lock-file';
import { migratePglite, migratePostgres } from './migrate';

/** The query layer both back ends share; repositories only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  readonly closed: boolean;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; `memory://` for an in-memory PGlite; absent for PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Apply pending migrations before returning (the default). */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, opts);
  return openPglite(url === 'memory://' ? undefined : resolve(opts.dataDir ?? './data'), opts);
}

// Booting a fresh PGlite and migrating it takes seconds; loading a dump of an already migrated
// one takes a fraction of that, which matters for tests that make a database per case.
let memoryTemplate: Promise<Blob> | undefined;

async function migratedTemplate(): Promise<Blob> {
  memoryTemplate ??= (async () => {
    const seed = new PGlite();
    await seed.waitReady;
    await migratePglite(drizzlePglite({ client: seed }));
    const dump = await seed.dumpDataDir('none');
    await seed.close();
    return dump;
  })();
  try {
    return await memoryTemplate;
  } catch (err) {
    memoryTemplate = undefined;
    throw err;
  }
}

async function openPglite(
  dataDir: string | undefined,
  opts: OpenDatabaseOptions,
): Promise<Database> {
  const release = dataDir ? acquireDirLock(dataDir) : () => {};
  let client: PGlite;
  try {
    client = dataDir
      ? new PGlite(join(dataDir, 'pglite'))
      : opts.migrate === false
        ? new PGlite()
        : new PGlite({ loadDataDir: await migratedTemplate() });
    await client.waitReady;
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite({ client, schema });
  let closed = false;
  try {
    if (opts.migrate !== false) await migratePglite(db);
  } catch (err) {
    await client.close().catch(() => {});
    release();
    throw err;
  }
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    get closed() {
      return closed;
    },
    async ping() {
      if (closed) throw new Error('database is closed');
      await client.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema });
  let closed = false;
  try {
    if (opts.migrate !== false) await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    get closed() {
      return closed;
    },
    async ping() {
      if (closed) throw new Error('database is closed');
      await db.execute(sql`select 1`);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
