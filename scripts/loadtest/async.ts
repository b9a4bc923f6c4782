/**
 * Async load: many clients submit forecasts through `POST /api/async/simulate` (autocannon)
 * while pollers follow every task to its end. Nothing may be lost: every accepted (202) task
 * must reach SUCCESS. Prints counts and p50/p95/p99 of submit latency and time-to-result.
 *
 *   npm run loadtest -- async [--jobs 300] [--connections 30] [--runs 10000] [--big-every 25]
 *                             [--big-runs 500000] [--pollers 30] [--url http://host:port]
 */
import autocannon from 'autocannon';
import { parseOptions, summary } from './options';
import { startTarget } from './server';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

interface Task {
  id: string;
  submittedAt: number;
}

/**
 * Mostly interactive-sized forecasts, with a big batch forecast every `bigEvery` jobs, so
 * priorities and the pool are exercised, not just the HTTP layer.
 */
function forecastBodies(bigEvery: number, bigRuns: unknown, runs: unknown): () => string {
  let n = 0;
  return () => {
    n++;
    const big = bigEvery > 0 && n % bigEvery === 0;
    return JSON.stringify({
      tpSamples: T12,
      numberOfTasks: 40 + (n % 30),
      totalContributors: 5,
      numberOfSimulations: big ? bigRuns : runs,
      seed: n,
    });
  };
}

export async function run(args: string[]): Promise<boolean> {
  const o = parseOptions(args, {
    jobs: 300,
    connections: 30,
    runs: 10_000,
    'big-every': 25,
    'big-runs': 500_000,
    pollers: 30,
    'poll-ms': 50,
    'timeout-s': 300,
    url: '',
  });
  const jobs = o.jobs as number;
  const target = await startTarget(o.url as string);
  process.stdout.write(
    `async load against ${target.url}: ${jobs} jobs, ${String(o.connections)} connections\n`,
  );

  const body = forecastBodies(o['big-every'] as number, o['big-runs'], o.runs);

  const tasks: Task[] = [];
  const submitLatencies: number[] = [];
  const rejected = new Map<number, number>();
  const pending: Task[] = [];
  const results = new Map<string, number>();
  const failures: string[] = [];
  let submitDone = false;
  // Accepted tasks not yet seen finished (some wait in a poll-delay timer, not in `pending`).
  let outstanding = 0;

  const poller = async (): Promise<void> => {
    for (;;) {
      const task = pending.shift();
      if (!task) {
        if (submitDone && outstanding === 0) return;
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      const res = await fetch(`${target.url}/api/tasks/${task.id}`).catch(() => undefined);
      const state = res?.ok
        ? ((await res.json()) as { state: string }).state
        : `HTTP ${res?.status}`;
      if (state === 'SUCCESS') {
        results.set(task.id, performance.now() - task.submittedAt);
        outstanding--;
      } else if (state === 'FAILURE' || state === 'REVOKED' || !res?.ok) {
        failures.push(`${task.id}: ${state}`);
        outstanding--;
      } else if (performance.now() - task.submittedAt > (o['timeout-s'] as number) * 1000) {
        failures.push(`${task.id}: still ${state} after ${String(o['timeout-s'])} s`);
        outstanding--;
      } else {
        setTimeout(() => pending.push(task), o['poll-ms'] as number);
      }
    }
  };
  const pollers = Array.from({ length: o.pollers as number }, poller);

  const started = performance.now();
  const cannon = await autocannon({
    url: `${target.url}/api/async/simulate`,
    connections: o.connections as number,
    amount: jobs,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: body() }),
        onResponse: (status, resBody) => {
          if (status !== 202) {
            rejected.set(status, (rejected.get(status) ?? 0) + 1);
            return;
          }
          const task = {
            id: (JSON.parse(resBody) as { task_id: string }).task_id,
            submittedAt: performance.now(),
          };
          tasks.push(task);
          outstanding++;
          pending.push(task);
        },
      },
    ],
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, ms: number) =>
        submitLatencies.push(ms),
      );
    },
  });
  submitDone = true;
  await Promise.all(pollers);
  const wall = performance.now() - started;
  await target.close();

  const submitted = tasks.length;
  const completed = results.size;
  process.stdout.write('\n');
  console.table([
    {
      submitted,
      completed,
      failed: failures.length,
      'rejected (non-202)': [...rejected.values()].reduce((a, b) => a + b, 0),
      'errors (network)': cannon.errors,
      'wall s': Math.round(wall / 100) / 10,
      'jobs/s': Math.round((completed / wall) * 1000 * 10) / 10,
    },
  ]);
  console.table([
    summary('submit', submitLatencies),
    summary('time to result', [...results.values()]),
  ]);
  for (const f of failures.slice(0, 10)) process.stdout.write(`  failed: ${f}\n`);
  return verdict(jobs, submitted, completed, failures.length, rejected);
}

/** Passes when every job sent was accepted and completed, and none failed. */
function verdict(
  jobs: number,
  submitted: number,
  completed: number,
  failed: number,
  rejected: Map<number, number>,
): boolean {
  const ok = submitted === jobs && completed === submitted && failed === 0;
  process.stdout.write(
    ok
      ? `OK: completed = submitted = ${submitted}\n`
      : `FAILED: ${jobs} sent, ${submitted} accepted, ${completed} completed, rejections ${JSON.stringify(Object.fromEntries(rejected))}\n`,
  );
  return ok;
}
