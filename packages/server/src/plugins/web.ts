import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const defaultWebDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Flow Forecaster</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Flow Forecaster API is running</h1>
<p>The web app has not been built. Run <code>npm start</code> (it builds it) or
<code>npx vite build</code> in <code>packages/web</code>, then reload.</p>
<p>The API is documented at <a href="/docs">/docs</a>.</p></body></html>`;

/**
 * Serves the built web app: hashed files under /assets are immutable for a year, index.html is
 * revalidated every time so a deploy is picked up at once.
 */
async function webPlugin(app: FastifyInstance, opts: { dist?: string }): Promise<void> {
  const dist = opts.dist ?? defaultWebDist;
  const built = existsSync(join(dist, 'index.html'));
  app.decorate('webAppBuilt', built);
  if (!built) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => {
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      return NOT_BUILT_PAGE;
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    index: false,
    wildcard: true,
    // Our own Cache-Control below, per kind of file.
    cacheControl: false,
    setHeaders(res, path) {
      const p = path.replace(/\\/g, '/');
      res.setHeader(
        'cache-control',
        p.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    webAppBuilt: boolean;
  }
}

export default fp(webPlugin, { name: 'ff-web' });
