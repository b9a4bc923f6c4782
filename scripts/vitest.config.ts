import { defineConfig } from 'vitest/config';

// Checks of the repository itself (its scripts and the rules they enforce), run with the rest.
export default defineConfig({
  test: {
    name: 'scripts',
    include: ['**/*.test.ts'],
    environment: 'node',
    // Scanning every source file with the TypeScript parser takes seconds on a busy machine.
    testTimeout: 60_000,
  },
});
