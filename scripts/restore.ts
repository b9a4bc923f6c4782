/**
 * `npm run restore -- <file.json> [--replace]`: loads a backup written by `npm run backup`
 * into the configured database (DATABASE_URL or DATA_DIR), migrating it first. The target
 * must be empty unless --replace, which deletes the application's rows first. All or nothing:
 * one transaction.
 */
import { readFileSync } from 'node:fs';
import { loadConfig, openDatabase, restoreDatabase } from '@flow-forecaster/server';
import type { Backup } from '@flow-forecaster/server';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run restore -- <backup.json> [--replace]');
  process.exit(2);
}
const config = loadConfig();
try {
  const backup = JSON.parse(readFileSync(file, 'utf8')) as Backup;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const counts = await restoreDatabase(database.db, backup, { replace });
    const summary = Object.entries(counts).map(([t, n]) => `${t} ${n}`);
    console.log(`Restored ${file} into ${database.kind}: ${summary.join(', ')}`);
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
