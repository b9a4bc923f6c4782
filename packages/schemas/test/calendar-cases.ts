/**
 * Calendar request bodies of spec calendars.md that the schemas, CLI and API tests all send, so
 * each surface is checked on the same request.
 */

// Reference case 1 is the engine tests' own copy.
export { BLACKOUT_CASE } from '../../engine/test/fixtures';

/** One feature of one team from Monday 2026-04-27: Brazil's Labour Day moves it a week. */
export const LABOUR_DAY_PORTFOLIO = {
  teams: [{ name: 'A', tpSamples: [5], throughputModel: 'bootstrap' }],
  features: [{ name: 'F1', size: 10, team: 'A' }],
  startDate: '2026-04-27',
  numberOfSimulations: 2_000,
  suggestOrder: false,
  seed: 5,
};

/**
 * A history of 20 weeks from 2026-01-05 whose week 10 (2026-03-16..20) was an offsite; the
 * calendar (or the CLI's --blackout) that says so is each test's own.
 */
export const OFFSITE_BACKTEST = {
  tpSamples: Array.from({ length: 20 }, (_, i) => (i === 10 ? 0 : 5)),
  backlog: 10,
  throughputModel: 'bootstrap',
  minTrainSize: 6,
  numberOfSimulations: 2_000,
  seed: 4,
  startDate: '2026-01-05',
};
