import type { SimulateInput, ThroughputInput } from '../src/inputs';

/**
 * Weeks of 0 or 10 items, each half the time: the forecasts' sums have a known mean and spread
 * (How many's pessimistic side, When's geometric weeks).
 */
export const ZERO_OR_TEN: ThroughputInput = { tpSamples: [0, 10], throughputModel: 'bootstrap' };

/**
 * One week in 20 delivers an item: of 2,000 runs of a 20-item backlog some finish and some stop
 * at maxWeeks, so the trust tests can tell the finished runs' figures from the cap.
 */
export const SOME_STOPPED: SimulateInput = {
  tpSamples: [...Array<number>(19).fill(0), 1],
  throughputModel: 'bootstrap',
  numberOfTasks: 20,
  numberOfSimulations: 2000,
  seed: 1,
};
