import { describe, expect, it } from 'vitest';
import { flowMetrics, sleSentence } from './flow-metrics';
import { lastWeeksRange } from './flow-days';

const items = [
  { id: 'A', type: 'Story', created: '2025-03-01', started: '2025-03-03', done: '2025-03-03' },
  { id: 'B', type: 'Bug', started: '2025-03-03', done: '2025-03-06' },
  { id: 'C', type: 'Story', started: '2025-03-04', done: '2025-03-13' },
  { id: 'D', type: 'Story', started: '2025-03-10', state: 'Review' },
  { id: 'E', type: 'Bug' },
];

describe('flowMetrics', () => {
  it('counts a same-day item as 1 day and ages from the start day inclusive', () => {
    const m = flowMetrics(items, { asOf: '2025-03-16', window: 'all' });
    expect(m.scatter.map((p) => [p.id, p.cycleTime])).toEqual([
      ['A', 1],
      ['B', 4],
      ['C', 10],
    ]);
    expect(m.cycleTime.percentiles).toEqual({ p50: 4, p70: 10, p85: 10, p95: 10 });
    expect(m.inProgress).toEqual([
      {
        id: 'D',
        type: 'Story',
        state: 'Review',
        started: '2025-03-10',
        age: 7,
        passed: 50,
        pastSle: false,
      },
    ]);
    expect(m.notStarted).toBe(1);
    expect(m.counts.sameDay).toBe(1);
    expect(sleSentence(m.sle!)).toBe('85% of items finish within 10 days');
  });

  it('filters by type and treats later events as not yet happened', () => {
    const m = flowMetrics(items, { asOf: '2025-03-06', window: 'all', types: ['Story'] });
    expect(m.types).toEqual(['Bug', 'Story']);
    expect(m.counts.items).toBe(3);
    expect(m.cycleTime.n).toBe(1);
    expect(m.inProgress.map((i) => i.id)).toEqual(['C']);
  });

  it('shows zero weeks as zero and warns when the newest completion is old', () => {
    const m = flowMetrics(
      [
        { id: '1', started: '2025-03-03', done: '2025-03-04' },
        { id: '2', started: '2025-03-03', done: '2025-03-20' },
      ],
      { asOf: '2025-05-01', window: 'all' },
    );
    expect(m.throughput.weekly.slice(0, 3).map((w) => w.count)).toEqual([1, 0, 1]);
    expect(m.stale).toEqual({ lastDone: '2025-03-20', daysSinceLastDone: 42, stale: true });
    expect(m.warningCodes.map((w) => w.code)).toContain('staleData');
    const fresh = flowMetrics(items, { asOf: '2025-03-16' });
    expect(fresh.stale.stale).toBe(false);
  });

  it('names the field of a bad window', () => {
    expect(() => flowMetrics(items, { window: { from: 'soon' } })).toThrow(/window.from/);
    expect(() => flowMetrics(items, { window: { weeks: 0 } })).toThrow(/window.weeks/);
  });

  it('counts "the last N weeks" in whole weeks from Monday, as the weekly throughput does', () => {
    // As of a Friday the newest week is partial; as of a Sunday it is whole.
    expect(lastWeeksRange('2025-08-29', 12)).toEqual({ from: '2025-06-09', to: '2025-08-29' });
    expect(lastWeeksRange('2025-08-31', 12)).toEqual({ from: '2025-06-09', to: '2025-08-31' });
    expect(lastWeeksRange('2025-09-01', 1)).toEqual({ from: '2025-09-01', to: '2025-09-01' });
    // The window's done items are those of the window's weeks of throughput: C (Thursday
    // 2025-03-13) is in the second week, A and B in the first, which "last 1 week" leaves out.
    const asOf = '2025-03-14';
    const one = flowMetrics(items, { asOf, window: { weeks: 1 } });
    expect(one.window).toEqual({ from: '2025-03-10', to: asOf, weeks: 1 });
    expect(one.cycleTime.n).toBe(1);
    const two = flowMetrics(items, { asOf, window: { weeks: 2 } });
    expect(two.window.from).toBe(lastWeeksRange(asOf, 2).from);
    expect(two.cycleTime.n).toBe(3);
    const weeksDone = two.throughput.weekly
      .filter((w) => w.weekStart >= (two.window.from ?? ''))
      .reduce((sum, w) => sum + w.count, 0);
    expect(weeksDone).toBe(two.cycleTime.n);
  });
});
