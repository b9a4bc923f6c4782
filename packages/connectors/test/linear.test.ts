import { afterEach, describe, expect, it } from 'vitest';
import { pull } from '../src/index.js';
import type { LinearPullOptions } from '../src/index.js';
import { startFixtureServer } from './fixture-server.js';
import type { FixtureServer } from './fixture-server.js';
import { linearHandlers } from './fixtures/linear.js';
import type { LinearFixtureOptions } from './fixtures/linear.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function linear(
  fixture: LinearFixtureOptions = {},
  options: Partial<LinearPullOptions> = {},
) {
  server = await startFixtureServer(linearHandlers(fixture));
  return {
    server,
    options: {
      team: 'PAY',
      apiKey: 'lin_api_secret',
      apiUrl: `${server.url}/graphql`,
      retry: { sleep: async () => {} },
      ...options,
    } satisfies LinearPullOptions,
  };
}

describe('Linear connector (local fixture server)', () => {
  it('pages issues and their histories by cursor and applies the one rule', async () => {
    const { options, server } = await linear({ pageSize: 2, historyPageSize: 1 });
    const result = await pull({ tracker: 'linear', options });
    const byId = Object.fromEntries(result.items.map((item) => [item.id, item]));
    expect(byId['PAY-1']).toMatchObject({ started: '2026-01-06', done: '2026-01-09' });
    expect(byId['PAY-2']).toMatchObject({ started: '2026-01-07', done: null });
    expect(byId['PAY-3']).toMatchObject({ started: '2026-01-07', done: null, state: 'Todo' });
    expect(byId['PAY-4']).toMatchObject({ type: 'Bug', started: '2026-01-13', done: '2026-01-13' });
    expect(byId['PAY-5']).toMatchObject({ started: '2026-01-14', done: '2026-01-14' });
    expect(result.canceled).toEqual([{ id: 'PAY-6', state: 'Canceled' }]);
    expect(result.states.map((s) => `${s.name}:${s.category}`)).toEqual([
      'Backlog:todo',
      'Todo:todo',
      'In Progress:inProgress',
      'In Review:inProgress',
      'Done:done',
      'Canceled:canceled',
    ]);
    const bodies = server.requests.map((r) => (r.body as { query: string }).query);
    expect(bodies.filter((q) => q.includes('query FlowIssues(')).length).toBe(3);
    expect(bodies.filter((q) => q.includes('FlowIssueHistory')).length).toBeGreaterThan(0);
  });

  it('honours Linear’s rate limit and its Retry-After', async () => {
    const waits: number[] = [];
    const { options } = await linear({ rateLimitOnce: true });
    const result = await pull({
      tracker: 'linear',
      options: { ...options, retry: { sleep: async () => {}, onWait: (s) => waits.push(s) } },
    });
    expect(waits).toEqual([4]);
    expect(result.items).toHaveLength(5);
  });

  it('a wrong key is an auth error; an unknown team says which', async () => {
    const { options } = await linear();
    await expect(
      pull({ tracker: 'linear', options: { ...options, apiKey: 'wrong' } }),
    ).rejects.toMatchObject({
      code: 'auth',
    });
    await expect(
      pull({ tracker: 'linear', options: { ...options, team: 'NOPE' } }),
    ).rejects.toMatchObject({
      code: 'query',
      message: expect.stringContaining('"NOPE"'),
    });
  });
});
