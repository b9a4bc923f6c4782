/** `ff history` on the four sample exports of one team: same weeks, same lead times. */
import { describe, expect, it } from 'vitest';
import { DATA, ff } from './helpers';

// From samples/README.md.
const WEEKLY = [6, 5, 4, 5, 3, 4, 1, 6, 0, 1, 10, 6, 0, 5, 7, 9, 6, 6, 3, 8, 8, 0, 8, 4, 4, 5];

const EXPORTS: [string, string, string][] = [
  ['jira-export.csv', 'Resolved', 'Custom field (Start date)'],
  ['azure-devops-export.csv', 'Closed Date', 'Activated Date'],
  ['linear-export.csv', 'Completed', 'Started'],
  ['planilha-ptbr.csv', 'Data de conclusão', 'Data de início'],
];

type History = {
  tpSamples: number[];
  ltSamples: number[];
  weeklyThroughput: number[];
  weeks: number;
  weekStarts: string[];
  counts: Record<string, number>;
  csv: { dateFormat: string; rows: number };
};

async function history(args: string[]): Promise<History> {
  const r = await ff(['history', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as History;
}

describe.concurrent('history from tracker exports', () => {
  it('gives the same weekly throughput and lead times from all four files', async () => {
    const results = await Promise.all(
      EXPORTS.map(([file, done, start]) =>
        history(['--csv', `${DATA}/${file}`, '--done-column', done, '--start-column', start]),
      ),
    );
    for (const h of results) {
      expect(h.tpSamples).toEqual(WEEKLY);
      expect(h.weeklyThroughput).toEqual(WEEKLY);
      expect(h.weekStarts[0]).toBe('2025-03-03');
      expect(h.weekStarts).toHaveLength(26);
      expect(h.weeks).toBe(26);
      expect(h.counts).toMatchObject({ done: 124, inProgress: 8, notStarted: 5 });
      expect(h.ltSamples).toHaveLength(124);
      expect(h.ltSamples.every((d) => d > 0)).toBe(true);
      expect(h.ltSamples).toEqual(results[0].ltSamples);
    }
    // Azure is month-first: detected from the whole file, not guessed per value.
    expect(results.map((h) => h.csv.dateFormat)).toEqual([
      'dd/MMM/yy h:mm a',
      'M/d/yyyy h:mm:ss a',
      'iso',
      'dd/MM/yyyy HH:mm',
    ]);
  });

  it('honours --date-format, --delimiter and --from/--to', async () => {
    const h = await history([
      '--csv',
      `${DATA}/planilha-ptbr.csv`,
      '--done-column',
      'Data de conclusão',
      '--date-format',
      'dmy',
      '--delimiter',
      ';',
      '--from',
      '2025-03-10',
      '--to',
      '16/03/2025',
    ]);
    expect(h.tpSamples).toEqual([WEEKLY[1]]);
    expect(h.counts.outsideRange).toBe(124 - WEEKLY[1]);
  });

  it('refuses to read a month-first file as day-first', async () => {
    const r = await ff([
      'history',
      '--csv',
      `${DATA}/azure-devops-export.csv`,
      '--done-column',
      'Closed Date',
      '--date-format',
      'dmy',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --date-format: .*dmy/);
  });

  it('names a missing column and lists the ones there are', async () => {
    const r = await ff(['history', '--csv', `${DATA}/jira-export.csv`, '--done-column', 'Done']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --done-column: no column 'Done'.*Resolved/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
