import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any fixed number works; it only has to be the same in every process of this app.
const MIGRATION_LOCK_KEY = 727_274_001;

export async function migratePglite<T extends Record<string, unknown>>(
  db: PgliteDatabase<T>,
): Promise<void> {
  // The data-dir lock file already guarantees a single process. Each driver's migrator loads with
  // its database (see client.ts).
  const { migrate: migrateWithPglite } = await import('drizzle-orm/pglite/migrator');
  await migrateWithPglite(db, { migrationsFolder });
}

/**
 * Several web nodes may start at once against one database; the advisory lock makes the others
 * wait until the first has applied the migrations, after which they find nothing to do.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const [{ migrate: migrateWithPg }, { drizzle: drizzlePg }] = await Promise.all([
    import('drizzle-orm/node-postgres/migrator'),
    import('drizzle-orm/node-postgres'),
  ]);
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateWithPg(drizzlePg({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Changes whenever a migration is added or edited: names cached templates. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(migrationsFolder, name)));
  }
  hash.update(readFileSync(join(migrationsFolder, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}
