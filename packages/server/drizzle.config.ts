import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline (`npx drizzle-kit generate` in packages/server) and
// committed; the server applies them at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
