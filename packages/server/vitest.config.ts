import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['../engine/test/seeded-properties.ts'],
    // Booting PGlite (WASM) takes seconds on a busy machine; the first one per file the longest.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
