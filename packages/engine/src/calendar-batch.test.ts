/**
 * The calendar's batched draw loop (countThinnedWeeks) gives exactly what one
 * weeksUntilDoneThinned call per run gives: same weeks for every run, same generator state after.
 */
import { describe, expect, it } from 'vitest';
import { compileCalendar, thinningPlan } from './calendar';
import { weeksUntilDoneThinned } from './draw-loops';
import { createRng } from './prng';
import { createThroughputSampler } from './throughput';
import { forecastWhen, thinnedWeeksToFinish } from './when';

const HOLIDAYS = ['2026-01-01', '2026-04-21', '2026-05-01', '2026-09-07', '2026-12-25'].map(
  (date) => ({ date, name: 'holiday' }),
);

function perRun(
  table: Parameters<typeof weeksUntilDoneThinned>[1],
  plan: Parameters<typeof weeksUntilDoneThinned>[4],
  backlog: number,
  focus: number,
  runs: number,
  seed: number,
) {
  const rng = createRng(seed);
  const counts = new Uint32Array(plan.days.length + 1);
  let unfinished = 0;
  for (let r = 0; r < runs; r++) {
    const w = weeksUntilDoneThinned(rng, table, backlog, focus, plan);
    if (w < 0) {
      unfinished++;
      counts[plan.days.length]++;
    } else counts[w]++;
  }
  return { counts, unfinished, next: rng.nextUint32() };
}

describe('batched thinned runs', () => {
  it.each([
    { backlog: 300, focus: 1, weeks: 520, runs: 5000 },
    { backlog: 40, focus: 0.7, weeks: 520, runs: 3000 },
    // A cap the runs often hit: the unfinished ones are counted alike.
    { backlog: 300, focus: 1, weeks: 45, runs: 3000 },
  ])('backlog $backlog, focus $focus, cap $weeks: the same counts', (c) => {
    const { table } = createThroughputSampler({ tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 0, 8] });
    const plan = thinningPlan(
      compileCalendar(
        { holidays: HOLIDAYS, blackouts: [{ from: '2026-02-16', to: '2026-02-20' }] },
        '2026-01-05',
        c.weeks * 7,
      ),
      c.weeks,
      table,
    );
    expect(plan.tables).not.toBeNull();
    expect(plan.shortWeeks).toBeGreaterThan(0);
    const want = perRun(table, plan, c.backlog, c.focus, c.runs, 7);
    const rng = createRng(7);
    const got = thinnedWeeksToFinish(table, c.backlog, c.runs, rng, c.focus, plan);
    expect([...got.counts]).toEqual([...want.counts]);
    expect(got.unfinished).toBe(want.unfinished);
    if (c.weeks < 50) expect(got.unfinished).toBeGreaterThan(0);
    // The generator is left where the per-run calls leave it.
    expect(rng.nextUint32()).toBe(want.next);
  });

  it('stops between batches when asked, as the per-run loop does', () => {
    const { table } = createThroughputSampler({ tpSamples: [5, 6, 7] });
    const plan = thinningPlan(
      compileCalendar({ holidays: HOLIDAYS }, '2026-01-05', 3640),
      520,
      table,
    );
    expect(() =>
      thinnedWeeksToFinish(table, 100, 5000, createRng(1), 1, plan, { aborted: true }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('the spec’s Labour Day case is unchanged (P(done by 2026-05-08) = 0.8^5)', () => {
    const r = forecastWhen({
      tpSamples: [5],
      backlog: 10,
      startDate: '2026-04-27',
      numberOfSimulations: 100_000,
      seed: 3,
      calendar: { holidays: [{ date: '2026-05-01', name: 'Labour Day' }] },
    });
    const byMay8 = r.histogram.find((h) => h.weeks === 2)?.count ?? 0;
    const p = 0.8 ** 5;
    // Binomial tolerance: 5 standard deviations of the share over 100,000 runs.
    expect(Math.abs(byMay8 / 100_000 - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / 100_000));
    expect(r.completionDates?.p85).toBe('2026-05-15');
  });
});
