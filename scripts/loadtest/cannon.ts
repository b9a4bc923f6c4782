/**
 * One autocannon run with our own latency capture: autocannon reports p97.5 but not p95, and
 * per-request-type numbers need each response matched to the request that caused it (a
 * connection sends its list of requests in order, one at a time).
 */
import autocannon from 'autocannon';
import { summary } from './options';

export interface CannonRequest {
  name: string;
  method?: 'GET' | 'POST';
  path: string;
  body?: () => unknown;
}

export interface CannonResult {
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  byName: Record<string, { count: number; errors: number; p50: number; p95: number; p99: number }>;
}

export async function cannon(
  url: string,
  requests: CannonRequest[],
  opts: { connections: number; duration?: number; amount?: number; timeout?: number },
): Promise<CannonResult> {
  const lat = new Map<string, number[]>();
  const bad = new Map<string, number>();
  const all: number[] = [];
  const result = await autocannon({
    url,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
    timeout: opts.timeout ?? 30,
    requests: requests.map((r) => ({
      method: r.method ?? 'GET',
      path: r.path,
      headers: r.body ? { 'content-type': 'application/json' } : {},
      ...(r.body ? { setupRequest: (req) => ({ ...req, body: JSON.stringify(r.body?.()) }) } : {}),
    })),
    setupClient: (client) => {
      let i = 0;
      client.on('response', (status: number, _bytes: number, ms: number) => {
        const name = requests[i % requests.length].name;
        i++;
        all.push(ms);
        const l = lat.get(name) ?? [];
        l.push(ms);
        lat.set(name, l);
        if (status >= 400) bad.set(name, (bad.get(name) ?? 0) + 1);
      });
    },
  });
  const s = summary('all', all);
  const byName: CannonResult['byName'] = {};
  for (const [name, ms] of lat) {
    const x = summary(name, ms);
    byName[name] = {
      count: x.count,
      errors: bad.get(name) ?? 0,
      p50: x['p50 ms'],
      p95: x['p95 ms'],
      p99: x['p99 ms'],
    };
  }
  const seconds = result.duration;
  return {
    requests: all.length,
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    seconds,
    perSecond: Math.round((all.length / seconds) * 10) / 10,
    p50: s['p50 ms'],
    p95: s['p95 ms'],
    p99: s['p99 ms'],
    byName,
  };
}

export const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

let seed = 0;
/** A 10,000-run forecast of the kind a workshop runs, a new seed each time. */
export const forecastBody =
  (runs = 10_000) =>
  () => ({
    tpSamples: T12,
    numberOfTasks: 60,
    totalContributors: 5,
    numberOfSimulations: runs,
    seed: ++seed,
  });

/** One client address making thousands of calls: lift the per-client limit for these runs. */
export const UNLIMITED = { RATE_LIMIT_MAX: '100000000' };
