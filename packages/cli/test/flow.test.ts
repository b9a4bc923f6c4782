/**
 * `ff flow --csv` on the four sample exports of one team: every reference figure of
 * spec/flow-metrics.md, with columns and date formats found from the files alone.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, ff } from './helpers';
import { SAMPLE_CYCLE_TIME, SAMPLE_IN_PROGRESS_AGES } from '../../engine/test/sample-exports';

const FILES = [
  'jira-export.csv',
  'azure-devops-export.csv',
  'linear-export.csv',
  'planilha-ptbr.csv',
];

interface Flow {
  cycleTime: {
    n: number;
    percentiles: Record<string, number>;
    mean: number;
    min: number;
    max: number;
  };
  sle: { percentile: number; days: number };
  inProgress: { id: string; age: number }[];
  notStarted: number;
  cfd: { date: string; arrived?: number; started: number; done: number }[];
  throughput: { weekly: { weekStart: string; count: number }[]; daysWithCompletions: number };
  window: { from: string | null; to: string };
  historyWindow: { reason: string };
  csv: { rows: number; dateFormat: string };
  warnings: string[];
  warningCodes: unknown[];
}

async function flow(args: string[]): Promise<Flow> {
  const r = await ff(['flow', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Flow;
}

describe.concurrent('ff flow --csv on the sample exports', () => {
  it.each(FILES)(
    '%s: the reference figures, over all history and the 12-week window',
    async (file) => {
      const csv = `${DATA}/${file}`;
      const [all, recent] = await Promise.all([
        flow(['--csv', csv, '--as-of', '2025-08-31', '--window', 'all']),
        flow(['--csv', csv, '--as-of', '2025-08-31']),
      ]);
      expect(all.csv.rows).toBe(137);
      expect(all.cycleTime).toEqual(SAMPLE_CYCLE_TIME);
      expect(all.sle).toMatchObject({ percentile: 85, days: 12 });
      expect(all.inProgress.map((i) => i.age)).toEqual(SAMPLE_IN_PROGRESS_AGES);
      expect(all.notStarted).toBe(5);
      expect(all.throughput.daysWithCompletions).toBe(80);
      const endOfMay = all.cfd.find((p) => p.date === '2025-05-31');
      expect(endOfMay).toMatchObject({ started: 58, done: 51 });
      expect(endOfMay?.arrived).toBe(file === 'planilha-ptbr.csv' ? undefined : 67);
      expect(recent.window).toEqual({ from: '2025-06-09', to: '2025-08-31', weeks: 12 });
      expect(recent.cycleTime.n).toBe(68);
      expect(recent.cycleTime.percentiles).toEqual({ p50: 7, p70: 10, p85: 12, p95: 15 });
      expect(recent.historyWindow.reason).toMatch(/P85 held in \d+% of \d+ backtests|too few/);
    },
  );

  it('--from/--to set the window as a date range', async () => {
    const r = await flow([
      '--csv',
      `${DATA}/jira-export.csv`,
      '--as-of',
      '2025-08-31',
      '--from',
      '2025-06-09',
      '--to',
      '2025-08-31',
    ]);
    expect(r.cycleTime.n).toBe(68);
    expect(r.window).toMatchObject({ from: '2025-06-09', weeks: null });
  });

  it('--format table shows the SLE, the percentiles and the items in progress by age', async () => {
    const r = await ff([
      'flow',
      '--csv',
      `${DATA}/linear-export.csv`,
      '--as-of',
      '2025-08-31',
      '--window',
      'all',
      '--format',
      'table',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '85% of items finish within 12 days (done all history to 2025-08-31',
    );
    expect(r.stdout).toMatch(/n\s+P50\s+P70\s+P85\s+P95\s+mean\s+min\s+max/);
    expect(r.stdout).toMatch(/124\s+7\s+10\s+12\s+16\s+8\.27\s+2\s+33/);
    expect(r.stdout).toContain('8 in progress + 5 not started = 13 items');
    expect(r.stdout).toMatch(/past P70:\s+3 \(37\.5%\)/);
    const ages = [...r.stdout.matchAll(/^ENG-\d+\s+\S.*?\s(\d+)\s+(P\d+|–)$/gm)].map((m) =>
      Number(m[1]),
    );
    expect(ages).toEqual(SAMPLE_IN_PROGRESS_AGES);
  });

  it('names the item and field of an unusable item in a JSON request (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ff-flow-'));
    const file = join(dir, 'flow.json');
    writeFileSync(
      file,
      JSON.stringify({
        items: [
          { id: 'A', started: '2025-03-01', done: '2025-03-04' },
          { id: 'B', started: 'yesterday' },
        ],
      }),
    );
    const r = await ff(['flow', '--input', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('items.1.started');
    const bad = await ff(['flow', '--input', file, '--window', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--window');
  });
});
