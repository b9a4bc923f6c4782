import { defineConfig } from 'vitest/config';

// Browser scenarios in real headless Chromium against the real server. One file at a time:
// each launches Chromium and some start servers of their own, which is plenty for 2 cores.
export default defineConfig({
  test: {
    name: 'web-e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
