import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { holidayChunks } from './holiday-chunks';

export default defineConfig({
  plugins: [react(), holidayChunks()],
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    testTimeout: 60_000,
  },
});
