import type { SavedForecast } from './api';

/** The numbers a saved forecast is compared by; null when its kind has no duration. */
export interface ForecastSummary {
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The server's summary columns first (it computed them itself), the result's
 * `percentile_stats` second, for rows that only carry the result.
 */
export function summaryOf(f: Pick<SavedForecast, 'p50Weeks' | 'p85Weeks' | 'p95Weeks' | 'result'>) {
  const stats = f.result?.percentile_stats;
  return {
    p50: num(f.p50Weeks) ?? num(stats?.p50),
    p85: num(f.p85Weeks) ?? num(stats?.p85),
    p95: num(f.p95Weeks) ?? num(stats?.p95),
  } satisfies ForecastSummary;
}

export function seedOf(f: SavedForecast): number | null {
  return num(f.seed) ?? num(f.result?.seed) ?? num(f.input?.seed);
}

/** Oldest first, the order a "forecasts over time" chart and table read in. */
export function byCreated<T extends { createdAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Input fields whose values differ between two saved forecasts, for the comparison view. */
export function inputDifferences(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): { key: string; a: unknown; b: unknown }[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ key: k, a: a[k], b: b[k] }));
}

/** A value from a forecast's input, short enough for a table cell. */
export function showValue(v: unknown, max = 80): string {
  if (v === undefined || v === null) return '—';
  const text = Array.isArray(v)
    ? v.join(', ')
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
