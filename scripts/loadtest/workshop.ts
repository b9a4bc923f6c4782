/**
 * The workshop the original failed: a class of USERS people behind one address, each
 * registering and logging in, opening the app, then every 10 s running a 10,000-run forecast,
 * saving it and looking at their list — for DURATION seconds. Passes with 0 errors and a p95
 * under 300 ms over every request.
 *
 *   npm run loadtest -- workshop [--users 30] [--duration 120] [--every 10] [--runs 10000]
 *                                [--url http://host:port]
 */
import { parseOptions, summary } from './options';
import { startProduction } from './production';
import { Recorder, writeReport } from './report';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];
const P95_TARGET_MS = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fetch that records its latency and status (or network error) under a name. */
function timedCall(rec: Recorder, base: string) {
  return async (
    name: string,
    path: string,
    init: RequestInit = {},
  ): Promise<Response | undefined> => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${base}${path}`, init);
      const body = await res.arrayBuffer();
      rec.record(name, performance.now() - t0, res.status);
      return new Response(body, { status: res.status, headers: res.headers });
    } catch (err) {
      rec.record(name, performance.now() - t0, err instanceof Error ? err.message : 'network');
      return undefined;
    }
  };
}

export async function run(args: string[]): Promise<boolean> {
  const o = parseOptions(args, { users: 30, duration: 120, every: 10, runs: 10_000, url: '' });
  const users = o.users as number;
  // What a facilitator runs: the workshop compose file sets WORKSHOP_MODE.
  const target = await startProduction(o.url as string, { WORKSHOP_MODE: 'true' });
  const rec = new Recorder();
  process.stdout.write(
    `workshop against ${target.url}: ${users} users, a forecast every ${String(o.every)} s for ${String(o.duration)} s\n`,
  );

  const call = timedCall(rec, target.url);

  const index = await (await fetch(`${target.url}/`)).text();
  const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

  const started = performance.now();
  const endAt = started + (o.duration as number) * 1000;
  let forecasts = 0;
  const participant = async (i: number): Promise<void> => {
    // People do not press Enter at the same millisecond: spread the arrivals over one period.
    await sleep(((o.every as number) * 1000 * i) / users);
    const email = `ws-${Date.now().toString(36)}-${i}@example.test`;
    const password = 'workshop password 1';
    const json = { 'content-type': 'application/json' };
    await call('register', '/api/auth/register', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password, name: `Participant ${i}` }),
    });
    const login = await call('login', '/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password }),
    });
    if (!login || login.status !== 200) return;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const auth = { ...json, cookie, 'x-csrf-token': csrfToken };
    await call('page', '/', { headers: { cookie } });
    // First visit downloads the hashed assets; later visits have them cached for a year.
    await Promise.all(assets.map((a) => call('asset', a)));
    let round = 0;
    while (performance.now() < endAt) {
      const roundStart = performance.now();
      const input = {
        tpSamples: T12.map((x) => x + ((i + round) % 3)),
        numberOfTasks: 40 + ((i * 7 + round) % 40),
        totalContributors: 5,
        numberOfSimulations: o.runs,
        seed: i * 1000 + round,
      };
      const forecast = await call('forecast', '/api/simulate', {
        method: 'POST',
        headers: json,
        body: JSON.stringify(input),
      });
      if (forecast?.status === 200) {
        forecasts++;
        const result = (await forecast.json()) as unknown;
        await call('save', '/api/forecasts', {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ kind: 'simulate', input, result, name: `Round ${round}` }),
        });
      }
      await call('list', '/api/forecasts', { headers: { cookie } });
      if (round % 3 === 2) await call('page', '/', { headers: { cookie } });
      round++;
      const wait = (o.every as number) * 1000 - (performance.now() - roundStart);
      if (wait > 0) await sleep(Math.min(wait, Math.max(0, endAt - performance.now())));
    }
  };
  await Promise.all(Array.from({ length: users }, (_, i) => participant(i)));
  const wallS = (performance.now() - started) / 1000;
  await target.close();

  const rows = [...rec.byName.entries()].map(([name, e]) => ({
    ...summary(name, e.ms),
    errors: e.errors,
    statuses: JSON.stringify(e.statuses),
  }));
  const all = summary('ALL', rec.all());
  const total = { ...all, errors: rec.errors(), statuses: '' };
  console.table([...rows, total]);
  const ok = rec.errors() === 0 && all['p95 ms'] < P95_TARGET_MS;
  const result = {
    options: o,
    wallSeconds: Math.round(wallS * 10) / 10,
    requests: all.count,
    errors: rec.errors(),
    forecasts,
    requestsPerSecond: Math.round((all.count / wallS) * 10) / 10,
    byRequest: rows,
    total,
    targets: { errors: 0, p95Ms: P95_TARGET_MS },
    passed: ok,
  };
  writeReport('workshop', result);
  process.stdout.write(
    ok
      ? `OK: ${all.count} requests, 0 errors, p95 ${all['p95 ms']} ms < ${P95_TARGET_MS} ms\n`
      : `FAILED: ${rec.errors()} errors, p95 ${all['p95 ms']} ms (target 0 errors, p95 < ${P95_TARGET_MS} ms)\n`,
  );
  return ok;
}
