import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'connectors',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
