import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, pull } from '../src/index.js';
import type { JiraPullOptions } from '../src/index.js';
import { startFixtureServer } from './fixture-server.js';
import type { FixtureServer } from './fixture-server.js';
import { jiraHandlers } from './fixtures/jira.js';
import type { JiraFixtureOptions } from './fixtures/jira.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function jira(fixture: JiraFixtureOptions = {}, options: Partial<JiraPullOptions> = {}) {
  server = await startFixtureServer(jiraHandlers(fixture));
  return {
    server,
    options: {
      url: server.url,
      jql: 'project = PAY ORDER BY created',
      email: 'coach@acme.test',
      apiToken: 'secret-token',
      retry: { sleep: async () => {} },
      ...options,
    } satisfies JiraPullOptions,
  };
}

describe('Jira Cloud connector (local fixture server)', () => {
  it('pages with nextPageToken, fetches long changelogs and applies the one rule', async () => {
    const { options, server } = await jira();
    const result = await pull({
      tracker: 'jira',
      options: {
        ...options,
        mapping: { "Won't Do": 'canceled', 'Ready for QA': 'inProgress', Shipped: 'done' },
      },
    });
    const byId = Object.fromEntries(result.items.map((item) => [item.id, item]));
    expect(byId['PAY-1']).toMatchObject({
      type: 'Story',
      started: '2026-01-06',
      done: '2026-01-09',
    });
    expect(byId['PAY-2']).toMatchObject({ started: '2026-01-07', done: null });
    expect(byId['PAY-3']).toMatchObject({ started: '2026-01-07', done: null, state: 'To Do' });
    expect(byId['PAY-4']).toMatchObject({ type: 'Bug', started: '2026-01-13', done: '2026-01-13' });
    expect(byId['PAY-5']).toMatchObject({ started: '2026-01-14', done: '2026-01-14' });
    expect(byId['PAY-7']).toMatchObject({ started: '2026-01-08', done: '2026-01-15' });
    expect(byId['PAY-8']).toMatchObject({ started: '2026-01-05', done: '2026-01-12' });
    expect(byId['PAY-9']).toMatchObject({ created: '2026-01-16', started: null, done: null });
    expect(result.canceled).toEqual([{ id: 'PAY-6', state: "Won't Do" }]);
    expect(result.items).toHaveLength(8);
    expect(result.unmappedStates).toEqual([]);
    const searches = server.requests.filter((r) => r.path === '/rest/api/3/search/jql');
    expect(searches.map((r) => (r.body as { nextPageToken?: string }).nextPageToken)).toEqual([
      undefined,
      'page-4',
      'page-8',
    ]);
    expect((searches[0]!.body as { fields: string[] }).fields).toEqual([
      'created',
      'status',
      'issuetype',
    ]);
    expect(server.requests.some((r) => r.path === '/rest/api/3/issue/PAY-8/changelog')).toBe(true);
  });

  it('without a mapping, states the tracker does not know are reported, not guessed', async () => {
    const { options } = await jira();
    const result = await pull({ tracker: 'jira', options });
    expect(result.unmappedStates).toEqual(['Ready for QA', 'Shipped']);
    // Jira puts "Won't Do" in its done category: without the user's mapping it is throughput.
    expect(result.items.find((item) => item.id === 'PAY-6')).toMatchObject({ done: '2026-01-10' });
  });

  it('incremental: since goes into the JQL before ORDER BY', async () => {
    const { options, server } = await jira();
    await pull({ tracker: 'jira', options: { ...options, since: '2026-01-10' } });
    const first = server.requests.find((r) => r.path === '/rest/api/3/search/jql');
    expect((first!.body as { jql: string }).jql).toBe(
      '(project = PAY) AND updated >= "2026-01-10" ORDER BY created',
    );
  });

  it('as of a date, later moves and later items are not seen', async () => {
    const { options } = await jira();
    const result = await pull({ tracker: 'jira', options }, '2026-01-10');
    const byId = Object.fromEntries(result.items.map((item) => [item.id, item]));
    expect(byId['PAY-2']).toMatchObject({ state: 'Done', done: '2026-01-09' });
    expect(byId['PAY-4']).toMatchObject({ state: 'To Do', started: null });
    expect(byId['PAY-9']).toBeUndefined();
  });

  it('waits as Retry-After says on 429, then goes on', async () => {
    const waits: number[] = [];
    const { options } = await jira({ rateLimitOnce: '7' });
    const result = await pull({
      tracker: 'jira',
      options: {
        ...options,
        retry: { sleep: async () => {}, onWait: (seconds) => waits.push(seconds) },
      },
    });
    expect(waits).toEqual([7]);
    expect(result.items.length).toBeGreaterThan(0);
  });

  it('a wait longer than we accept is a rate-limit error that says so', async () => {
    const { options } = await jira({ rateLimitOnce: '3600' });
    await expect(pull({ tracker: 'jira', options })).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('3600 s'),
    });
  });

  it("a wrong token is an auth error, a bad query shows Jira's own message", async () => {
    const wrong = await jira({ token: 'other' });
    const auth = await pull({ tracker: 'jira', options: wrong.options }).catch(
      (error: unknown) => error,
    );
    expect(auth).toBeInstanceOf(ConnectorError);
    expect(auth).toMatchObject({ code: 'auth', status: 401 });
    await server?.close();

    const { options } = await jira();
    await expect(
      pull({ tracker: 'jira', options: { ...options, jql: 'projekt = PAY' } }),
    ).rejects.toMatchObject({
      code: 'query',
      message: expect.stringContaining("Field 'projekt' does not exist"),
    });
  });

  it('a site that cannot be reached says so', async () => {
    const { options } = await jira();
    await server?.close();
    server = undefined;
    await expect(pull({ tracker: 'jira', options })).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('stops at maxItems, a bound whatever the tracker holds', async () => {
    const { options } = await jira();
    const result = await pull({ tracker: 'jira', options: { ...options, maxItems: 3 } });
    expect(result.items.length + result.canceled.length).toBe(3);
  });
});
