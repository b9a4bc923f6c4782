/**
 * Edges of tracker connections in the server. A sync the tracker rate-limits waits as asked and
 * says so in its summary. Backups carry tracker connections with their tokens still encrypted and their last good pull:
 * restored on a server with the same CONNECTION_KEY they sync on; with another key the sync
 * says what to do instead of failing obscurely, and the data already pulled stays.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../connectors/test/fixture-server';
import type { FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers } from '../../connectors/test/fixtures/jira';
import { backupDatabase, restoreDatabase } from '../src/backup';
import { startSync, syncConnection } from '../src/connections/sync';
import { connections } from '../src/db/schema';
import { createProject, createTestApp, jiraSettings, login, uniqueEmail } from './helper';
import type { TestApp } from './helper';

const KEY = randomBytes(32);

describe('tracker connections: rate limits and backups', () => {
  let t: TestApp;
  let jira: FixtureServer;
  let limited: FixtureServer;
  beforeAll(async () => {
    jira = await startFixtureServer(jiraHandlers());
    limited = await startFixtureServer(jiraHandlers({ rateLimitOnce: '3' }));
    t = await createTestApp({
      db: 'pglite',
      config: { connectionKey: KEY, allowPrivateTrackerUrls: true },
      build: { connections: { retry: { sleep: async () => {} } } },
    });
    // A fresh PGlite database takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await jira?.close();
    await limited?.close();
  });

  /** A user, a project and a Jira connection to `url`, synced once. */
  async function connectAndSync(url: string, email = uniqueEmail('conn')) {
    const a = await login(t.app, email);
    const projectId = await createProject(t.app, a);
    const base = `/api/projects/${projectId}/connections`;
    const created = await t.app.inject({
      method: 'POST',
      url: base,
      headers: a.headers,
      payload: {
        name: 'PAY',
        settings: jiraSettings(url),
        token: 'secret-token',
      },
    });
    const id = created.json().id as string;
    const sync = await t.app.inject({
      method: 'POST',
      url: `${base}/${id}/sync`,
      headers: a.headers,
    });
    return { a, base, id, outcome: sync.json().outcome as Record<string, unknown> };
  }

  it('a rate-limited sync waits as the tracker asked and says so', async () => {
    const { a, base, id, outcome } = await connectAndSync(limited.url);
    expect(outcome).toMatchObject({
      status: 'ok',
      summary: { items: 9, waitedSeconds: 3 },
    });
    const view = await t.app.inject({ url: `${base}/${id}`, headers: a.headers });
    expect(view.json().lastSync.summary).toMatchObject({ waitedSeconds: 3 });
    // The token was read at every step, never answered back.
    expect(view.body).not.toContain('secret-token');
  });

  it('keeps tokens encrypted, restores with the same key, says what to do with another', async () => {
    const email = uniqueEmail('conn');
    const first = await connectAndSync(jira.url, email);
    let a = first.a;
    const { base, id } = first;
    expect(first.outcome.status).toBe('ok');

    const backup = await backupDatabase(t.app.db);
    expect(backup.tables.connections).toHaveLength(2);
    expect(JSON.stringify(backup)).not.toContain('secret-token');
    await restoreDatabase(t.app.db, JSON.parse(JSON.stringify(backup)) as typeof backup, {
      replace: true,
    });
    // Restoring logs everyone out.
    a = await login(t.app, email);
    const items = await t.app.inject({ url: `${base}/${id}/items`, headers: a.headers });
    expect(items.json().items).toHaveLength(9);
    const again = await t.app.inject({
      method: 'POST',
      url: `${base}/${id}/sync`,
      headers: a.headers,
    });
    expect(again.json().outcome.status).toBe('ok');

    // Another server's key: the sync says so, and the pulled items stay.
    const [row] = await t.app.db.select().from(connections).where(eq(connections.id, id));
    const outcome = await syncConnection(t.app.jobs, t.app.db, randomBytes(32), row!);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('CONNECTION_KEY'),
    });
    const kept = await t.app.inject({ url: `${base}/${id}/items`, headers: a.headers });
    expect(kept.json().items).toHaveLength(9);
  });
  it('a sync job that fails or is cancelled releases the connection at once', async () => {
    const { a, base, id } = await connectAndSync(jira.url);
    const [row] = await t.app.db.select().from(connections).where(eq(connections.id, id));
    // A scheduled sync: queued, nobody waiting on it. Its job ends without a success.
    const started = await startSync(t.app.jobs, t.app.db, KEY, row!, { full: true });
    expect(started.status).toBe('queued');
    if (started.status !== 'queued') return;
    expect(await t.app.jobs.cancel(started.jobId)).toBe(true);
    await expect
      .poll(async () => {
        const view = await t.app.inject({ url: `${base}/${id}`, headers: a.headers });
        return view.json().lastSync;
      })
      .toMatchObject({ status: 'failed', error: 'The job was cancelled' });
    // Not "already running" for the next quarter of an hour: a refresh syncs now.
    const again = await t.app.inject({
      method: 'POST',
      url: `${base}/${id}/sync`,
      headers: a.headers,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().outcome.status).toBe('ok');
  });
});
