import { describe, expect, it } from 'vitest';
import { historyFromItems } from './history';
import { DATE_TIME_FORMATS, detectDateTimeFormat } from './date-time';
import type { WorkItemInput } from './inputs';
import { readSampleCsv } from '../test/sample-exports';

// The facts of samples/README.md (the same 137 items exported by four trackers).
const WEEKLY = [6, 5, 4, 5, 3, 4, 1, 6, 0, 1, 10, 6, 0, 5, 7, 9, 6, 6, 3, 8, 8, 0, 8, 4, 4, 5];

const exports: { file: string; sep: string; done: string; start: string; format?: string }[] = [
  { file: 'linear-export.csv', sep: ',', done: 'Completed', start: 'Started' },
  {
    file: 'jira-export.csv',
    sep: ',',
    done: 'Resolved',
    start: 'Custom field (Start date)',
    format: DATE_TIME_FORMATS.jira,
  },
  {
    file: 'azure-devops-export.csv',
    sep: ',',
    done: 'Closed Date',
    start: 'Activated Date',
    format: DATE_TIME_FORMATS.azureUs,
  },
  {
    file: 'planilha-ptbr.csv',
    sep: ';',
    done: 'Data de conclusão',
    start: 'Data de início',
    format: DATE_TIME_FORMATS.dayFirst,
  },
];

function itemsOf(e: (typeof exports)[number]): WorkItemInput[] {
  return readSampleCsv(e.file, e.sep).map((r) => ({ done: r[e.done], start: r[e.start] }));
}

describe('historyFromItems on the sample tracker exports', () => {
  const linear = historyFromItems({ items: itemsOf(exports[0]) });

  it('counts done, in progress and not started items of the Linear export', () => {
    expect(linear.counts).toMatchObject({
      total: 137,
      done: 124,
      inProgress: 8,
      notStarted: 5,
      invalid: 0,
    });
  });

  it('gives the documented weekly throughput from Monday 2025-03-03, zero weeks included', () => {
    expect(linear.weeklyThroughput).toEqual(WEEKLY);
    expect(linear.weekStarts[0]).toBe('2025-03-03');
    expect(linear.weekStarts).toHaveLength(26);
    for (const zeroWeek of ['2025-04-28', '2025-05-26', '2025-07-28']) {
      expect(linear.weeklyThroughput[linear.weekStarts.indexOf(zeroWeek)]).toBe(0);
    }
    expect(linear.from).toBe('2025-03-03');
    expect(linear.to).toBe('2025-08-31');
  });

  it('gives one positive lead time per done item, the first being 17 Feb 16:15 → 6 Mar 17:15', () => {
    expect(linear.leadTimes).toHaveLength(124);
    expect(linear.leadTimes.every((x) => x > 0)).toBe(true);
    expect(linear.counts.doneWithoutStart).toBe(0);
    const all = historyFromItems({
      items: [{ start: '2025-02-17T16:15:00.000Z', done: '2025-03-06T17:15:00.000Z' }],
    });
    expect(all.leadTimes[0]).toBeCloseTo(17 + 1 / 24, 12);
  });

  for (const e of exports.slice(1)) {
    it(`reads ${e.file} to the same history (format ${e.format})`, () => {
      const items = itemsOf(e);
      // The column detector must settle on the format we name.
      expect(detectDateTimeFormat(items.map((i) => i.done)).format).toBe(e.format);
      const h = historyFromItems({ items, dateFormat: e.format });
      expect(h.counts).toEqual(linear.counts);
      expect(h.weeklyThroughput).toEqual(WEEKLY);
      expect(h.weekStarts).toEqual(linear.weekStarts);
      expect(h.leadTimes).toHaveLength(linear.leadTimes.length);
      h.leadTimes.forEach((lt, k) => expect(lt).toBeCloseTo(linear.leadTimes[k], 9));
    });
  }

  it('misreads the Azure export when parsed day-first, which is why the format matters', () => {
    const h = historyFromItems({
      items: itemsOf(exports[2]),
      dateFormat: DATE_TIME_FORMATS.dayFirst,
    });
    expect(h.counts.invalid).toBeGreaterThan(0);
  });
});

describe('historyFromItems rules', () => {
  it('uses the UTC date of zoned values and the written date of local ones', () => {
    // Sunday 23:30 in São Paulo is Monday 02:30 UTC: the zoned value lands in the next week.
    const h = historyFromItems({
      items: [
        { done: '2025-03-09T23:30:00-03:00' },
        { done: '2025-03-09T23:30:00' },
        { done: '2025-03-03' },
      ],
    });
    expect(h.weekStarts).toEqual(['2025-03-03', '2025-03-10']);
    expect(h.weeklyThroughput).toEqual([2, 1]);
  });

  it('restricts to a range, padding empty weeks at both ends', () => {
    const h = historyFromItems({
      items: [{ done: '2025-03-05' }, { done: '2025-03-20' }, { done: '2025-05-01' }],
      from: '2025-02-26',
      to: '2025-03-31',
    });
    expect(h.weekStarts[0]).toBe('2025-02-24');
    expect(h.weeklyThroughput).toEqual([0, 1, 0, 1, 0, 0]);
    expect(h.counts.outsideRange).toBe(1);
    expect(h.to).toBe('2025-04-06');
  });

  it('counts bad items and leaves out impossible lead times, with warnings', () => {
    const h = historyFromItems({
      items: [
        { done: '2025-03-05', start: '2025-03-07' },
        { done: 'yesterday' },
        { done: '2025-03-06' },
        { start: '2025-03-01', done: null },
        {},
      ],
    });
    expect(h.counts).toMatchObject({
      done: 2,
      invalid: 1,
      inProgress: 1,
      notStarted: 1,
      startAfterDone: 1,
      doneWithoutStart: 1,
    });
    expect(h.leadTimes).toEqual([]);
    expect(h.warnings).toHaveLength(3);
  });

  it('returns an empty history when nothing is done', () => {
    const h = historyFromItems({ items: [{ start: '2025-03-01' }] });
    expect(h.weeklyThroughput).toEqual([]);
    expect(h.from).toBeNull();
  });
});
