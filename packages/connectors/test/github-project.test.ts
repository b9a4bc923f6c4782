/**
 * A GitHub Projects (v2) board's status field through Octokit's GraphQL client. The local server
 * answers by executing each query against GitHub's published schema (@octokit/graphql-schema),
 * so the query and the fixtures are both checked against it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '@octokit/graphql-schema';
import { pull } from '../src/index.js';
import type { GitHubPullOptions } from '../src/index.js';
import { PROJECT_ITEMS_QUERY } from '../src/github-project.js';
import { startFixtureServer } from './fixture-server.js';
import type { FixtureServer } from './fixture-server.js';
import { BOARD_ITEMS, githubBoardHandlers } from './fixtures/github.js';
import type { BoardFixtureOptions } from './fixtures/github.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function board(fixture: BoardFixtureOptions = {}, options: Partial<GitHubPullOptions> = {}) {
  server = await startFixtureServer(await githubBoardHandlers(fixture));
  return {
    server,
    options: {
      repo: 'acme/pay',
      project: 5,
      token: 'gh-secret',
      apiUrl: server.url,
      retry: { sleep: async () => {} },
      ...options,
    } satisfies GitHubPullOptions,
  };
}

// Building GitHub's whole schema takes seconds on a busy machine.
describe(
  'GitHub Projects (v2) board (local GraphQL server on the official schema)',
  { timeout: 60_000 },
  () => {
    it('the query is valid against GitHub’s published schema', () => {
      expect(validate(PROJECT_ITEMS_QUERY)).toEqual([]);
    });

    it('reads the status field in board order and applies the one rule, paged by cursor', async () => {
      const { options, server } = await board({ pageSize: 4 });
      const result = await pull({ tracker: 'github', options });
      expect(server.requests.filter((r) => r.path === '/graphql')).toHaveLength(3);
      const byId = Object.fromEntries(result.items.map((item) => [item.id, item]));
      // Pull requests and archived items are not the team's work items.
      expect(Object.keys(byId).sort()).toEqual(
        ['#1', '#2', '#3', '#4', '#5', '#7', 'acme/web#3', `draft:PVTI_8`].sort(),
      );
      // To-do straight to done: started when it finished.
      expect(byId['#1']).toMatchObject({
        started: '2026-01-09',
        done: '2026-01-09',
        state: 'Done',
      });
      // Started and finished the same day: 1 day, never 0.
      expect(byId['#2']).toMatchObject({ type: 'Bug', started: '2026-01-12', done: '2026-01-12' });
      expect(byId['#3']).toMatchObject({ started: '2026-01-07', done: null, state: 'In Progress' });
      expect(byId['#4']).toMatchObject({ started: null, done: null });
      expect(byId['#5']).toMatchObject({ state: 'No Status', started: null });
      expect(byId['acme/web#3']).toMatchObject({ done: '2026-01-14' });
      expect(result.canceled).toEqual([{ id: '#6', state: 'Closed (not planned)' }]);
      // "Blocked" is no name GitHub's templates give: reported, read as to-do, never guessed.
      expect(result.unmappedStates).toEqual(['Blocked']);
      expect(result.states.map((s) => s.name)).toEqual([
        'No Status',
        'Todo',
        'In Progress',
        'In Review',
        'Done',
        'Closed (not planned)',
        'Blocked',
      ]);
    });

    it('a remapped status changes the dates; a renamed field is named', async () => {
      const { options } = await board();
      const mapped = await pull({
        tracker: 'github',
        options: { ...options, mapping: { Blocked: 'inProgress' } },
      });
      expect(mapped.unmappedStates).toEqual([]);
      expect(mapped.items.find((i) => i.id === '#7')).toMatchObject({ started: '2026-01-08' });
      await expect(
        pull({ tracker: 'github', options: { ...options, statusField: 'Stage' } }),
      ).rejects.toMatchObject({ code: 'query', message: expect.stringContaining('"Stage"') });
    });

    it('errors a user understands: bad token, unknown board (GitHub’s message), rate limit waited', async () => {
      const waits: number[] = [];
      const { options } = await board({ rateLimitOnce: true });
      const result = await pull({
        tracker: 'github',
        options: { ...options, retry: { sleep: async () => {}, onWait: (s) => waits.push(s) } },
      });
      expect(waits).toEqual([4]);
      expect(result.items.length).toBe(8);
      await expect(
        pull({ tracker: 'github', options: { ...options, token: 'nope' } }),
      ).rejects.toMatchObject({ code: 'auth', status: 401 });
      await expect(
        pull({ tracker: 'github', options: { ...options, project: 9 } }),
      ).rejects.toMatchObject({
        code: 'query',
        message: expect.stringContaining('Could not resolve to a ProjectV2 with the number 9.'),
      });
    });

    it('incremental: only items updated since', async () => {
      const { options } = await board();
      const result = await pull({
        tracker: 'github',
        options: { ...options, since: '2026-01-13' },
      });
      expect(result.items.map((i) => i.id).sort()).toEqual(['acme/web#3', 'draft:PVTI_8']);
      expect(BOARD_ITEMS.length).toBe(11);
    });
  },
);
