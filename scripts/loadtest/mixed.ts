/**
 * Mixed traffic: anonymous visitors opening the page, running 10,000-run forecasts, queueing
 * async ones and being probed by a load balancer, all at once.
 *
 *   npm run loadtest -- mixed [--connections 20] [--duration 30] [--url http://host:port]
 */
import { cannon, forecastBody, UNLIMITED } from './cannon';
import { parseOptions } from './options';
import { startProduction } from './production';
import { writeReport } from './report';

export async function run(args: string[]): Promise<boolean> {
  const o = parseOptions(args, { connections: 20, duration: 30, url: '' });
  const target = await startProduction(o.url as string, UNLIMITED);
  const r = await cannon(
    target.url,
    [
      { name: 'page', path: '/' },
      { name: 'forecast', method: 'POST', path: '/api/simulate', body: forecastBody() },
      { name: 'health', path: '/healthz' },
      { name: 'async submit', method: 'POST', path: '/api/async/simulate', body: forecastBody() },
      { name: 'forecast', method: 'POST', path: '/api/simulate', body: forecastBody() },
      { name: 'ready', path: '/readyz' },
    ],
    { connections: o.connections as number, duration: o.duration as number },
  );
  await target.close();
  console.table(
    Object.entries(r.byName).map(([name, x]) => ({
      request: name,
      count: x.count,
      errors: x.errors,
      'p50 ms': x.p50,
      'p95 ms': x.p95,
      'p99 ms': x.p99,
    })),
  );
  console.table([
    {
      requests: r.requests,
      errors: r.errors,
      'req/s': r.perSecond,
      'p50 ms': r.p50,
      'p95 ms': r.p95,
      'p99 ms': r.p99,
    },
  ]);
  const ok = r.errors / Math.max(1, r.requests) <= 0.01 && r.p95 < 5_000;
  writeReport('mixed', { options: o, result: r, passed: ok });
  return ok;
}
