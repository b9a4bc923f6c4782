/**
 * A connection's tracker URL cannot point the server at its own network (SSRF): refused when
 * saved (400 naming the field) and again at every sync, manual or scheduled, whatever was
 * stored; ALLOW_PRIVATE_TRACKER_URLS=true lets a server on a private network reach one.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../connectors/test/fixture-server';
import type { FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers } from '../../connectors/test/fixtures/jira';
import { loadConfig } from '../src/config';
import { runDueSyncs } from '../src/connections/scheduler';
import { connections } from '../src/db/schema';
import { createProject, createTestApp, databases, jiraSettings, login } from './helper';
import type { Caller, TestApp } from './helper';

const KEY = randomBytes(32);

describe.each(databases)('tracker URLs inside the server’s network on %s', (db) => {
  let t: TestApp;
  let a: Caller;
  let jira: FixtureServer;
  let projectId: string;

  beforeAll(async () => {
    jira = await startFixtureServer(jiraHandlers());
    t = await createTestApp({ db, config: { connectionKey: KEY } });
    a = await login(t.app);
    projectId = await createProject(t.app, a);
  });
  afterAll(async () => {
    await t?.close();
    await jira?.close();
  });

  const base = () => `/api/projects/${projectId}/connections`;
  const create = (settings: object) =>
    t.app.inject({
      method: 'POST',
      url: base(),
      headers: a.headers,
      payload: { name: 'board', settings, token: 'secret-token' },
    });

  it.each([
    [{ tracker: 'jira', url: 'LOCAL', jql: 'project = PAY' }, 'settings.url'],
    [{ tracker: 'jira', url: 'http://2130706433:9/', jql: 'project = PAY' }, 'settings.url'],
    [{ tracker: 'jira', url: 'http://localhost:9/', jql: 'x' }, 'settings.url'],
    [
      { tracker: 'ado', org: 'http://169.254.169.254/acme', project: 'P', wiql: 'x' },
      'settings.org',
    ],
    [{ tracker: 'github', repo: 'a/b', apiUrl: 'http://[::ffff:127.0.0.1]:9' }, 'settings.apiUrl'],
    [
      { tracker: 'linear', team: 'PAY', apiUrl: 'http://[fd00:ec2::254]/graphql' },
      'settings.apiUrl',
    ],
    [{ tracker: 'github', repo: 'a/b', apiUrl: 'http://0x0a.0.0.1/' }, 'settings.apiUrl'],
  ])('refuses %o with a 400 naming %s', async (settings, field) => {
    const withUrl = JSON.parse(JSON.stringify(settings).replace('LOCAL', jira.url)) as object;
    const res = await create(withUrl);
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; field: string; message: string } };
    expect(error.code).toBe('FF_ERR_VALIDATION');
    expect(error.field).toBe(field);
    expect(error.message).toContain('ALLOW_PRIVATE_TRACKER_URLS');
    expect(jira.requests).toHaveLength(0);
  });

  it('accepts a public address, refuses a change to a private one, and checks again at every sync', async () => {
    const created = await create({ tracker: 'jira', url: 'https://93.184.216.34', jql: 'x' });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: string }).id;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `${base()}/${id}`,
      headers: a.headers,
      payload: { settings: { tracker: 'jira', url: jira.url, jql: 'x' } },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.field).toBe('settings.url');

    // Whatever is stored (an older version, a name that now resolves elsewhere), a sync
    // refuses the address when it connects.
    await t.app.db
      .update(connections)
      .set({ settings: { url: jira.url, jql: 'x' }, syncEveryMinutes: 60, lastSyncAt: null })
      .where(eq(connections.id, id));
    const sync = await t.app.inject({
      method: 'POST',
      url: `${base()}/${id}/sync`,
      headers: a.headers,
    });
    expect(sync.statusCode).toBe(200);
    expect(sync.json().outcome.status).toBe('failed');
    expect(sync.json().outcome.error).toMatch(/127\.0\.0\.1.*private, loopback or link-local/);
    await t.app.db
      .update(connections)
      .set({ lastSyncAt: null, lastSyncStatus: null })
      .where(eq(connections.id, id));
    expect(await runDueSyncs(t.app, KEY, new Date(), { wait: true })).toBe(1);
    const [row] = await t.app.db.select().from(connections).where(eq(connections.id, id));
    expect(row!.lastSyncStatus).toBe('failed');
    expect(row!.lastSyncError).toMatch(/private, loopback or link-local/);
    expect(jira.requests).toHaveLength(0);
  });
});

describe('ALLOW_PRIVATE_TRACKER_URLS', () => {
  it('is off unless set, and lets a server reach a tracker on its own network when set', async () => {
    expect(loadConfig({}).allowPrivateTrackerUrls).toBe(false);
    expect(loadConfig({ ALLOW_PRIVATE_TRACKER_URLS: 'true' }).allowPrivateTrackerUrls).toBe(true);
    const jira = await startFixtureServer(jiraHandlers());
    const t = await createTestApp({
      db: 'pglite',
      config: { connectionKey: KEY, allowPrivateTrackerUrls: true },
    });
    try {
      const a = await login(t.app);
      const projectId = await createProject(t.app, a, 'Local');
      const url = `/api/projects/${projectId}/connections`;
      const created = await t.app.inject({
        method: 'POST',
        url,
        headers: a.headers,
        payload: {
          name: 'local',
          settings: jiraSettings(jira.url),
          token: 'secret-token',
        },
      });
      expect(created.statusCode).toBe(201);
      const sync = await t.app.inject({
        method: 'POST',
        url: `${url}/${created.json().id}/sync`,
        headers: a.headers,
      });
      expect(sync.json().outcome).toEqual({ status: 'ok', summary: expect.anything() });
    } finally {
      await t.close();
      await jira.close();
    }
  });
});
