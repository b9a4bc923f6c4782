/**
 * Syncs in a scaled deployment: two web nodes on one PostgreSQL and one Redis (BullMQ), and a
 * worker. Both nodes' schedulers tick at the same moment; the tracker sees one sync, a worker
 * runs it (web nodes on BullMQ run no jobs), and either node's "refresh" goes the same way. The
 * worker keeps its own SSRF guard: without ALLOW_PRIVATE_TRACKER_URLS it refuses the local
 * tracker whatever the web nodes allow.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  CONNECTOR_SYNC_KIND,
  createForecastProcessor,
  withSyncJobs,
} from '@flow-forecaster/worker';
import { startBullWorker } from '@flow-forecaster/worker/bull';
import type { BullWorkerHandle, Processor } from '@flow-forecaster/worker';
import { startFixtureServer } from '../../connectors/test/fixture-server';
import type { FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers } from '../../connectors/test/fixtures/jira';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { runDueSyncs } from '../src/connections/scheduler';
import { connections } from '../src/db/schema';
import { ADMIN_DATABASE_URL, createProject, jiraSettings, login, adminQuery } from './helper';
import type { Caller } from './helper';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

const KEY = randomBytes(32);

const admin = adminQuery;

describe('tracker syncs on two web nodes and a BullMQ worker', { timeout: 120_000 }, () => {
  const dbName = `ff_connscaled_${randomBytes(5).toString('hex')}`;
  const prefix = uniquePrefix('connsync');
  let nodes: FastifyInstance[] = [];
  let worker: BullWorkerHandle | undefined;
  let jira: FixtureServer;
  let caller: Caller;
  let projectId: string;
  const ranOnWorker: string[] = [];

  const startWorker = (allowPrivate: boolean) => {
    const processor = withSyncJobs(createForecastProcessor(), { key: KEY, allowPrivate });
    const recording: Processor = (job, signal, report) => {
      if (job.kind === CONNECTOR_SYNC_KIND) ranOnWorker.push(job.id);
      return processor(job, signal, report);
    };
    return startBullWorker({ redisUrl: REDIS_URL, prefix, processor: recording, concurrency: 2 });
  };

  beforeAll(async () => {
    await admin(`create database ${dbName}`);
    const url = new URL(ADMIN_DATABASE_URL);
    url.pathname = `/${dbName}`;
    jira = await startFixtureServer(jiraHandlers());
    const config = {
      ...loadConfig({ LOG_LEVEL: 'silent' }),
      databaseUrl: url.toString(),
      redisUrl: REDIS_URL,
      webDist: join(tmpdir(), 'ff-no-web-dist'),
      rateLimit: { max: 100_000, windowSeconds: 60, authMax: 10_000 },
      firstUserAdmin: true,
      connectionKey: KEY,
      allowPrivateTrackerUrls: true,
    };
    // One after the other: the first migrates the database.
    for (let i = 0; i < 2; i++) {
      const app = await buildApp(config, { jobs: { prefix, threads: 1 } });
      await app.ready();
      nodes.push(app);
    }
    worker = startWorker(true);
    await worker.worker.waitUntilReady();
    await login(nodes[0]!);
    caller = await login(nodes[0]!);
    projectId = await createProject(nodes[0]!, caller);
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.allSettled(nodes.map((n) => n.close()));
    nodes = [];
    await jira?.close();
    await deletePrefix(prefix);
    await admin(`drop database if exists ${dbName} with (force)`);
  });

  const searches = () => jira.requests.filter((r) => r.path === '/rest/api/3/search/jql').length;

  it('one sync per schedule tick, run by the worker, stored once', async () => {
    const created = await nodes[1]!.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections`,
      headers: caller.headers,
      payload: {
        name: 'hourly',
        settings: jiraSettings(jira.url),
        token: 'secret-token',
        syncEveryMinutes: 60,
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const before = searches();
    const now = new Date();
    const [a, b] = await Promise.all(
      nodes.map((node) => runDueSyncs(node, KEY, now, { wait: true })),
    );
    expect(a! + b!).toBe(1);
    expect(ranOnWorker).toHaveLength(1);
    // One pull of the fixture's pages (4 per page), not two.
    const pulled = searches() - before;
    expect(pulled).toBeGreaterThan(0);
    const [row] = await nodes[0]!.db.select().from(connections).where(eq(connections.id, id));
    expect(row!.lastSyncStatus).toBe('ok');
    expect(row!.lastSyncSummary).toMatchObject({ items: 9, added: 9 });
    // The next tick at the same moment finds nothing due on either node.
    const again = await Promise.all(nodes.map((node) => runDueSyncs(node, KEY, now)));
    expect(again).toEqual([0, 0]);
    expect(ranOnWorker).toHaveLength(1);

    // "Refresh" on the other node: queued, run by the worker, answered there.
    const refreshed = await nodes[1]!.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${id}/sync?full=true`,
      headers: caller.headers,
    });
    expect(refreshed.json().outcome).toMatchObject({ status: 'ok', summary: { items: 9 } });
    expect(ranOnWorker).toHaveLength(2);
    expect(searches() - before).toBe(pulled * 2);
  });

  it('the worker keeps its own SSRF guard', async () => {
    await worker!.close();
    worker = startWorker(false);
    await worker.worker.waitUntilReady();
    const [row] = await nodes[0]!.db.select().from(connections);
    const before = jira.requests.length;
    const refreshed = await nodes[0]!.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${row!.id}/sync`,
      headers: caller.headers,
    });
    expect(refreshed.json().outcome).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/private, loopback or link-local/),
    });
    expect(jira.requests.length).toBe(before);
    // The good data stays.
    const [after] = await nodes[0]!.db.select().from(connections);
    expect(after!.lastSyncSummary).toMatchObject({ items: 9 });
  });
});
