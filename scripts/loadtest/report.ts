/** Load reports: the machine they ran on, printed tables, and a JSON file in `reports/`. */
import { cpus, freemem, totalmem, loadavg, release, platform } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

export function writeReport(scenario: string, data: Record<string, unknown>): string {
  const dir = join(root, 'reports');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `loadtest-${scenario}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ scenario, at: new Date().toISOString(), machine: machine(), ...data }, null, 2)}\n`,
  );
  process.stdout.write(`report: ${file}\n`);
  return file;
}

/** Latencies of one kind of request, with its error count. */
export class Recorder {
  readonly byName = new Map<
    string,
    { ms: number[]; errors: number; statuses: Record<string, number> }
  >();

  record(name: string, ms: number, status: number | string): void {
    let e = this.byName.get(name);
    if (!e) {
      e = { ms: [], errors: 0, statuses: {} };
      this.byName.set(name, e);
    }
    e.ms.push(ms);
    e.statuses[String(status)] = (e.statuses[String(status)] ?? 0) + 1;
    if (typeof status !== 'number' || status >= 400) e.errors++;
  }

  all(): number[] {
    return [...this.byName.values()].flatMap((e) => e.ms);
  }

  errors(): number {
    return [...this.byName.values()].reduce((n, e) => n + e.errors, 0);
  }
}
