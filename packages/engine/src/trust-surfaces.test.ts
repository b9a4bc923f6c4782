/**
 * Issue 14 leftovers: an empty backlog is said as such ("nothing left to do", a warning code
 * every surface reads), and the mean and SD of weeks have one definition: over the finished runs.
 */
import { describe, expect, it } from 'vitest';
import { forecastWhen } from './when';
import { simulate } from './simulate';
import { deadlineAnalysis } from './deadline';
import { finishedMoments } from './beyond-max-weeks';
import { SOME_STOPPED } from '../test/fixtures';

const T12 = [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7];

describe('an empty backlog', () => {
  it('carries the emptyBacklog warning in When, simulate and deadline results', () => {
    const when = forecastWhen({ tpSamples: T12, backlog: 0, seed: 1 });
    const sim = simulate({ tpSamples: T12, numberOfTasks: 0, seed: 1 });
    const dl = deadlineAnalysis({
      tpSamples: T12,
      backlog: 0,
      startDate: '2026-01-05',
      deadlineDate: '2026-03-02',
      seed: 1,
    });
    for (const r of [when, sim, dl]) {
      expect(r.warningCodes[0]?.code).toBe('emptyBacklog');
      expect(r.warnings[0]).toMatch(/backlog is empty/);
    }
  });

  it('says nothing of the kind when there is work', () => {
    const r = forecastWhen({ tpSamples: T12, backlog: 1, seed: 1 });
    expect(r.warningCodes.map((w) => w.code)).not.toContain('emptyBacklog');
  });
});

describe('mean and SD of weeks', () => {
  it('are over the finished runs, the stopped ones (at the cap) left out', () => {
    // 3 runs of 2 weeks, 1 of 4, and 2 stopped at the cap of 10.
    const counts = [0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 2];
    const m = finishedMoments(counts, 2);
    expect(m?.mean).toBeCloseTo(2.5, 10);
    expect(m?.sd).toBeCloseTo(Math.sqrt((3 * 0.25 + 2.25) / 4), 10);
    expect(finishedMoments([0, 0, 5], 5)).toBeNull();
  });

  it('give the same definition in simulate and When, null when no run finished', () => {
    const sim = simulate(SOME_STOPPED);
    expect(sim.finishedShare).toBeGreaterThan(0);
    expect(sim.finishedShare).toBeLessThan(1);
    // Every finished run took less than the cap, so their mean is below it.
    const finished = sim.histogram.filter((h) => !h.unfinished);
    const n = finished.reduce((s, h) => s + h.count, 0);
    const mean = finished.reduce((s, h) => s + h.weeks * h.count, 0) / n;
    expect(sim.meanWeeks).toBeCloseTo(mean, 10);
    // The same runs asked as When: the backlog is simulate's numberOfTasks.
    const { numberOfTasks, ...runs } = SOME_STOPPED;
    const when = forecastWhen({ ...runs, backlog: numberOfTasks });
    expect(when.finishedShare).toBeLessThan(1);
    expect(when.mean).toBeLessThan(when.maxWeeks);
    const none = forecastWhen({ tpSamples: [1, 2], backlog: 1000, maxWeeks: 10, seed: 1 });
    expect(none.finishedShare).toBe(0);
    expect(none.mean).toBeNull();
    expect(none.std).toBeNull();
  });
});
