import { describe, expect, it } from 'vitest';
import { flowMetrics } from '@flow-forecaster/engine';
import type { Team } from '../../lib/team-store';
import { pickWeeks, teamWeeks } from './team-window';

/** One item done each day from Monday 2025-01-06 for 10 weeks, 2 on Wednesdays. */
function team(): Team {
  const items = [];
  for (let d = 0; d < 70; d++) {
    const day = new Date(Date.UTC(2025, 0, 6 + d)).toISOString().slice(0, 10);
    items.push({ id: `A-${d}`, started: day, done: day });
    if (d % 7 === 2) items.push({ id: `B-${d}`, started: day, done: day });
  }
  return {
    id: 't',
    name: 'Checkout',
    sample: false,
    source: 'csv',
    fileName: 'x.csv',
    items,
    throughput: [],
    rejected: [],
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

describe('the weeks a team window takes', () => {
  const weeks = teamWeeks(team(), new Date(2025, 2, 20))!;

  it('counts whole weeks from Monday and knows how old the data is', () => {
    expect(weeks.weekly).toEqual(Array(10).fill(8));
    expect(weeks.weekStarts?.[0]).toBe('2025-01-06');
    expect(weeks.staleDays).toBe(4);
  });

  it('a date range takes the weeks overlapping it, and says which', () => {
    const r = pickWeeks(weeks, { from: '2025-01-15', to: '2025-02-03' }, 'Checkout');
    expect(r.used).toHaveLength(4);
    expect(r.note).toEqual({
      team: 'Checkout',
      window: { from: '2025-01-15', to: '2025-02-03' },
      weeks: 4,
      from: '2025-01-13',
      to: '2025-02-09',
    });
    expect(pickWeeks(weeks, { from: '2026-01-01', to: '2026-02-01' }, 'x').used).toEqual([]);
  });

  it('last N weeks, all, and the calibrated choice with its reason', () => {
    expect(pickWeeks(weeks, { weeks: 3 }, 'x').note).toMatchObject({
      window: { weeks: 3 },
      weeks: 3,
      from: '2025-02-24',
      to: '2025-03-16',
    });
    expect(pickWeeks(weeks, 'all', 'x').used).toHaveLength(10);
    const auto = pickWeeks(weeks, undefined, 'x');
    expect(auto.note.auto).toBe(true);
    expect(auto.note.reason).toBe(weeks.recommended.reason);
    // Backtest and process behaviour always look at every week.
    expect(pickWeeks(weeks, { weeks: 3 }, 'x', true).used).toHaveLength(10);
  });

  it('pasted weeks have no dates: a date range falls back to the calibrated choice', () => {
    const pasted = teamWeeks({ ...team(), items: [], throughput: [4, 5, 6] })!;
    expect(pasted.weekStarts).toBeNull();
    const r = pickWeeks(pasted, { from: '2025-01-01', to: '2025-02-01' }, 'x');
    expect(r.note.auto).toBe(true);
    expect(r.used).toEqual([4, 5, 6]);
  });

  it('shows the same dates for "the last N weeks" as the flow pages, when the data ends mid-week', () => {
    // The newest completion on a Friday: the last week is partial, on both sides.
    const items = team().items.filter((i) => i.done! <= '2025-03-14');
    const friday = teamWeeks({ ...team(), items }, new Date(2025, 2, 20))!;
    for (const n of [3, 8]) {
      const flow = flowMetrics(items, { window: { weeks: n } }).window;
      const { note, used } = pickWeeks(friday, { weeks: n }, 'x');
      expect({ from: note.from, to: note.to }, `${n} weeks`).toEqual({
        from: flow.from,
        to: flow.to,
      });
      expect(used).toHaveLength(n);
    }
    expect(pickWeeks(friday, 'all', 'x').note.to).toBe('2025-03-14');
  });
});
