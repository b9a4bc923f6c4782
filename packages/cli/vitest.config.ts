import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cli',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The end-to-end tests spawn `ff` (tsx start-up ≈ 1 s of CPU each); on 2 busy cores a
    // spawn can take several seconds, which is slow, not broken.
    testTimeout: 120_000,
    maxConcurrency: 4,
  },
});
