import { describe, expect, it } from 'vitest';
import { simulationWork, whenWork } from './work-estimate';

describe('work estimates', () => {
  it('grow with runs, backlog and per-run sample draws', () => {
    const base = { tpSamples: [5, 6, 7], numberOfTasks: 60, numberOfSimulations: 10_000 };
    const w = simulationWork(base);
    // About 10 weeks per run plus one draw for the setup.
    expect(w).toBeCloseTo(10_000 * 11, -3);
    expect(simulationWork({ ...base, numberOfSimulations: 20_000 })).toBeCloseTo(2 * w, 6);
    expect(simulationWork({ ...base, numberOfTasks: 600 })).toBeGreaterThan(9 * w);
    const splits = Array.from({ length: 1000 }, () => 1);
    expect(simulationWork({ ...base, splitRateSamples: splits })).toBeGreaterThan(100 * w);
    expect(simulationWork({ ...base, teamFocus: 1e-6 })).toBe(10_000 * 521);
  });

  it('estimates when-forecasts from the weekly mean', () => {
    expect(whenWork({ tpSamples: [10], backlog: 100, numberOfSimulations: 1000 })).toBe(10_000);
    expect(
      whenWork({ throughputModel: 'estimate', pBest: 1, pLikely: 2, pWorst: 3, backlog: 20 }),
    ).toBe(100_000);
  });
});
