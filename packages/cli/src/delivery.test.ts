/** `ff delivery`: the spec/tracking.md reference case without a server. */
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './run';
import { run } from './run';

const ROOT = resolve(__dirname, '../../..');

function io() {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    cwd: ROOT,
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
  };
  return { io: value, out };
}

describe('ff delivery', () => {
  it('re-forecasts each check-in of examples/delivery.json as of its date (JSON)', async () => {
    const t = io();
    expect(await run(['delivery', '--input', 'examples/delivery.json'], t.io)).toBe(0);
    const r = JSON.parse(t.out.stdout) as {
      checkIns: { completionDates: Record<string, string>; probabilityByTarget: number }[];
    };
    expect(r.checkIns[0].completionDates.p85).toBe('2026-03-02');
    expect(r.checkIns[0].probabilityByTarget).toBe(1);
    expect(r.checkIns[1].completionDates.p50).toBe('2026-03-09');
    expect(r.checkIns[1].completionDates.p95).toBe('2026-03-09');
    const exact = 1 - (15 / 17) ** 4;
    const sd = Math.sqrt((exact * (1 - exact)) / 10_000);
    expect(Math.abs(r.checkIns[1].probabilityByTarget - exact)).toBeLessThan(4 * sd);
  });

  it('prints the forecast journal as a table', async () => {
    const t = io();
    expect(await run(['delivery', '-i', 'examples/delivery.json', '--format', 'table'], t.io)).toBe(
      0,
    );
    expect(t.out.stdout).toContain('Forecast journal');
    expect(t.out.stdout).toMatch(/2026-01-19 .*2026-03-02 .*> 99\.9%/);
    expect(t.out.stdout).toMatch(/2026-02-02 .*2026-03-09/);
  });
});
