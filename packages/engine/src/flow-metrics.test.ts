import { describe, expect, it } from 'vitest';
import { flowMetrics, sleSentence } from './flow-metrics';

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
    expect(sleSentence(m.sle!)).toBe('85 % of items finish within 10 days');
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
});
