import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../connectors/test/fixture-server';
import type { FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers, jiraIssue, jiraIssues } from '../../connectors/test/fixtures/jira';
import { runDueSyncs } from '../src/connections/scheduler';
import { decryptToken, encryptToken } from '../src/connections/token-crypto';
import { connections } from '../src/db/schema';
import { createProject, createTestApp, databases, login } from './helper';
import type { Caller, TestApp } from './helper';

const KEY = randomBytes(32);
const TOKEN = 'secret-token';

describe('token encryption', () => {
  it('round-trips, uses a fresh nonce each time and refuses a tampered or foreign ciphertext', () => {
    const a = encryptToken(KEY, TOKEN);
    expect(a).not.toContain(TOKEN);
    expect(encryptToken(KEY, TOKEN)).not.toBe(a);
    expect(decryptToken(KEY, a)).toBe(TOKEN);
    const parts = a.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      decryptToken(KEY, [...parts.slice(0, 3), flipped.toString('base64url')].join('.')),
    ).toThrow();
    expect(() => decryptToken(randomBytes(32), a)).toThrow();
  });
});

describe.each(databases)('tracker connections on %s', (db) => {
  let t: TestApp;
  let a: Caller;
  let b: Caller;
  let jira: FixtureServer;
  let issues = jiraIssues();
  let projectId: string;

  beforeAll(async () => {
    // The fixture reads `issues` on every request, so a test can change the tracker's data.
    jira = await startFixtureServer(jiraHandlers({ issues: () => issues }));
    t = await createTestApp({
      db,
      config: { connectionKey: KEY, allowPrivateTrackerUrls: true },
      build: { connections: { retry: { sleep: async () => {} } } },
    });
    await login(t.app);
    a = await login(t.app);
    b = await login(t.app);
    projectId = await createProject(t.app, a);
  });
  afterAll(async () => {
    await t?.close();
    await jira?.close();
  });

  const create = (caller: Caller, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections`,
      headers: caller.headers,
      payload,
    });
  const jiraSettings = () => ({
    tracker: 'jira',
    url: jira.url,
    jql: 'project = PAY',
    email: 'coach@acme.test',
    timeZone: 'UTC',
    mapping: { "Won't Do": 'canceled', 'Ready for QA': 'inProgress', Shipped: 'done' },
  });

  it('stores the token encrypted, shows only its last four characters, syncs and serves the items', async () => {
    const created = await create(a, { name: 'PAY board', settings: jiraSettings(), token: TOKEN });
    expect(created.statusCode).toBe(201);
    const connection = created.json();
    expect(connection).toMatchObject({
      tracker: 'jira',
      token: '…oken',
      lastSync: null,
      hasData: false,
    });
    expect(JSON.stringify(connection)).not.toContain(TOKEN);
    const [row] = await t.app.db.select().from(connections);
    expect(row!.tokenCiphertext).not.toContain(TOKEN);

    const sync = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${connection.id}/sync`,
      headers: a.headers,
    });
    expect(sync.statusCode).toBe(200);
    expect(sync.json().outcome).toMatchObject({
      status: 'ok',
      summary: { items: 8, added: 8, canceled: 1, incremental: false },
    });
    const items = await t.app.inject({
      url: `/api/projects/${projectId}/connections/${connection.id}/items`,
      headers: a.headers,
    });
    const data = items.json() as {
      items: { id: string; started: string | null; done: string | null }[];
      states: unknown[];
    };
    expect(data.items.find((i) => i.id === 'PAY-1')).toMatchObject({
      started: '2026-01-06',
      done: '2026-01-09',
    });
    expect(data.items.find((i) => i.id === 'PAY-8')).toMatchObject({ done: '2026-01-12' });
    expect(JSON.stringify(data)).not.toContain(TOKEN);

    // Incremental refresh after the tracker changed: one issue finished, one new.
    issues = [
      ...jiraIssues().filter((i) => i.key !== 'PAY-2'),
      jiraIssue('PAY-2', 'Done', '2026-01-05T09:00:00.000+0000', [
        ['2026-01-07T10:00:00.000+0000', 'To Do', 'In Progress'],
        ['2026-01-20T10:00:00.000+0000', 'In Progress', 'Done'],
      ]),
      jiraIssue('PAY-10', 'In Progress', '2026-01-19T09:00:00.000+0000', [
        ['2026-01-20T09:00:00.000+0000', 'To Do', 'In Progress'],
      ]),
    ];
    const refresh = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${connection.id}/sync`,
      headers: a.headers,
    });
    expect(refresh.json().outcome.summary).toMatchObject({ incremental: true, added: 1, items: 9 });
    const searches = jira.requests.filter((r) => r.path === '/rest/api/3/search/jql');
    expect((searches.at(-1)!.body as { jql: string }).jql).toMatch(
      /^\(project = PAY\) AND updated >= "\d{4}-\d{2}-\d{2}"$/,
    );
    const after = (
      await t.app.inject({
        url: `/api/projects/${projectId}/connections/${connection.id}/items`,
        headers: a.headers,
      })
    ).json() as typeof data;
    expect(after.items.find((i) => i.id === 'PAY-2')).toMatchObject({ done: '2026-01-20' });
    expect(after.items.find((i) => i.id === 'PAY-10')).toMatchObject({ started: '2026-01-20' });
  });

  it('a failed sync keeps the good data and says why; a wrong token is reported as such', async () => {
    const created = (
      await create(a, { name: 'wrong token', settings: jiraSettings(), token: 'not-the-token' })
    ).json();
    const sync = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${created.id}/sync`,
      headers: a.headers,
    });
    expect(sync.json().outcome).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('refused the token (401)'),
    });
    expect(sync.json().connection.lastSync).toMatchObject({ status: 'failed' });
    const items = await t.app.inject({
      url: `/api/projects/${projectId}/connections/${created.id}/items`,
      headers: a.headers,
    });
    expect(items.statusCode).toBe(404);

    // A good connection whose tracker goes away keeps its last good data.
    const good = (await create(a, { name: 'good', settings: jiraSettings(), token: TOKEN })).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${good.id}/sync`,
      headers: a.headers,
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${projectId}/connections/${good.id}`,
      headers: a.headers,
      payload: { token: 'revoked!' },
    });
    const failed = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${good.id}/sync`,
      headers: a.headers,
    });
    expect(failed.json().outcome.status).toBe('failed');
    const kept = await t.app.inject({
      url: `/api/projects/${projectId}/connections/${good.id}/items`,
      headers: a.headers,
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().items.length).toBeGreaterThan(5);
  });

  it('adds a delivery check-in counted from the synced items, with their weekly history', async () => {
    const connectionId = (
      await create(a, { name: 'PAY release', settings: jiraSettings(), token: TOKEN })
    ).json().id as string;
    const deliveries = `/api/projects/${projectId}/deliveries`;
    const delivery = await t.app.inject({
      method: 'POST',
      url: deliveries,
      headers: a.headers,
      payload: { name: 'Release 1', start: '2026-01-05', numberOfSimulations: 1000, seed: 3 },
    });
    expect(delivery.statusCode, delivery.body).toBe(201);
    const url = `${deliveries}/${delivery.json().id}/check-ins/from-connection`;
    const checkIn = (caller: Caller, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: caller.headers, payload });

    const early = await checkIn(a, { connectionId, date: '2026-01-20' });
    expect(early.statusCode).toBe(404);
    expect(early.json().error).toMatchObject({ field: 'connectionId', message: /not synced/ });

    await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/connections/${connectionId}/sync`,
      headers: a.headers,
    });
    const { items } = (
      await t.app.inject({
        url: `/api/projects/${projectId}/connections/${connectionId}/items`,
        headers: a.headers,
      })
    ).json() as { items: { created: string; done: string | null }[] };
    const date = '2026-01-12';
    const finished = (i: { done: string | null }) => i.done !== null && i.done <= date;
    const done = items.filter(finished).length;
    const remaining = items.filter((i) => !finished(i) && i.created <= date).length;
    expect(done).toBeGreaterThan(0);
    expect(remaining).toBeGreaterThan(0);

    const added = await checkIn(a, { connectionId, date, note: 'from Jira' });
    expect(added.statusCode, added.body).toBe(201);
    const [first] = added.json().checkIns;
    expect(first).toMatchObject({ date, done, remaining, note: 'from Jira' });
    expect(added.json().history.length).toBeGreaterThan(0);

    expect((await checkIn(b, { connectionId, date: '2026-01-19' })).statusCode).toBe(404);
    const badDate = await checkIn(a, { connectionId, date: '2026-13-40' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.field).toBe('date');
    const stranger = await checkIn(a, { connectionId: randomUUID(), date: '2026-01-19' });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.field).toBe('connectionId');
  });

  it('bad input is a 400 naming the field; other users see nothing; delete removes the token', async () => {
    const bad = await create(a, {
      name: 'x',
      settings: { ...jiraSettings(), url: 'file:///etc/passwd' },
      token: TOKEN,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('settings.url');
    const noRepo = await create(a, {
      name: 'x',
      settings: { tracker: 'github', repo: 'not a repo' },
      token: TOKEN,
    });
    expect(noRepo.json().error.field).toBe('settings.repo');
    const noToken = await create(a, { name: 'x', settings: jiraSettings() });
    expect(noToken.json().error.field).toBe('token');

    const list = await t.app.inject({
      url: `/api/projects/${projectId}/connections`,
      headers: b.headers,
    });
    expect(list.statusCode).toBe(404);
    const mine = (
      await t.app.inject({ url: `/api/projects/${projectId}/connections`, headers: a.headers })
    ).json();
    const id = mine.items[0].id as string;
    expect(
      (
        await t.app.inject({
          url: `/api/projects/${projectId}/connections/${id}/items`,
          headers: b.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/projects/${projectId}/connections/${id}/sync`,
          headers: b.headers,
        })
      ).statusCode,
    ).toBe(404);

    const before = (await t.app.db.select().from(connections)).length;
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/projects/${projectId}/connections/${id}`,
      headers: a.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.db.select().from(connections)).length).toBe(before - 1);
  });

  it('scheduled syncs run when due, once, whichever node asks', async () => {
    const created = (
      await create(a, {
        name: 'hourly',
        settings: jiraSettings(),
        token: TOKEN,
        syncEveryMinutes: 60,
      })
    ).json();
    const key = t.config.connectionKey!;
    const ranFirst = await runDueSyncs(t.app, key, new Date(), { wait: true });
    expect(ranFirst).toBeGreaterThanOrEqual(1);
    const view = (
      await t.app.inject({
        url: `/api/projects/${projectId}/connections/${created.id}`,
        headers: a.headers,
      })
    ).json();
    expect(view.lastSync).toMatchObject({ status: 'ok' });
    // Not due again within the hour; due once the hour has passed.
    expect(await runDueSyncs(t.app, key, new Date(), { wait: true })).toBe(0);
    const hoursAgo = (hours: number) =>
      t.app.db
        .update(connections)
        .set({ lastSyncAt: new Date(Date.now() - hours * 3600 * 1000) })
        .where(eq(connections.id, created.id));
    await hoursAgo(2);
    expect(await runDueSyncs(t.app, key, new Date(), { wait: true })).toBe(1);
    // Two nodes ticking at once: the claim lets one run it.
    await hoursAgo(2);
    const [x, y] = await Promise.all([
      runDueSyncs(t.app, key, new Date(), { wait: true }),
      runDueSyncs(t.app, key, new Date(), { wait: true }),
    ]);
    expect(x + y).toBe(1);
  });

  it('without CONNECTION_KEY, connections are refused with a message saying what to set', async () => {
    const bare = await createTestApp({ db: 'pglite' });
    try {
      const c = await login(bare.app);
      const project = (
        await bare.app.inject({
          method: 'POST',
          url: '/api/projects',
          headers: c.headers,
          payload: { name: 'P' },
        })
      ).json();
      const refused = await bare.app.inject({
        method: 'POST',
        url: `/api/projects/${project.id}/connections`,
        headers: c.headers,
        payload: { name: 'x', settings: jiraSettings(), token: TOKEN },
      });
      expect(refused.statusCode).toBe(503);
      expect(refused.json().error.message).toContain('CONNECTION_KEY');
    } finally {
      await bare.close();
    }
  });
});
