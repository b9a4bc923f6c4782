import { describe, expect, it } from 'vitest';
import { WARNING_CODES, warningMessage, type EngineWarning } from './warnings';
import { runForecast } from './forecast';

// One value for every parameter name any warning uses.
const EVERY_PARAM = {
  count: 3,
  rate: 41,
  weeks: 7,
  unfinished: 2,
  runs: 100,
  maxWeeks: 520,
  items: '1, 2',
  maxItems: 5000,
  folds: 4,
  from: 9,
  to: 12,
  train: 8,
  test: 4,
  model: 'weibull',
  backlog: 30,
  periods: 2,
  points: 1,
  trends: 0,
};

describe('engine warnings', () => {
  it('render every code as an English sentence with its numbers', () => {
    expect(WARNING_CODES.length).toBeGreaterThan(15);
    for (const code of WARNING_CODES) {
      const text = warningMessage({ code, params: EVERY_PARAM });
      expect(text.length, code).toBeGreaterThan(20);
      expect(text, code).not.toMatch(/undefined|\[object/);
    }
  });

  it('write percents in one style, the English "25%" with no space (issue 14)', () => {
    for (const code of WARNING_CODES) {
      const text = warningMessage({ code, params: EVERY_PARAM });
      expect(text, code).not.toMatch(/\d\s%/);
    }
  });

  it('come with each result as sentences and as codes, in the same order', () => {
    const when = runForecast('when', { tpSamples: [0, 0, 1], backlog: 400, maxWeeks: 10, seed: 1 });
    const codes = (when as { warningCodes: EngineWarning[] }).warningCodes;
    expect(codes.map((w) => w.code)).toEqual([
      'fewThroughputWeeks',
      'weibullFallback',
      'unfinishedRuns',
    ]);
    expect((when as { warnings: string[] }).warnings).toEqual(codes.map(warningMessage));
    expect(codes[2].params).toMatchObject({ runs: 10_000, maxWeeks: 10 });
    const pbc = runForecast('pbc', { values: [3, 4, 5] });
    expect((pbc as { warningCodes: EngineWarning[] }).warningCodes).toEqual([
      { code: 'pbcProvisional', params: { count: 3 } },
    ]);
  });
});
