import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSCurve, runLengths } from './s-curve';
import { referenceCases } from '../test/reference-cases';

describe('buildSCurve', () => {
  for (const c of referenceCases('sCurve')) {
    it(`matches reference case ${c.id}`, () => {
      const i = c.input as { minContributors: number; maxContributors: number; sCurveSize: number };
      const curve = buildSCurve(i.minContributors, i.maxContributors, i.sCurveSize);
      expect(runLengths(curve)).toEqual(
        (c.expected as { runLengths: [number, number][] }).runLengths,
      );
    });
  }

  it('rounds g(0.25) on [2,3,4] half to even', () => {
    // Rg = [2,3,4] (max 5): percentile 0.25 is 2.5 → 2, not 3.
    expect(buildSCurve(2, 5, 4)[1]).toBe(2);
  });

  it('is flat at max without ramp and clamps the size to 50', () => {
    expect([...buildSCurve(3, 7, 0)].every((v) => v === 7)).toBe(true);
    expect(buildSCurve(1, 5, 80)).toEqual(buildSCurve(1, 5, 50));
  });

  it('stays within [min, max] and peaks at max while some of the project runs at full size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 49 }),
        (min, extra, s) => {
          const c = buildSCurve(min, min + extra, s);
          expect(Math.min(...c)).toBeGreaterThanOrEqual(min);
          expect(Math.max(...c)).toBe(min + extra);
        },
      ),
    );
  });
});
