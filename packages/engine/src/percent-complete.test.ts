import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { curveSegments, percentComplete, segmentThresholds } from './percent-complete';
import { buildSCurve } from './s-curve';

describe('percentComplete', () => {
  it('rounds half to even and clamps to 0..99', () => {
    expect(percentComplete(200, 199)).toBe(0); // 0.5 → 0
    expect(percentComplete(200, 197)).toBe(2); // 1.5 → 2
    expect(percentComplete(200, 195)).toBe(2); // 2.5 → 2
    expect(percentComplete(50, 0.1)).toBe(99);
    expect(percentComplete(50, 50)).toBe(0);
  });
});

/** The next representable double above a positive x. */
function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

describe('segmentThresholds', () => {
  it('r ≤ threshold exactly when the formula has reached the segment', () => {
    const curve = buildSCurve(2, 9, 30);
    const segs = curveSegments(curve, new Float64Array(100).fill(1));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, share) => {
          const thr = segmentThresholds(total, segs.start);
          const r = Math.max(Number.MIN_VALUE, total * share);
          const pct = percentComplete(total, r);
          for (let s = 1; s < segs.start.length; s++) {
            expect(r <= thr[s]).toBe(pct >= segs.start[s]);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is exact at the boundary itself: the next double up is in the earlier segment', () => {
    const segs = curveSegments(buildSCurve(1, 5, 20), new Float64Array(100).fill(1));
    for (const total of [7, 50, 123, 99_999]) {
      const thr = segmentThresholds(total, segs.start);
      for (let s = 1; s < segs.start.length; s++) {
        expect(percentComplete(total, thr[s])).toBeGreaterThanOrEqual(segs.start[s]);
        const next = nextUp(thr[s]);
        expect(percentComplete(total, next)).toBeLessThan(segs.start[s]);
      }
    }
  });
});
