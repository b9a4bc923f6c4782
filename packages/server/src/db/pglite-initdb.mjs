// Creates a new PGlite data directory and exits: `node pglite-initdb.mjs <dir>`.
// initdb runs in its own process because its WebAssembly heap (≈ 700 MB resident) would
// otherwise stay with the server for its whole life; the server then opens the ready directory.
import { PGlite } from '@electric-sql/pglite';

const db = new PGlite(process.argv[2]);
await db.waitReady;
await db.close();
