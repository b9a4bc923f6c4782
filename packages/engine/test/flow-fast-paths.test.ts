// The columnar records, the id table and the one-pass `auto` window (flow-items.ts,
// flow-metrics.ts) were made for speed: these fingerprints are of the results the plain
// implementation before them gave (objects per record, a Set of ids, a second metrics pass for
// the recommended window), so any change to a number, a warning or an order fails here.
// The default and "last N weeks" ones were renewed when that window became whole weeks from
// Monday (`lastWeeksDays`, issue 15); the test below checks they are exactly the date range.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  flowAnalysis,
  flowItemsFromRows,
  flowMetrics,
  lastWeeksRange,
  type FlowItemInput,
} from '../src/index';
import { benchFlowItems } from '../bench/flow-items';
import { readSampleCsv } from './sample-exports';

// Results without a calendar now say `calendar: null`; the fingerprints predate that field, so
// it is left out when null (a calendar's own effect is tested in flow-calendar.test.ts).
const withoutNoCalendar = (key: string, value: unknown) =>
  key === 'calendar' && value === null ? undefined : value;
const fingerprint = (x: unknown) =>
  createHash('sha256').update(JSON.stringify(x, withoutNoCalendar)).digest('hex').slice(0, 16);

const big = benchFlowItems(100_000);

/** Every kind of problem the reader reports, spread over 30,000 items. */
const messy: FlowItemInput[] = big
  .slice(0, 30_000)
  .map((it, i) =>
    i % 997 === 5
      ? { ...it, id: big[i - 1].id }
      : i % 1009 === 7
        ? { ...it, started: '2025-13-40' }
        : i % 1013 === 9
          ? { ...it, id: '  ' }
          : i % 1019 === 11
            ? { ...it, started: it.done, done: it.started }
            : i % 1021 === 13
              ? { ...it, id: ` ${it.id} `, type: ' Bug ', started: `${it.started}T10:00:00Z` }
              : it,
  );

describe('flow metrics: same results as the plain implementation', () => {
  it('100,000 items, every window and a type filter', () => {
    expect(fingerprint(flowAnalysis({ items: big, window: 'all' }))).toBe('dc395d2a44902111');
    expect(fingerprint(flowAnalysis({ items: big, window: { weeks: 12 } }))).toBe(
      'fe56298131bbe4f7',
    );
    expect(
      fingerprint(flowAnalysis({ items: big, window: { from: '2026-01-01', to: '2027-06-30' } })),
    ).toBe('a9ed36b5f72f8ada');
    expect(fingerprint(flowAnalysis({ items: big, types: ['Bug'], asOf: '2027-01-31' }))).toBe(
      '23d4f74870657bb0',
    );
  }, 60_000);

  it('items with every kind of problem', () => {
    expect(fingerprint(flowAnalysis({ items: messy, window: 'all' }))).toBe('66ab7eb7ab68d713');
    expect(fingerprint(flowAnalysis({ items: messy }))).toBe('f4b6fb28c1d1da71');
  }, 30_000);

  it.each([
    ['jira-export.csv', ',', '41ce92e30e738e59', 'd6d447e4b2ee7414'],
    ['azure-devops-export.csv', ',', '354850171cb3702f', '28daf44320bc9743'],
    ['linear-export.csv', ',', '8f25085f48646c39', '544442c9ca918bf0'],
    ['planilha-ptbr.csv', ';', 'a16a1a728298eacf', 'c66867426fbeefb8'],
  ])('%s', (file, sep, allHistory, byDefault) => {
    const { items } = flowItemsFromRows(readSampleCsv(file, sep));
    expect(fingerprint(flowAnalysis({ items, asOf: '2025-08-31', window: 'all' }))).toBe(
      allHistory,
    );
    expect(fingerprint(flowAnalysis({ items }))).toBe(byDefault);
  });

  it('`auto` is the recommended window, computed in the same pass', () => {
    for (const items of [big.slice(0, 20_000), messy.slice(0, 5_000)]) {
      const auto = flowAnalysis({ items, window: 'auto' });
      const chosen = auto.historyWindow.window;
      const explicit = flowAnalysis({
        items,
        window: chosen === 'all' ? 'all' : { weeks: chosen },
      });
      expect(auto).toEqual(explicit);
      expect(flowMetrics(items, { window: 'auto' })).toEqual(
        flowMetrics(items, { window: chosen === 'all' ? 'all' : { weeks: chosen } }),
      );
    }
  }, 30_000);

  it('"the last N weeks" is the date range lastWeeksRange gives, and nothing else', () => {
    const { items } = flowItemsFromRows(readSampleCsv('jira-export.csv', ','));
    for (const asOf of ['2025-08-29', '2025-08-31', '2025-07-02']) {
      for (const weeks of [1, 8, 12, 26]) {
        const byWeeks = flowAnalysis({ items, asOf, window: { weeks } });
        const byRange = flowAnalysis({ items, asOf, window: lastWeeksRange(asOf, weeks) });
        expect(byWeeks).toEqual({ ...byRange, window: { ...byRange.window, weeks } });
      }
    }
  });
});
