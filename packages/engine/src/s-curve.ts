/**
 * The team S-curve: how many contributors work in each percent of the project. Teams ramp up,
 * work at full size, then ramp down as the backlog empties, which the original models as a
 * lookup from percent-complete to team size.
 */
import { percentileSorted } from './percentile';
import { roundHalfEven } from './round';

/**
 * C[0..99] for `size` (0–50, clamped) percent of ramp-up and ramp-down between `min` and `max`
 * contributors. g(p) = clamp(roundHalfEven(percentile(Rg, p)), min, max) with
 * Rg = [min, …, max − 1]; half-even rounding is what the reference figures rely on.
 */
export function buildSCurve(min: number, max: number, size: number): Int32Array {
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const s = Math.round(Math.min(50, Math.max(0, size)));
  const rg: number[] = [];
  for (let v = lo; v < hi; v++) rg.push(v);
  const g = (p: number): number =>
    Math.min(hi, Math.max(lo, roundHalfEven(percentileSorted(rg, p))));
  const curve = new Int32Array(100);
  for (let i = 0; i < 100; i++) {
    if (i < s) curve[i] = g(i / s);
    else if (i < 100 - s) curve[i] = hi;
    else curve[i] = g((100 - i) / s);
  }
  return curve;
}

/** [value, run length] pairs, the compact form the reference figures are written in. */
export function runLengths(curve: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < curve.length; i++) {
    const last = out[out.length - 1];
    if (last && last[0] === curve[i]) last[1]++;
    else out.push([curve[i], 1]);
  }
  return out;
}
