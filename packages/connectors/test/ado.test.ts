import { afterEach, describe, expect, it } from 'vitest';
import { pull } from '../src/index.js';
import type { AdoPullOptions } from '../src/index.js';
import { startFixtureServer } from './fixture-server.js';
import type { FixtureServer } from './fixture-server.js';
import { adoHandlers } from './fixtures/ado.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function ado(options: Partial<AdoPullOptions> = {}) {
  server = await startFixtureServer(adoHandlers());
  return {
    server,
    options: {
      org: `${server.url}/acme`,
      project: 'Pay',
      wiql: "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Pay' ORDER BY [System.Id]",
      pat: 'ado-secret',
      retry: { sleep: async () => {} },
      ...options,
    } satisfies AdoPullOptions,
  };
}

describe('Azure DevOps connector (local fixture server)', () => {
  it('queries WIQL, batches work items, replays updates and reads state categories per type', async () => {
    const { options, server } = await ado();
    const result = await pull({ tracker: 'ado', options: { ...options, since: '2026-01-10' } });
    const byId = Object.fromEntries(result.items.map((item) => [item.id, item]));
    expect(byId['101']).toMatchObject({
      type: 'User Story',
      started: '2026-01-06',
      done: '2026-01-09',
    });
    expect(byId['102']).toMatchObject({ started: '2026-01-07', done: null });
    expect(byId['103']).toMatchObject({ started: '2026-01-07', done: null, state: 'New' });
    expect(byId['104']).toMatchObject({ type: 'Bug', started: '2026-01-13', done: '2026-01-13' });
    expect(byId['105']).toMatchObject({ started: '2026-01-14', done: '2026-01-14' });
    expect(result.canceled).toEqual([{ id: '106', state: 'Removed' }]);
    expect(result.states.find((s) => s.name === 'Resolved')?.category).toBe('inProgress');
    const wiql = server.requests.find((r) => r.path.endsWith('/wiql'))?.body as { query: string };
    expect(wiql.query).toBe(
      "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Pay' AND [System.ChangedDate] >= '2026-01-10' ORDER BY [System.Id]",
    );
  });

  it('a wrong token is an auth error; a malformed WIQL shows Azure DevOps’ own message', async () => {
    const { options } = await ado();
    await expect(
      pull({ tracker: 'ado', options: { ...options, pat: 'nope' } }),
    ).rejects.toMatchObject({ code: 'auth' });
    await expect(
      pull({ tracker: 'ado', options: { ...options, wiql: 'SELECT [System.Id]' } }),
    ).rejects.toMatchObject({
      code: 'query',
      message: expect.stringContaining('TF51006'),
    });
  });
});
