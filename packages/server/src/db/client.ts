import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schema } from './schema';
import { acquireDirLock } from './lock-file';
import { migratePglite, migratePostgres, migrationsFingerprint } from './migrate';

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
  /**
   * A directory where a dump of a freshly migrated PGlite is kept and reused by new databases
   * (in memory or in a new data directory). Tests set it; each new database then loads in well
   * under a second instead of booting and migrating for several.
   */
  pgliteTemplateDir?: string;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, opts);
  return openPglite(url === 'memory://' ? undefined : resolve(opts.dataDir ?? './data'), opts);
}

/**
 * Each database's driver loads when it is opened: a process on PostgreSQL never loads PGlite's
 * WebAssembly build and its drizzle adapter, nor a PGlite one pg (a few MB and ~0.1 s of start
 * each).
 */
async function pgliteModules() {
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  return { PGlite, drizzlePglite: drizzle };
}

// Booting a fresh PGlite and migrating it takes seconds; loading a dump of an already migrated
// one takes a fraction of that, which matters for tests that make a database per case.
let memoryTemplate: Promise<Blob> | undefined;
const TEMPLATE_PREFIX = 'ff-pglite-template-';

async function buildTemplate(): Promise<Blob> {
  const { PGlite, drizzlePglite } = await pgliteModules();
  const seed = new PGlite();
  await seed.waitReady;
  await migratePglite(drizzlePglite({ client: seed }));
  const dump = await seed.dumpDataDir('none');
  await seed.close();
  return dump;
}

/** The dump for the current migrations, shared through `dir` between processes when given. */
async function migratedTemplate(dir?: string): Promise<Blob> {
  memoryTemplate ??= (async () => {
    if (!dir) return buildTemplate();
    const file = join(dir, `${TEMPLATE_PREFIX}${migrationsFingerprint()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const dump = await buildTemplate();
    // Written under a unique name and renamed: a concurrent reader never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  })();
  try {
    return await memoryTemplate;
  } catch (err) {
    memoryTemplate = undefined;
    throw err;
  }
}

/**
 * PostgreSQL's default 128 MB of shared buffers is sized for a server with many clients; one
 * embedded connection on a workshop laptop (or a 512 MB machine) needs far less, and every
 * megabyte of it stays resident in the WebAssembly heap.
 */
const PGLITE_CONF = 'shared_buffers = 16MB\nwork_mem = 4MB\n';
const INITDB_SCRIPT = fileURLToPath(new URL('./pglite-initdb.mjs', import.meta.url));

/** initdb in a child process, so its memory goes when it exits (see pglite-initdb.mjs). */
function initialiseDataDir(pgliteDir: string): void {
  const r = spawnSync(process.execPath, [INITDB_SCRIPT, pgliteDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) {
    throw new Error(`could not create the database in ${pgliteDir}: ${r.stderr || r.error}`);
  }
}

async function startPglite(
  pgliteDir: string | undefined,
  template: Blob | undefined,
  templateDir: string | undefined,
): Promise<PGlite> {
  const { PGlite } = await pgliteModules();
  if (!template) {
    if (pgliteDir && !isInitialised(pgliteDir)) initialiseDataDir(pgliteDir);
    const plain = new PGlite(pgliteDir, { postgresqlconf: PGLITE_CONF });
    await plain.waitReady;
    return plain;
  }
  try {
    const client = new PGlite(pgliteDir, { loadDataDir: template, postgresqlconf: PGLITE_CONF });
    await client.waitReady;
    return client;
  } catch {
    // A cached dump from another PGlite version may not load: forget it and start plainly
    // (the migrations then run as they would without a template).
    memoryTemplate = undefined;
    if (templateDir) {
      for (const f of readdirSync(templateDir)) {
        if (f.startsWith(TEMPLATE_PREFIX)) rmSync(join(templateDir, f), { force: true });
      }
    }
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    const plain = new PGlite(pgliteDir, { postgresqlconf: PGLITE_CONF });
    await plain.waitReady;
    return plain;
  }
}

function isInitialised(pgliteDir: string): boolean {
  return existsSync(join(pgliteDir, 'PG_VERSION'));
}

async function openPglite(
  dataDir: string | undefined,
  opts: OpenDatabaseOptions,
): Promise<Database> {
  const release = dataDir ? acquireDirLock(dataDir) : () => {};
  let client: PGlite;
  try {
    const useTemplate = opts.migrate !== false && (!dataDir || opts.pgliteTemplateDir);
    const pgliteDir = dataDir ? join(dataDir, 'pglite') : undefined;
    const template =
      useTemplate && !(pgliteDir && isInitialised(pgliteDir))
        ? await migratedTemplate(opts.pgliteTemplateDir)
        : undefined;
    client = await startPglite(pgliteDir, template, opts.pgliteTemplateDir);
  } catch (err) {
    release();
    throw err;
  }
  const { drizzlePglite } = await pgliteModules();
  const db = drizzlePglite({ client, schema });
  try {
    if (opts.migrate !== false) await migratePglite(db);
  } catch (err) {
    await client.close().catch(() => {});
    release();
    throw err;
  }
  return databaseHandle(
    db as unknown as Db,
    'pglite',
    () => client.query('select 1'),
    async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  );
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema });
  try {
    if (opts.migrate !== false) await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return databaseHandle(
    db as unknown as Db,
    'postgres',
    () => db.execute(sql`select 1`),
    () => pool.end(),
  );
}

/**
 * A Database around an open driver, the same for both: `closed` once closed, a ping after
 * that refused without touching the driver, and the driver's close run once however often
 * close() is called (shutdown paths may call it twice).
 */
function databaseHandle(
  db: Db,
  kind: Database['kind'],
  query: () => Promise<unknown>,
  closeDriver: () => Promise<void>,
): Database {
  let closed = false;
  return {
    db,
    kind,
    get closed() {
      return closed;
    },
    async ping() {
      if (closed) throw new Error('database is closed');
      await query();
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeDriver();
    },
  };
}
