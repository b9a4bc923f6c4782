import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { HOLIDAY_CHUNK, OFFLINE_HOLIDAY_COUNTRIES, holidayChunks } from './holiday-chunks';

const offlineCountries: readonly string[] = OFFLINE_HOLIDAY_COUNTRIES;

/**
 * Emits `sw.js` with the list of every file of this build (holiday chunks: the default
 * countries' only), so the service worker can cache the
 * whole app (lazy pages, chart chunks and the engine worker included) on the first visit and a
 * forecast still runs offline afterwards. A hand-written worker keeps us off a PWA plugin.
 */
function serviceWorker(): Plugin {
  return {
    name: 'ff-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && !f.startsWith('.vite/') && f !== 'index.html')
        // Of the holiday chunks, only the default countries' are cached at install; another
        // country is cached the first time it is loaded online.
        .filter((f) => {
          const country = HOLIDAY_CHUNK.exec(f)?.[1];
          return country === undefined || offlineCountries.includes(country);
        })
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./sw/sw.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('/* precache */ []', JSON.stringify(['/', ...files.map((f) => `/${f}`)]))
          .replace('__VERSION__', version),
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), holidayChunks(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
