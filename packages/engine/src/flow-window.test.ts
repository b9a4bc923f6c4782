import { describe, expect, it } from 'vitest';
import { createRng } from './prng';
import { calibrateWindow, chooseHistoryWindow } from './flow-window';

/** Weekly counts around a mean, from a fixed-seed generator. */
function weeks(n: number, mean: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () =>
    Math.max(0, Math.round(mean + (rng.nextFloat() - 0.5) * mean)),
  );
}

describe('chooseHistoryWindow', () => {
  it('prefers a recent window when throughput halved midway, and says why', () => {
    const series = [...weeks(44, 10, 1), ...weeks(43, 5, 2)];
    const choice = chooseHistoryWindow(series);
    const all = choice.candidates.find((c) => c.window === 'all')!;
    expect(choice.window).not.toBe('all');
    expect(all.rate).toBeLessThan(choice.calibration!.rate);
    expect(choice.reason).toMatch(
      new RegExp(`^last ${choice.window} weeks: P85 held in \\d+ % of \\d+ backtests$`),
    );
  });

  it('the P85 of a constant history always holds', () => {
    const c = calibrateWindow(Array<number>(30).fill(4), 'all', {
      horizon: 4,
      minHistory: 8,
      target: 85,
      maxFolds: 104,
    });
    expect(c).toEqual({ window: 'all', folds: 19, held: 19, rate: 100 });
  });

  it('uses all history when it is too short to backtest', () => {
    expect(chooseHistoryWindow([3, 4, 5])).toMatchObject({ window: 'all', calibration: null });
  });
});
