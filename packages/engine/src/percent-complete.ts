/**
 * The S-curve is read by percent complete, pct = clamp(roundHalfEven((T − r)/T · 100), 0, 99).
 * Computing that every simulated week puts a division and a rounding on the loop's critical
 * path. But the curve has only a few segments of equal team size, and pct only grows as the
 * remaining work r shrinks, so a run only needs, per segment, the largest r at which that
 * segment has been reached. Those thresholds are found once per total T by bisection over
 * doubles against the exact formula, so the fast loop picks the same team size as the formula
 * for every r (a test compares both on millions of weeks).
 */

/** The spec's percent-complete index, exactly (half-even rounding, clamped to 0..99). */
export function percentComplete(total: number, remaining: number): number {
  const x = ((total - remaining) / total) * 100;
  let p = Math.round(x);
  if (p - x === 0.5 && (p & 1) !== 0) p -= 1;
  return p > 99 ? 99 : p < 0 ? 0 : p;
}

/** Runs of equal values in the S-curve: where each starts, its team size and week factor. */
export interface CurveSegments {
  start: Int32Array;
  contributors: Int32Array;
  factor: Float64Array;
}

export function curveSegments(curve: Int32Array, weekFactor: Float64Array): CurveSegments {
  const start: number[] = [];
  for (let i = 0; i < curve.length; i++) if (i === 0 || curve[i] !== curve[i - 1]) start.push(i);
  return {
    start: Int32Array.from(start),
    contributors: Int32Array.from(start, (i) => curve[i]),
    factor: Float64Array.from(start, (i) => weekFactor[i]),
  };
}

/**
 * thresholds[s] (s ≥ 1) = the largest remaining r with percentComplete(total, r) ≥ start[s];
 * thresholds[0] is unused. Needs total > 0.
 */
export function segmentThresholds(total: number, start: Int32Array): Float64Array {
  const out = new Float64Array(start.length);
  out[0] = Infinity;
  for (let s = 1; s < start.length; s++) {
    const k = start[s];
    // pct(0) = 99 ≥ k and pct(total) = 0 < k; percentComplete is non-increasing in r.
    let lo = 0;
    let hi = total;
    for (;;) {
      const mid = lo + (hi - lo) / 2;
      if (mid === lo || mid === hi) break;
      if (percentComplete(total, mid) >= k) lo = mid;
      else hi = mid;
    }
    out[s] = lo;
  }
  return out;
}
