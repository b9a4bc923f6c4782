/** The registry rows' summaries follow the trust rules (caps are not forecasts; deadline asked as asked). */
import { describe, expect, it } from 'vitest';
import { parseForecast, runForecast } from './registry';

function summaryOf(kind: 'when' | 'simulate' | 'deadline', body: Record<string, unknown>) {
  const parsed = parseForecast(kind, body);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const run: unknown = runForecast<unknown>(parsed.value);
  return parsed.value.summarise(run);
}

describe('saved-forecast summaries', () => {
  it('says "more than 10 years" instead of a percentile at the cap', () => {
    const s = summaryOf('when', {
      tpSamples: [0, 0, 0, 0, 1],
      throughputModel: 'bootstrap',
      backlog: 1000,
      numberOfSimulations: 10_000,
      seed: 1,
    });
    expect(s.headline).toBe('P85: more than 10 years (none of the 10,000 runs finished)');
    expect(s.p85Weeks).toBeNull();
  });

  it('keeps the figures of a finished forecast', () => {
    const s = summaryOf('simulate', { tpSamples: [5, 6, 7], numberOfTasks: 30, seed: 1 });
    expect(s.headline).toMatch(/^P85: \d+ weeks$/);
    expect(s.p85Weeks).toBeGreaterThan(0);
  });

  it('headlines the chance to finish by the deadline', () => {
    const s = summaryOf('deadline', {
      tpSamples: [10, 10],
      backlog: 20,
      startDate: '2025-10-01',
      deadlineDate: '2025-10-16',
      seed: 1,
    });
    expect(s.headline).toBe('100% chance to finish by 2025-10-16');
  });
});

describe('shares of runs in summaries', () => {
  it('never round a share short of every run to "100%", nor a nonzero one to "0%"', async () => {
    const { percentText } = await import('./kinds/summary');
    expect(percentText(0.9996)).toBe('> 99.9%');
    expect(percentText(0.9994)).toBe('99.9%');
    // Every run is a true count.
    expect(percentText(1)).toBe('100%');
    expect(percentText(0.0004)).toBe('< 0.1%');
    expect(percentText(0)).toBe('0%');
  });
});
