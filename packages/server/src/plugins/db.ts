import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Database, Db } from '../db/client';
import { createRepositories } from '../repositories';
import type { Repositories } from '../repositories';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
    repos: Repositories;
  }
}

/** Makes an open database available to every route; closes it when the app closes. */
async function dbPlugin(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
  app.decorate('repos', createRepositories(opts.database.db));
  app.addHook('onClose', async () => {
    await opts.database.close();
  });
}

export default fp(dbPlugin, { name: 'ff-db' });
