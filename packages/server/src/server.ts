/**
 * The server process: configuration from the environment, listen, and a graceful shutdown on
 * SIGTERM/SIGINT — stop accepting, let in-flight requests finish, close jobs and the database,
 * exit 0. A second signal, or a shutdown that hangs, exits at once.
 */
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(
      () => {
        app.log.error('shutdown took too long; exiting');
        process.exit(1);
      },
      (config.shutdownTimeoutSeconds ?? 30) * 1000,
    );
    timer.unref();
    // Keep-alive sockets of requests that were in flight stay open for keepAliveTimeout once
    // answered; closing idle ones repeatedly lets close() finish as soon as the work is done.
    const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
    sweeper.unref();
    app.close().then(
      () => {
        app.log.info('shut down cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info(
    {
      port,
      database: config.databaseUrl ? 'postgres' : `pglite:${config.dataDir}`,
      jobs: config.redisUrl ? 'bullmq' : 'worker threads',
    },
    `Flow Forecaster listening on http://localhost:${port}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
