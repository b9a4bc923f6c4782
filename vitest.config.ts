import { defineConfig } from 'vitest/config';

// One runner for the whole repo; each package is a project so its environment can differ
// (the web app's component tests run in jsdom, everything else in Node).
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/web/vitest.e2e.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
