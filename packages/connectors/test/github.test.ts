import { afterEach, describe, expect, it } from 'vitest';
import { pull } from '../src/index.js';
import type { GitHubPullOptions } from '../src/index.js';
import { startFixtureServer } from './fixture-server.js';
import type { FixtureServer } from './fixture-server.js';
import { githubHandlers } from './fixtures/github.js';
import type { GitHubFixtureOptions } from './fixtures/github.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function github(
  fixture: GitHubFixtureOptions = {},
  options: Partial<GitHubPullOptions> = {},
) {
  server = await startFixtureServer(githubHandlers(fixture));
  return {
    server,
    options: {
      repo: 'acme/pay',
      token: 'gh-secret',
      apiUrl: server.url,
      retry: { sleep: async () => {} },
      ...options,
    } satisfies GitHubPullOptions,
  };
}

describe('GitHub connector (local fixture server)', () => {
  it('pages issues and events, leaves pull requests out and applies the one rule', async () => {
    const { options, server } = await github({ pageSize: 3 });
    const result = await pull({ tracker: 'github', options });
    const byId = Object.fromEntries(result.items.map((item) => [item.id, item]));
    expect(Object.keys(byId).sort()).toEqual(['#1', '#2', '#3', '#4', '#5', '#8']);
    expect(byId['#1']).toMatchObject({ started: '2026-01-06', done: '2026-01-09' });
    // Reopened: in progress again from its first start (the close), no done date.
    expect(byId['#2']).toMatchObject({ started: '2026-01-09', done: null, state: 'Open' });
    expect(byId['#3']).toMatchObject({ started: '2026-01-07', done: null, state: 'Open' });
    expect(byId['#4']).toMatchObject({ type: 'Bug', started: '2026-01-13', done: '2026-01-13' });
    expect(byId['#5']).toMatchObject({ started: '2026-01-14', done: '2026-01-14' });
    expect(byId['#8']).toMatchObject({ state: 'In Progress', started: '2026-01-17', done: null });
    expect(result.canceled).toEqual([{ id: '#6', state: 'Closed (not planned)' }]);
    expect(server.requests.filter((r) => r.path === '/repos/acme/pay/issues').length).toBe(3);
    expect(server.requests.filter((r) => r.path === '/repos/acme/pay/issues/events').length).toBe(
      4,
    );
  });

  it('waits for the rate-limit reset when the quota is exhausted', async () => {
    const waits: number[] = [];
    const { options } = await github({ quotaOnce: true });
    const result = await pull({
      tracker: 'github',
      options: { ...options, retry: { sleep: async () => {}, onWait: (s) => waits.push(s) } },
    });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(3);
    expect(waits[0]).toBeLessThanOrEqual(6);
    expect(result.items).toHaveLength(6);
  });

  it('bad credentials, an unknown repository and a malformed name are errors a user understands', async () => {
    const { options } = await github();
    await expect(
      pull({ tracker: 'github', options: { ...options, token: 'nope' } }),
    ).rejects.toMatchObject({
      code: 'auth',
      status: 401,
    });
    await expect(
      pull({ tracker: 'github', options: { ...options, repo: 'acme/other' } }),
    ).rejects.toMatchObject({
      code: 'query',
      message: expect.stringContaining('Not Found'),
    });
    await expect(
      pull({ tracker: 'github', options: { ...options, repo: 'not a repo' } }),
    ).rejects.toMatchObject({
      code: 'query',
    });
  });

  it('incremental: since is passed as GitHub’s since', async () => {
    const { options, server } = await github();
    const result = await pull({ tracker: 'github', options: { ...options, since: '2026-01-10' } });
    expect(
      server.requests.find((r) => r.path === '/repos/acme/pay/issues')?.query.get('since'),
    ).toBe('2026-01-10T00:00:00Z');
    expect(result.items.map((item) => item.id)).toEqual(['#8']);
  });
});
