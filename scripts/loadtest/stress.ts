/**
 * Stress: 10,000-run forecasts at rising concurrency until p95 passes 5 s or errors pass 1 %
 * (the SLA), reporting forecasts per second at each step and the knee — the lowest
 * concurrency that reaches 90 % of the best throughput within the SLA. Beyond it more users
 * only wait longer.
 *
 *   npm run loadtest -- stress [--step-seconds 10] [--max-connections 2048] [--runs 10000]
 *                              [--url http://host:port]
 */
import { cannon, forecastBody, UNLIMITED } from './cannon';
import { parseOptions } from './options';
import { startProduction } from './production';
import { writeReport } from './report';

const P95_LIMIT_MS = 5_000;
const ERROR_LIMIT = 0.01;

export async function run(args: string[]): Promise<boolean> {
  const o = parseOptions(args, {
    'step-seconds': 10,
    'max-connections': 2048,
    runs: 10_000,
    url: '',
  });
  const target = await startProduction(o.url as string, UNLIMITED);
  const steps: {
    connections: number;
    forecastsPerSecond: number;
    p50: number;
    p95: number;
    p99: number;
    errorRate: number;
    withinSla: boolean;
  }[] = [];
  for (let c = 1; c <= (o['max-connections'] as number); c *= 2) {
    const r = await cannon(
      target.url,
      [
        {
          name: 'forecast',
          method: 'POST',
          path: '/api/simulate',
          body: forecastBody(o.runs as number),
        },
      ],
      { connections: c, duration: o['step-seconds'] as number },
    );
    const errorRate = r.errors / Math.max(1, r.requests);
    const ok = (r.requests - r.errors) / r.seconds;
    const step = {
      connections: c,
      forecastsPerSecond: Math.round(ok * 10) / 10,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      errorRate: Math.round(errorRate * 10_000) / 10_000,
      withinSla: r.p95 <= P95_LIMIT_MS && errorRate <= ERROR_LIMIT,
    };
    steps.push(step);
    process.stdout.write(
      `  ${String(c).padStart(4)} connections: ${step.forecastsPerSecond} forecasts/s, p95 ${step.p95} ms, errors ${(errorRate * 100).toFixed(2)} %\n`,
    );
    if (!step.withinSla) break;
  }
  await target.close();
  const within = steps.filter((s) => s.withinSla);
  const best = Math.max(0, ...within.map((s) => s.forecastsPerSecond));
  const knee = within.find((s) => s.forecastsPerSecond >= 0.9 * best);
  const limit = steps.find((s) => !s.withinSla);
  console.table(
    steps.map((s) => ({
      connections: s.connections,
      'forecasts/s': s.forecastsPerSecond,
      'p50 ms': s.p50,
      'p95 ms': s.p95,
      'p99 ms': s.p99,
      'errors %': Math.round(s.errorRate * 10_000) / 100,
      'within SLA': s.withinSla,
    })),
  );
  process.stdout.write(
    `knee: ${knee ? `${knee.forecastsPerSecond} forecasts/s at ${knee.connections} concurrent clients` : 'none'}; ` +
      `best within SLA ${best} forecasts/s; ` +
      `${limit ? `SLA broken at ${limit.connections} clients (p95 ${limit.p95} ms)` : `SLA held up to ${steps[steps.length - 1]?.connections} clients`}\n`,
  );
  writeReport('stress', {
    options: o,
    steps,
    knee: knee ?? null,
    bestForecastsPerSecond: best,
    slaBrokenAt: limit?.connections ?? null,
    passed: knee !== undefined,
  });
  return knee !== undefined;
}
