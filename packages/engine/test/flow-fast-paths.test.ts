// The columnar records, the id table and the one-pass `auto` window (flow-items.ts,
// flow-metrics.ts) were made for speed: these fingerprints are of the results the plain
// implementation before them gave (objects per record, a Set of ids, a second metrics pass for
// the recommended window), so any change to a number, a warning or an order fails here.
// The default and "last N weeks" ones were renewed when that window became whole weeks from
// Monday (`lastWeeksDays`, issue 15); the test below checks they are exactly the date range.
// Renewed again when the window's reason text took one percent style ("93%", was "93 %"): a
// diff of the whole result before and after showed that string as the only change.
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
    expect(fingerprint(flowAnalysis({ items: big, window: 'all' }))).toBe('eaffa05481ee3866');
    expect(fingerprint(flowAnalysis({ items: big, window: { weeks: 12 } }))).toBe(
      'aeab5c2084b6f9e4',
    );
    expect(
      fingerprint(flowAnalysis({ items: big, window: { from: '2026-01-01', to: '2027-06-30' } })),
    ).toBe('f342671bef02d6fd');
    expect(fingerprint(flowAnalysis({ items: big, types: ['Bug'], asOf: '2027-01-31' }))).toBe(
      '84c8b7fff9b32227',
    );
  }, 60_000);

  it('items with every kind of problem', () => {
    expect(fingerprint(flowAnalysis({ items: messy, window: 'all' }))).toBe('fd937ab7b976a831');
    expect(fingerprint(flowAnalysis({ items: messy }))).toBe('4fbf58137b573e6d');
  }, 30_000);

  it.each([
    ['jira-export.csv', ',', 'a87ed61680b289fe', '49dda6be67296110'],
    ['azure-devops-export.csv', ',', '1930f34247e6b2df', '9d68a00bd04abda8'],
    ['linear-export.csv', ',', '64176f001ad808f9', '6a110e83d2cd2234'],
    ['planilha-ptbr.csv', ';', 'ed22df3c93a46133', 'd26fe0a038ff3f34'],
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
