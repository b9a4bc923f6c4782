import type { SimulateInput, ThroughputInput, WhenInput } from '../src/inputs';

/**
 * Weeks of 0 or 10 items, each half the time: the forecasts' sums have a known mean and spread
 * (How many's pessimistic side, When's geometric weeks).
 */
export const ZERO_OR_TEN: ThroughputInput = { tpSamples: [0, 10], throughputModel: 'bootstrap' };

/**
 * One week in 20 delivers an item: of 2,000 runs of a 20-item backlog some finish and some stop
 * at maxWeeks, so the trust tests (engine, CLI, API) can tell the finished runs' figures from
 * the cap.
 */
export const SOME_STOPPED: SimulateInput = {
  tpSamples: [...Array<number>(19).fill(0), 1],
  throughputModel: 'bootstrap',
  numberOfTasks: 20,
  numberOfSimulations: 2000,
  seed: 1,
};

/**
 * spec calendars.md reference case 1: a daily model with a two-day blackout, done 2026-04-14 at
 * every percentile. The schemas, CLI and API tests send it too (schemas/test/calendar-cases.ts).
 */
export const BLACKOUT_CASE = {
  backlog: 10,
  tpSamples: [2],
  throughputModel: 'bootstrap',
  resolution: 'day',
  startDate: '2026-04-06',
  calendar: { blackouts: [{ from: '2026-04-07', to: '2026-04-08' }] },
} satisfies WhenInput;
