import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './server';

/**
 * A production build into `outDir`. Vitest sets NODE_ENV=test, which would give React's
 * development build and `import.meta.env.PROD === false` (no service worker): force production.
 */
export async function buildWeb(outDir: string): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: join(REPO_ROOT, 'packages/web'),
      configFile: join(REPO_ROOT, 'packages/web/vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}
