import { roundHalfEven } from '@flow-forecaster/engine';

/** How well the team understands the backlog; it widens the raw range (spec multipliers). */
export type Complexity = 'clear' | 'somewhat' | 'notReally' | 'veryUnclear';

export const COMPLEXITY_MULTIPLIERS: Record<Complexity, { low: number; high: number }> = {
  clear: { low: 1, high: 1 },
  somewhat: { low: 1, high: 1.5 },
  notReally: { low: 1.5, high: 2 },
  veryUnclear: { low: 1.75, high: 3 },
};

/**
 * The backlog range the simulation draws from: low × the low multiplier, high × the high one
 * (rounded half to even, as the engine rounds backlog bounds). Null when it is a single value,
 * so a clear backlog of 50 is sent as exactly 50.
 */
export function adjustedBacklog(
  low: number,
  high: number | undefined,
  complexity: Complexity,
): { min: number; max: number } | null {
  const m = COMPLEXITY_MULTIPLIERS[complexity];
  const hi = high === undefined || high < low ? low : high;
  const min = roundHalfEven(low * m.low);
  const max = roundHalfEven(hi * m.high);
  if (min === low && max === low) return null;
  return { min, max };
}
