/** Building blocks of the rows' `summarise`: the figures saved forecasts keep and show. */
import type { PercentileStats } from '@flow-forecaster/engine';
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

/** A summary of a result whose percentiles are durations in weeks. */
export function weeksSummary(
  stats: PercentileStats,
  seed: number,
  canMeetDeadline: boolean | null = null,
): ForecastSummary {
  return {
    headline: `P85: ${stats.p85} weeks`,
    p50Weeks: stats.p50,
    p85Weeks: stats.p85,
    p95Weeks: stats.p95,
    canMeetDeadline,
    seed,
  };
}

export function percentText(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10} %`;
}
