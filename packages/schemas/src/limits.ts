/**
 * Input limits from the spec ("Input limits" and the sections that mention a range), in one
 * place so the schemas, the CLI's option checks and the docs quote the same numbers.
 */
import { FLOW_MAX_ITEMS } from '@flow-forecaster/engine';

export const LIMITS = {
  samples: { max: 10_000 },
  simulations: { min: 100, max: 1_000_000 },
  tasks: { min: 0, max: 1_000_000 },
  /** The UI multiplies the raw backlog range by up to 3 ("very unclear"). */
  adjustedBacklog: { max: 3_000_000 },
  risks: { max: 100 },
  dependencies: { max: 100 },
  contributors: { min: 1, max: 10_000 },
  sCurveSize: { min: 0, max: 50 },
  splitRate: { min: 0.2, max: 10 },
  seed: { min: 0, max: 0xffff_ffff },
  /** Ten years: past that a forecast says more about the input than about the team. */
  maxWeeks: { min: 1, max: 520 * 10 },
  days: { max: 3660 },
  /** Percent levels a backtest can compare side by side. */
  confidenceLevels: { max: 20 },
  historyItems: { max: 100_000 },
  /** Work items of a flow request: the engine's own bound (FLOW_MAX_ITEMS). */
  flowItems: { max: FLOW_MAX_ITEMS },
  text: { short: 200, long: 2_000 },
  money: { max: 1e12 },
  delayDays: { max: 3660 },
  /** Blackout ranges and named optional holidays of one calendar. */
  blackouts: { max: 200 },
  /** Resolved holidays a request may carry (about 11 years of any country's). */
  holidays: { max: 5_000 },
  /** Years of public holidays resolved from the start date (later weeks: weekends, blackouts). */
  holidayYears: { max: 11 },
} as const;
