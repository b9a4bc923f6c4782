/**
 * `npm run loadtest:sync`: a sync of 10,000 Jira issues with their changelogs from a local
 * fixture server, timed, with the peak resident memory of the syncing process sampled.
 * Targets (issue: live connections): ≤ 30 s and ≤ 200 MB. The fixture server runs in a child
 * process so its memory is not counted.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pull } from '@flow-forecaster/connectors';
import { startFixtureServer } from '../../packages/connectors/test/fixture-server';
import {
  JIRA_STATUSES,
  jiraHandlers,
  jiraIssue,
} from '../../packages/connectors/test/fixtures/jira';

const ITEMS = Number(process.env.SYNC_ITEMS ?? 10_000);
const TARGET_SECONDS = 30;
const TARGET_MB = 200;

function issues(count: number) {
  const list = [];
  for (let i = 1; i <= count; i++) {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + ((i + n) % 500), 10)).toISOString();
    const done = i % 3 !== 0;
    list.push(
      jiraIssue(`PAY-${i}`, done ? 'Done' : 'In Progress', day(0), [
        [day(1), 'To Do', 'In Progress'],
        [day(2), 'In Progress', 'In Review'],
        [day(3), 'In Review', 'In Progress'],
        [day(4), 'In Progress', 'In Review'],
        ...(done ? ([[day(6), 'In Review', 'Done']] as [string, string, string][]) : []),
      ]),
    );
  }
  return list;
}

async function serve(): Promise<void> {
  const server = await startFixtureServer(jiraHandlers({ issues: issues(ITEMS), pageSize: 100 }));
  process.send?.({ url: server.url });
}

async function measure(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'],
  });
  const url = await new Promise<string>((resolve) =>
    child.once('message', (m: { url: string }) => resolve(m.url)),
  );
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const started = performance.now();
  const result = await pull({
    tracker: 'jira',
    options: {
      url,
      jql: 'project = PAY',
      email: 'coach@acme.test',
      apiToken: 'secret-token',
      timeZone: 'UTC',
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  child.kill();
  const mb = peak / 2 ** 20;
  const rows = [
    ['RSS before the sync (MB)', (before / 2 ** 20).toFixed(0), '', ''],
    ['items synced', String(result.items.length + result.canceled.length), String(ITEMS), ''],
    [
      'time (s)',
      seconds.toFixed(1),
      `≤ ${TARGET_SECONDS}`,
      seconds <= TARGET_SECONDS ? 'met' : 'NOT met',
    ],
    ['peak RSS (MB)', mb.toFixed(0), `≤ ${TARGET_MB}`, mb <= TARGET_MB ? 'met' : 'NOT met'],
  ];
  console.log(
    `Jira sync from a local fixture server (${JIRA_STATUSES.length} statuses, 4–5 moves per issue)\n`,
  );
  console.log('| measure | value | target | |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

if (process.argv.includes('--serve')) await serve();
else await measure();
