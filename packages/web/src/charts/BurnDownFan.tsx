import { scaleLinear } from '@visx/scale';
import { Area, LinePath } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartSvg, GridLines, StepAxes } from './ChartSvg';
import { COLORS, INNER_H, VALUE_TICKS } from './frame';
import { ChartLegend } from './Legend';
import { useChartWidth } from './width';

export interface FanPoint {
  week: number;
  p5: number;
  p50: number;
  p85?: number;
  p95: number;
}

/** A day off on the chart's week axis: where it falls and what it is (shown on hover). */
export interface ShadedDay {
  week: number;
  /** Its width in weeks (one day). */
  width: number;
  label: string;
}

/**
 * Remaining work per week across all runs: P5–P95 band, the P85 line and the median, with the
 * calendar's days off shaded where they fall.
 */
export default function BurnDownFan({
  points,
  xLabel,
  yLabel,
  title,
  legend,
  shaded = [],
}: {
  points: FanPoint[];
  xLabel: string;
  yLabel: string;
  title: string;
  legend: { band: string; median: string; p85: string; daysOff?: string };
  shaded?: readonly ShadedDay[];
}) {
  const { innerW } = useChartWidth();
  const fmt = useFormat();
  if (points.length === 0) return <p className="empty">—</p>;
  const maxWeek = Math.max(...points.map((p) => p.week), 1);
  const maxY = Math.max(...points.map((p) => Math.max(p.p95, p.p5, p.p50)), 1);
  const x = scaleLinear<number>({ domain: [0, maxWeek], range: [0, innerW] });
  const y = scaleLinear<number>({ domain: [0, maxY], range: [INNER_H, 0], nice: VALUE_TICKS });
  const hi = (p: FanPoint) => Math.max(p.p5, p.p95);
  const lo = (p: FanPoint) => Math.min(p.p5, p.p95);
  return (
    <>
      <ChartSvg title={title} testId="burndown">
        {shaded
          .filter((d) => d.week < maxWeek)
          .map((d) => (
            <rect
              key={`off-${d.week}`}
              data-testid="burndown-off"
              x={x(d.week)}
              y={0}
              width={Math.max(2, x(Math.min(maxWeek, d.week + d.width)) - x(d.week))}
              height={INNER_H}
              fill={COLORS.grid}
              opacity={0.8}
            >
              <title>{d.label}</title>
            </rect>
          ))}
        <GridLines y={y} />
        <Area
          data={points}
          x={(p) => x(p.week)}
          y0={(p) => y(lo(p))}
          y1={(p) => y(hi(p))}
          fill={COLORS.band85}
          fillOpacity={0.8}
        />
        {points.some((p) => p.p85 !== undefined) && (
          <LinePath
            data={points.filter((p) => p.p85 !== undefined)}
            x={(p) => x(p.week)}
            y={(p) => y(p.p85 ?? 0)}
            stroke={COLORS.p85}
            strokeWidth={2}
            strokeDasharray="6 3"
          />
        )}
        <LinePath
          data={points}
          x={(p) => x(p.week)}
          y={(p) => y(p.p50)}
          stroke={COLORS.median}
          strokeWidth={2.5}
        />
        <StepAxes
          x={x}
          y={y}
          xLabel={xLabel}
          yLabel={yLabel}
          yFormat={(v) => fmt.integer(v)}
          steps={maxWeek}
        />
      </ChartSvg>
      <ChartLegend
        entries={[
          { label: legend.band, color: COLORS.band85, swatch: 'band' },
          { label: legend.median, color: COLORS.median },
          { label: legend.p85, color: COLORS.p85 },
          shaded.length > 0 &&
            !!legend.daysOff && { label: legend.daysOff, color: COLORS.grid, swatch: 'band' },
        ]}
      />
    </>
  );
}
