/**
 * Round half to even (banker's rounding), as Python's `round` does. The original Flow
 * Forecaster rounds this way inside the simulation and the reference figures depend on it:
 * with half-up the team reference case's median moves from 22 to 21 weeks.
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds .5 up; step back to the even neighbour on exact ties.
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

/** Half-up rounding to `digits` decimals, for figures only shown to people. */
export function roundTo(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f + Math.sign(x) * Number.EPSILON * f) / f;
}
