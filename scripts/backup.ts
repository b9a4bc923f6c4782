/**
 * `npm run backup [-- <file.json>]`: writes the application's tables (users, API tokens,
 * projects, forecasts, actuals, deliveries) as JSON. The database is the one the server would use:
 * DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite — stop the server first: one process
 * per data directory). Default file: backups/flow-forecaster-<timestamp>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupDatabase, loadConfig, openDatabase } from '@flow-forecaster/server';

const config = loadConfig();
const file = resolve(
  process.argv[2] ??
    `backups/flow-forecaster-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const backup = await backupDatabase(database.db);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(backup)}\n`, { mode: 0o600 });
    const counts = Object.entries(backup.tables).map(([t, rows]) => `${t} ${rows.length}`);
    console.log(`Backed up ${database.kind} to ${file}: ${counts.join(', ')}`);
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
