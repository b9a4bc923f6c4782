/**
 * Upper bounds of a forecast's work, in engine steps (one random draw or one simulated
 * week). They read only the validated input and the engine's own caps, never a mean: a
 * history of a thousand zero weeks and one huge week must not be "estimated" as cheap.
 */
import { DEFAULT_MAX_WEEKS, DEFAULT_SIMULATIONS } from '@flow-forecaster/engine';

/** The runs a request asks for, or the engine's default. */
export function runsOf(requested: number | undefined): number {
  return requested ?? DEFAULT_SIMULATIONS;
}

/** Weeks one run may simulate before the engine stops it. */
export function weeksCap(maxWeeks: number | undefined): number {
  return maxWeeks ?? DEFAULT_MAX_WEEKS;
}

export function lengthOf(xs: readonly unknown[] | undefined): number {
  return xs?.length ?? 0;
}
