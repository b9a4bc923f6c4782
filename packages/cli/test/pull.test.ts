import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../src/run';
import { startFixtureServer } from '../../connectors/test/fixture-server';
import type { FixtureServer } from '../../connectors/test/fixture-server';
import { jiraHandlers } from '../../connectors/test/fixtures/jira';
import { githubBoardHandlers, githubHandlers } from '../../connectors/test/fixtures/github';
import { linearHandlers } from '../../connectors/test/fixtures/linear';
import { adoHandlers } from '../../connectors/test/fixtures/ado';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function ff(argv: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdin: process.stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

interface Pulled {
  items: { id: string; started: string | null; done: string | null }[];
  states: { name: string; category: string }[];
  canceled: { id: string }[];
}

describe('ff pull (against local fixture trackers)', () => {
  it('jira: prints items and states with the one rule applied, user mappings honoured', async () => {
    server = await startFixtureServer(jiraHandlers());
    const result = await ff(
      [
        'pull',
        'jira',
        '--url',
        server.url,
        '--jql',
        'project = PAY',
        '--tz',
        'UTC',
        '--map',
        "Won't Do=canceled",
        '--map',
        'Ready for QA=inProgress',
        '--map',
        'Shipped=done',
      ],
      { JIRA_EMAIL: 'coach@acme.test', JIRA_API_TOKEN: 'secret-token' },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pulled = JSON.parse(result.stdout) as Pulled;
    expect(pulled.items.find((i) => i.id === 'PAY-1')).toMatchObject({
      started: '2026-01-06',
      done: '2026-01-09',
    });
    expect(pulled.items.find((i) => i.id === 'PAY-7')).toMatchObject({
      started: '2026-01-08',
      done: '2026-01-15',
    });
    expect(pulled.canceled.map((c) => c.id)).toEqual(['PAY-6']);
    expect(pulled.states.find((s) => s.name === 'In Review')?.category).toBe('inProgress');
  });

  it('github: writes --output, and notes nothing when every state is known', async () => {
    server = await startFixtureServer(githubHandlers());
    const dir = await mkdtemp(join(tmpdir(), 'ff-pull-'));
    const result = await ff(
      [
        'pull',
        'github',
        '--repo',
        'acme/pay',
        '--api-url',
        server.url,
        '-o',
        'pay.json',
        '--tz',
        'UTC',
      ],
      { GITHUB_TOKEN: 'gh-secret' },
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const pulled = JSON.parse(await readFile(join(dir, 'pay.json'), 'utf8')) as Pulled;
    expect(pulled.items.map((i) => i.id).sort()).toEqual(['#1', '#2', '#3', '#4', '#5', '#8']);
  });

  it('linear: --as-of hides what happened later', async () => {
    server = await startFixtureServer(linearHandlers());
    const result = await ff(
      [
        'pull',
        'linear',
        '--team',
        'PAY',
        '--api-url',
        `${server.url}/graphql`,
        '--as-of',
        '2026-01-10',
        '--tz',
        'UTC',
      ],
      { LINEAR_API_KEY: 'lin_api_secret' },
    );
    expect(result.code).toBe(0);
    const pulled = JSON.parse(result.stdout) as Pulled;
    expect(pulled.items.find((i) => i.id === 'PAY-2')).toMatchObject({ done: '2026-01-09' });
    expect(pulled.items.find((i) => i.id === 'PAY-4')).toMatchObject({ started: null });
  });

  it('ado: WIQL through the organisation URL, Removed items counted apart', async () => {
    server = await startFixtureServer(adoHandlers());
    const result = await ff(
      [
        'pull',
        'ado',
        '--org',
        `${server.url}/acme`,
        '--project',
        'Pay',
        '--wiql',
        'SELECT [System.Id] FROM WorkItems',
        '--tz',
        'UTC',
      ],
      { AZURE_DEVOPS_PAT: 'ado-secret' },
    );
    expect(result.code).toBe(0);
    const pulled = JSON.parse(result.stdout) as Pulled;
    expect(pulled.items.find((i) => i.id === '101')).toMatchObject({
      started: '2026-01-06',
      done: '2026-01-09',
    });
    expect(pulled.canceled.map((c) => c.id)).toEqual(['106']);
  });

  it('a wrong token exits 1 with a message a user understands; bad options exit 2 naming the option', async () => {
    server = await startFixtureServer(jiraHandlers());
    const wrong = await ff(['pull', 'jira', '--url', server.url, '--jql', 'project = PAY'], {
      JIRA_EMAIL: 'coach@acme.test',
      JIRA_API_TOKEN: 'nope',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^error: jira: Jira refused the token \(401\)/);

    const since = await ff([
      'pull',
      'jira',
      '--url',
      server.url,
      '--jql',
      'x',
      '--since',
      '10/01/2026',
    ]);
    expect(since).toMatchObject({ code: 2, stderr: 'error: --since: must be a date YYYY-MM-DD\n' });
    const tracker = await ff(['pull', 'trello']);
    expect(tracker.code).toBe(2);
    expect(tracker.stderr).toContain("unknown tracker 'trello'");
    const missing = await ff(['pull', 'github']);
    expect(missing).toMatchObject({ code: 2, stderr: 'error: --repo: is required\n' });
    const map = await ff(['pull', 'github', '--repo', 'a/b', '--map', 'Done=finished']);
    expect(map.code).toBe(2);
    expect(map.stderr).toContain('--map');
  });

  it('github --project: a Projects board’s status field, unmapped statuses noted', async () => {
    server = await startFixtureServer(await githubBoardHandlers());
    const out = await ff(
      ['pull', 'github', '--repo', 'acme/pay', '--project', '5', '--api-url', server.url],
      { GITHUB_TOKEN: 'gh-secret' },
    );
    expect(out.code, out.stderr).toBe(0);
    const pulled = JSON.parse(out.stdout) as Pulled;
    expect(pulled.items.find((i) => i.id === '#1')).toMatchObject({
      started: '2026-01-09',
      done: '2026-01-09',
    });
    expect(pulled.canceled.map((c) => c.id)).toEqual(['#6']);
    expect(out.stderr).toContain('Blocked');
    const bad = await ff(['pull', 'github', '--repo', 'acme/pay', '--project', 'five']);
    expect(bad).toMatchObject({ code: 2, stderr: 'error: --project: must be the board number\n' });
  }, 60_000);

  it('rate limiting is waited out and said; a rejected query shows the tracker’s message; an unreachable site is named', async () => {
    const env = { JIRA_EMAIL: 'coach@acme.test', JIRA_API_TOKEN: 'secret-token' };
    server = await startFixtureServer(jiraHandlers({ rateLimitOnce: '1' }));
    const limited = await ff(['pull', 'jira', '--url', server.url, '--jql', 'project = PAY'], env);
    expect(limited.code, limited.stderr).toBe(0);
    expect(limited.stderr).toContain('jira answered 429: waiting 1 s as it asked');
    const rejected = await ff(['pull', 'jira', '--url', server.url, '--jql', 'projekt = PAY'], env);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain(
      "Jira rejected the request: Field 'projekt' does not exist or you do not have permission to view it.",
    );
    const url = server.url;
    await server.close();
    server = undefined;
    const away = await ff(['pull', 'jira', '--url', url, '--jql', 'project = PAY'], env);
    expect(away.code).toBe(1);
    // The server is gone: refused, or reset on a connection kept alive from before.
    expect(away.stderr).toMatch(/Jira could not be reached \((ECONNREFUSED|ECONNRESET)\)/);
  }, 60_000);

  it('prints its help', async () => {
    const help = await ff(['pull', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ff pull jira');
  });
});
