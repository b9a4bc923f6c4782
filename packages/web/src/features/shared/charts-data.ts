import { COLORS } from '../../charts/frame';
import type { HistogramMarker } from '../../charts/Histogram';

/** P50/P85/P95 markers in the colours every chart and table of the app uses. */
export function percentileMarkers(p: { p50: number; p85: number; p95: number }): HistogramMarker[] {
  return [
    { label: 'P50', value: p.p50, color: COLORS.p50 },
    { label: 'P85', value: p.p85, color: COLORS.p85 },
    { label: 'P95', value: p.p95, color: COLORS.p95 },
  ];
}
