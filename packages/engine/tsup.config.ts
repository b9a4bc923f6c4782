import { defineConfig } from 'tsup';

/**
 * The published engine: ESM JavaScript plus one bundled declaration file. The monorepo itself
 * keeps importing `src/` through its `exports`; `scripts/pack.mjs` points the published
 * manifest at `dist/`.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  clean: true,
  sourcemap: true,
  outDir: 'dist',
});
