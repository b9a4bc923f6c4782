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

/** The first implementation: every draw convolved in turn, with probabilities. */
function referenceQuantile(window: readonly number[], horizon: number, target: number): number {
  const values = new Map<number, number>();
  for (const v of window) {
    const k = Math.max(0, Math.round(v));
    values.set(k, (values.get(k) ?? 0) + 1 / window.length);
  }
  const support = [...values];
  const maxV = Math.max(0, ...support.map(([v]) => v));
  let dist = new Float64Array([1]);
  for (let h = 0; h < horizon; h++) {
    const next = new Float64Array(dist.length + maxV);
    for (let s = 0; s < dist.length; s++) {
      for (const [v, pv] of support) next[s + v] += dist[s] * pv;
    }
    dist = next;
  }
  let tail = 0;
  for (let x = dist.length - 1; x >= 0; x--) {
    tail += dist[x];
    if (tail >= target - 1e-12) return x;
  }
  return 0;
}

function referenceCalibration(
  weekly: readonly number[],
  window: number | 'all',
  o: { horizon: number; minHistory: number; target: number; maxFolds: number },
) {
  const lastOrigin = weekly.length - o.horizon;
  let folds = 0;
  let held = 0;
  for (let t = Math.max(o.minHistory, lastOrigin - o.maxFolds + 1); t <= lastOrigin; t++) {
    const from = window === 'all' ? 0 : Math.max(0, t - window);
    const p = referenceQuantile(weekly.slice(from, t), o.horizon, o.target / 100);
    const actual = weekly.slice(t, t + o.horizon).reduce((a, b) => a + b, 0);
    folds++;
    if (actual >= p) held++;
  }
  return { window, folds, held, rate: folds === 0 ? 0 : Math.round((held / folds) * 1000) / 10 };
}

describe('chooseHistoryWindow', () => {
  it('prefers a recent window when throughput halved midway, and says why', () => {
    const series = [...weeks(44, 10, 1), ...weeks(43, 5, 2)];
    const choice = chooseHistoryWindow(series);
    const all = choice.candidates.find((c) => c.window === 'all')!;
    expect(choice.window).not.toBe('all');
    expect(all.rate).toBeLessThan(choice.calibration!.rate);
    expect(choice.reason).toMatch(
      new RegExp(`^last ${choice.window} weeks: P85 held in \\d+% of \\d+ backtests$`),
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

  it('chooses exactly what the plain convolution chose, on steady, shifting and busy teams', () => {
    const series = [
      [...weeks(44, 10, 1), ...weeks(43, 5, 2)],
      weeks(60, 3, 3),
      [...weeks(30, 2, 4), ...weeks(30, 12, 5), ...weeks(30, 6, 6)],
      weeks(150, 480, 7),
      [0, 0, 1, 0, 2, 0, 0, 3, 0, 1, 0, 0, 0, 4, 0, 0, 1, 0, 0, 2],
      weeks(40, 20, 8).map((v, i) => (i % 5 === 0 ? v + 0.4 : v)),
    ];
    for (const weekly of series) {
      for (const horizon of [1, 3, 4]) {
        const opts = { horizon, minHistory: 8, target: 85, maxFolds: 104 };
        for (const w of [8, 12, 26, 'all'] as const) {
          expect(calibrateWindow(weekly, w, opts)).toEqual(referenceCalibration(weekly, w, opts));
        }
      }
    }
  });

  it('uses all history when it is too short to backtest', () => {
    expect(chooseHistoryWindow([3, 4, 5])).toMatchObject({ window: 'all', calibration: null });
  });
});
