/**
 * `npm run migrate`: applies pending migrations to the configured database and exits. The
 * server does the same at start; this is for deploys that migrate before rolling out.
 */
import { loadConfig } from './config';
import { openDatabase } from './db/client';

const config = loadConfig();
const target = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.close();
  console.log(`Migrations applied to ${target}.`);
} catch (err) {
  console.error(`Migrating ${target} failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
