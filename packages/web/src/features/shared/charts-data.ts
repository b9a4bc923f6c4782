import { COLORS } from '../../charts/frame';
import type { HistogramMarker } from '../../charts/Histogram';

type Level = 'p50' | 'p85' | 'p95';

/**
 * P50/P85/P95 markers in the colours every chart and table of the app uses; a percentile that
 * is a cap (`beyond`) gets no line, as a line at the cap would read as a forecast.
 */
export function percentileMarkers(
  p: Record<Level, number>,
  beyond?: Partial<Record<Level, boolean>>,
): HistogramMarker[] {
  const all: (HistogramMarker & { level: Level })[] = [
    { level: 'p50', label: 'P50', value: p.p50, color: COLORS.p50 },
    { level: 'p85', label: 'P85', value: p.p85, color: COLORS.p85 },
    { level: 'p95', label: 'P95', value: p.p95, color: COLORS.p95 },
  ];
  return all
    .filter((m) => beyond?.[m.level] !== true)
    .map(({ label, value, color }) => ({ label, value, color }));
}
