/** Building blocks of the rows' `summarise`: the figures saved forecasts keep and show. */
import type { PercentileStats, RunsFinished } from '@flow-forecaster/engine';
import type { ForecastSummary } from '../registry/define';

const NONE = {
  p50Weeks: null,
  p85Weeks: null,
  p95Weeks: null,
  canMeetDeadline: null,
  seed: null,
} as const;

/** A summary with only a headline (and the seed, for seeded kinds). */
export function headlineOnly(headline: string, seed?: number): ForecastSummary {
  return { ...NONE, headline, seed: seed ?? null };
}

/** What a result says about runs stopped at maxWeeks. */
export type StoppedRuns = RunsFinished & { numberOfSimulations: number };

/**
 * "more than 10 years (none of the 10,000 runs finished)": how a percentile that reads runs
 * stopped at maxWeeks is told (the trust rules: a cap is never a forecast).
 */
export function beyondMaxWeeksText(r: StoppedRuns): string {
  const span =
    r.maxWeeks % 52 === 0
      ? `${r.maxWeeks / 52} year${r.maxWeeks === 52 ? '' : 's'}`
      : `${r.maxWeeks} weeks`;
  const runs = r.numberOfSimulations.toLocaleString('en-US');
  const finished = Math.round(r.finishedShare * r.numberOfSimulations);
  const share =
    finished === 0
      ? `none of the ${runs} runs finished`
      : `${percentText(r.finishedShare)} of the ${runs} runs finished`;
  return `more than ${span} (${share})`;
}

/** A summary of a result whose percentiles are durations in weeks; caps are no figures. */
export function weeksSummary(
  stats: PercentileStats,
  seed: number,
  canMeetDeadline: boolean | null = null,
  stopped?: StoppedRuns,
): ForecastSummary {
  const beyond = stopped?.beyondMaxWeeks;
  const weeks = (k: 'p50' | 'p85' | 'p95') => (beyond?.[k] ? null : stats[k]);
  return {
    headline:
      stopped && beyond?.p85 ? `P85: ${beyondMaxWeeksText(stopped)}` : `P85: ${stats.p85} weeks`,
    p50Weeks: weeks('p50'),
    p85Weeks: weeks('p85'),
    p95Weeks: weeks('p95'),
    canMeetDeadline,
    seed,
  };
}

/**
 * A share of runs with one decimal, as the web and the CLI write it in English: one short of
 * every run never rounds to "100%" (it reads "> 99.9%"), a nonzero one never to "0%" ("< 0.1%").
 * Exactly 1 stays "100%": a true count (every run finished).
 */
export function percentText(fraction: number): string {
  if (fraction > 0 && fraction < 0.0005) return '< 0.1%';
  if (fraction < 1 && fraction >= 0.9995) return '> 99.9%';
  return `${Math.round(fraction * 1000) / 10}%`;
}
