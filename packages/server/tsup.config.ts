import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

/**
 * The production build of the server and the BullMQ worker (`npm run build -w packages/server`,
 * run by `npm start` when needed and by the Docker image): one ESM bundle per process entry in
 * dist/bin, with the workspace packages (engine, schemas, connectors, worker) inlined and every
 * npm dependency left to node_modules. Nothing in production compiles TypeScript at run time.
 *
 * Why dist/bin: the server finds its files relative to its modules (db/migrate.ts: ../../drizzle,
 * plugins/web.ts: ../../../web/dist, routes/mcp.ts: ../../package.json), all two folders below
 * packages/server, and so is dist/bin; pglite-initdb.mjs (a script run by path) is copied beside.
 */
export default defineConfig({
  entry: {
    server: 'src/server.ts',
    migrate: 'src/migrate.ts',
    'grant-admin': 'src/grant-admin.ts',
    'bull-worker': '../worker/src/bull-worker.ts',
    'pool-thread': '../worker/src/pool-thread.ts',
    // Operations commands an image runs too (`npm run backup`, the worker's health check).
    backup: '../../scripts/backup.ts',
    restore: '../../scripts/restore.ts',
    queue: '../../scripts/queue.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist/bin',
  clean: true,
  splitting: true,
  sourcemap: true,
  dts: false,
  // Bare imports stay external except the workspace's own packages, which export TypeScript.
  external: [/^[^./]/],
  noExternal: [/^@flow-forecaster\//],
  onSuccess: async () => {
    copyFileSync('src/db/pglite-initdb.mjs', 'dist/bin/pglite-initdb.mjs');
  },
});
