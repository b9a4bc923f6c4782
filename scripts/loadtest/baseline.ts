/**
 * Baseline: what the HTTP stack itself costs — the liveness probe and the app's page.
 *
 *   npm run loadtest -- baseline [--connections 10] [--duration 10] [--url http://host:port]
 */
import { cannon } from './cannon';
import { UNLIMITED } from './cannon';
import { parseOptions } from './options';
import { startProduction } from './production';
import { writeReport } from './report';

export async function run(args: string[]): Promise<boolean> {
  const o = parseOptions(args, { connections: 10, duration: 10, url: '' });
  const target = await startProduction(o.url as string, UNLIMITED);
  const rows = [];
  for (const [name, path] of [
    ['health (/healthz)', '/healthz'],
    ['page (/)', '/'],
  ] as const) {
    const r = await cannon(target.url, [{ name, path }], {
      connections: o.connections as number,
      duration: o.duration as number,
    });
    rows.push({ name, ...r, byName: undefined });
  }
  await target.close();
  console.table(
    rows.map((r) => ({
      request: r.name,
      requests: r.requests,
      errors: r.errors,
      'req/s': r.perSecond,
      'p50 ms': r.p50,
      'p95 ms': r.p95,
      'p99 ms': r.p99,
    })),
  );
  const ok = rows.every((r) => r.errors === 0);
  writeReport('baseline', { options: o, rows, passed: ok });
  return ok;
}
