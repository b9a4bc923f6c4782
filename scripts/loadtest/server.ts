/**
 * The server a load scenario talks to: `--url` for one already running (e.g. the scaled
 * deployment), otherwise the embedded default started here on a random port with an
 * in-memory database and the in-process worker pool (or BullMQ if REDIS_URL is set).
 */
import { buildApp, loadConfig } from '@flow-forecaster/server';

export interface Target {
  url: string;
  close(): Promise<void>;
}

export async function startTarget(url: string): Promise<Target> {
  if (url) return { url: url.replace(/\/$/, ''), close: async () => undefined };
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'memory://',
    // A load test is one client address making thousands of calls: lift the per-client limit.
    RATE_LIMIT_MAX: '100000000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
