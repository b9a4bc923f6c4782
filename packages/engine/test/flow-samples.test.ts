// Every reference figure of spec/flow-metrics.md, for each of the four sample exports read
// through guessFlowColumns + flowItemsFromRows (no column or format named by hand).
import { describe, expect, it } from 'vitest';
import { flowItemsFromRows, flowMetrics, guessFlowColumns } from '../src/index';
import { SAMPLE_CYCLE_TIME, SAMPLE_IN_PROGRESS_AGES, readSampleCsv } from './sample-exports';

const FILES = [
  ['jira-export.csv', ','],
  ['azure-devops-export.csv', ','],
  ['linear-export.csv', ','],
  ['planilha-ptbr.csv', ';'],
] as const;

const CFD = [
  { date: '2025-03-31', arrived: 29, started: 25, done: 21, inProgress: 4 },
  { date: '2025-05-31', arrived: 67, started: 58, done: 51, inProgress: 7 },
  { date: '2025-06-30', arrived: 98, started: 85, done: 80, inProgress: 5 },
  { date: '2025-08-31', arrived: 137, started: 132, done: 124, inProgress: 8 },
];

const WEEKLY = [6, 5, 4, 5, 3, 4, 1, 6, 0, 1, 10, 6, 0, 5, 7, 9, 6, 6, 3, 8, 8, 0, 8, 4, 4, 5];

describe.each(FILES)('flow metrics of %s', (file, sep) => {
  const rows = readSampleCsv(file, sep);
  const imported = flowItemsFromRows(rows);
  const all = flowMetrics(imported.items, { asOf: '2025-08-31', window: 'all' });
  const hasCreated = file !== 'planilha-ptbr.csv';

  it('maps the columns and reads every date', () => {
    const cols = guessFlowColumns(Object.keys(rows[0]));
    expect(cols.id).toBeDefined();
    expect(cols.started).toBeDefined();
    expect(cols.done).toBeDefined();
    expect(cols.state).toBeDefined();
    expect(cols.created !== undefined).toBe(hasCreated);
    expect(imported.unreadable).toEqual([]);
    expect(imported.ambiguousFormats).toEqual([]);
    expect(imported.items).toHaveLength(137);
  });

  it('cycle time over all history: 124 items, 7/10/12/16, min 2, max 33, mean 8.27', () => {
    expect(all.cycleTime).toEqual(SAMPLE_CYCLE_TIME);
    expect(all.sle).toMatchObject({ percentile: 85, days: 12, n: 124 });
    expect(all.scatter).toHaveLength(124);
    expect(all.histogram.reduce((s, h) => s + h.count, 0)).toBe(124);
  });

  it('the 12 weeks 2025-06-09 … 2025-08-31: 68 items, 7/10/12/15 (as a range and as the default)', () => {
    const ranged = flowMetrics(imported.items, {
      asOf: '2025-08-31',
      window: { from: '2025-06-09', to: '2025-08-31' },
    });
    const byDefault = flowMetrics(imported.items, { asOf: '2025-08-31' });
    for (const m of [ranged, byDefault]) {
      expect(m.cycleTime.n).toBe(68);
      expect(m.cycleTime.percentiles).toEqual({ p50: 7, p70: 10, p85: 12, p95: 15 });
      expect(m.window).toMatchObject({ from: '2025-06-09', to: '2025-08-31' });
    }
  });

  it('as of 2025-08-31: 8 in progress aged 13 12 11 9 6 6 3 3, 5 not started', () => {
    expect(all.inProgress.map((i) => i.age)).toEqual(SAMPLE_IN_PROGRESS_AGES);
    expect(all.notStarted).toBe(5);
    expect(all.backlog).toEqual({ inProgress: 8, notStarted: 5, total: 13 });
    // P85 = 12 days: only the 13-day item is past it; P70 = 10: three are.
    expect(all.inProgress.filter((i) => i.pastSle).map((i) => i.age)).toEqual([13]);
    expect(all.rightSizing).toMatchObject({ inProgress: 8, pastP70: 3, pastSle: 1 });
  });

  it('cumulative flow at the end of four days', () => {
    for (const expected of CFD) {
      const point = all.cfd.find((p) => p.date === expected.date);
      const want = hasCreated
        ? expected
        : {
            date: expected.date,
            started: expected.started,
            done: expected.done,
            inProgress: expected.inProgress,
          };
      expect(point).toEqual(want);
      expect(all.wip.find((p) => p.date === expected.date)?.count).toBe(expected.inProgress);
    }
    expect(all.cfdBands).toEqual(hasCreated ? ['arrived', 'started', 'done'] : ['started', 'done']);
  });

  it('throughput: 80 days with completions, at most 3 a day, the 26 weekly counts', () => {
    expect(all.throughput.daysWithCompletions).toBe(80);
    expect(all.throughput.maxPerDay).toBe(3);
    expect(all.throughput.weekly.map((w) => w.count)).toEqual(WEEKLY);
    expect(all.throughput.weekly[0].weekStart).toBe('2025-03-03');
    expect(all.throughput.weeklyMean).toBeCloseTo(124 / 26, 2);
  });
});
