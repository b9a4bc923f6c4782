import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartAxes, ChartSvg, GridLines, MarkerLine } from './ChartSvg';
import { COLORS, INNER_H, VALUE_TICKS } from './frame';
import { ticksFor, useChartWidth } from './width';

export interface HistogramMarker {
  label: string;
  value: number;
  color: string;
}

export interface HistogramProps {
  /** One bar per value (e.g. weeks), count of runs. */
  bins: { x: number; count: number }[];
  markers?: HistogramMarker[];
  /**
   * Runs that never finished (stopped at a cap): one bar after the last week, named by `label`
   * and ticked `tick`, so they never read as finishing in a week.
   */
  overflow?: { count: number; label: string; tick: string };
  xLabel: string;
  yLabel: string;
  title: string;
}

/** Vertical room per marker label, in viewBox units: room to spare for the 11 px text. */
const MARKER_ROW = 20;
/** From a label's baseline to the top of the marker lines: room for its descenders. */
const MARKER_GAP = 6;

/** Bars of how often each outcome came up, with vertical lines at the headline percentiles. */
export default function Histogram({
  bins,
  markers = [],
  overflow,
  xLabel,
  yLabel,
  title,
}: HistogramProps) {
  const { innerW } = useChartWidth();
  const fmt = useFormat();
  const extra = overflow && overflow.count > 0 ? overflow : undefined;
  if (bins.length === 0 && !extra) return <p className="empty">—</p>;
  const xs = [...bins.map((b) => b.x), ...markers.map((m) => m.value)];
  const minX = xs.length > 0 ? Math.floor(Math.min(...xs)) : 0;
  const maxX = xs.length > 0 ? Math.ceil(Math.max(...xs)) : -1;
  const domain: number[] = [];
  for (let x = minX; x <= maxX; x++) domain.push(x);
  // The stopped runs' slot: one past the last week, never a week of its own. It spans about a
  // tenth of the chart whatever the weeks, since one band among 500 is a sliver nobody reads.
  const overflowAt = maxX + 1;
  const slots = extra ? Math.max(1, Math.ceil(domain.length / 9)) : 0;
  for (let k = 0; k < slots; k++) domain.push(overflowAt + k);
  const overflowTick = overflowAt + Math.floor(slots / 2);
  const counts = new Map(bins.map((b) => [b.x, b.count]));
  const total = bins.reduce((s, b) => s + b.count, 0) + (extra?.count ?? 0) || 1;
  const x = scaleBand<number>({ domain, range: [0, innerW], padding: 0.12 });
  const maxCount = Math.max(...bins.map((b) => b.count), extra?.count ?? 0, 1);
  const y = scaleLinear<number>({
    domain: [0, maxCount / total],
    range: [INNER_H, 0],
    nice: VALUE_TICKS,
  });
  const step = Math.max(1, Math.ceil(domain.length / ticksFor(14, innerW)));
  const centre = (v: number) => {
    const lo = Math.floor(v);
    const base = (x(lo) ?? 0) + x.bandwidth() / 2;
    return base + (v - lo) * x.step();
  };
  // Marker labels stack one row each (rows fit the phone's larger chart text), and read
  // leftwards of their line in the right part of the chart, so none runs off the edge or into
  // the stopped runs' bar; that bar's label goes below the rows.
  const rowOf = (i: number) => 16 + i * MARKER_ROW;
  // The lines start under the last row of labels: close percentiles (P50 and P85 a bar apart
  // on a phone) would otherwise run their lines through each other's labels.
  const linesTop = markers.length > 0 ? rowOf(markers.length - 1) + MARKER_GAP : 0;
  const leftward = (v: number) => centre(v) > innerW * 0.6;
  const overflowLeft = x(overflowAt) ?? 0;
  const overflowWidth = x.step() * (slots - 1) + x.bandwidth();
  const overflowTop = extra ? y(extra.count / total) : INNER_H;
  const overflowLabelY = Math.max(rowOf(markers.length), overflowTop - 4);
  // On the bar the label would vanish (same colour): then it sits left of the bar.
  const overflowLabelOnBar = overflowLabelY > overflowTop;
  return (
    <ChartSvg title={title} testId="histogram">
      <GridLines y={y} />
      {domain.map((d) => {
        const c = counts.get(d) ?? 0;
        if (!c) return null;
        const h = INNER_H - y(c / total);
        return (
          <Bar key={d} x={x(d)} y={INNER_H - h} width={x.bandwidth()} height={h} fill={COLORS.bar}>
            <title>{`${fmt.integer(d)}: ${fmt.percent(c / total, 1)}`}</title>
          </Bar>
        );
      })}
      {extra && (
        <g data-testid="histogram-unfinished">
          <Bar
            x={overflowLeft}
            y={overflowTop}
            width={overflowWidth}
            height={INNER_H - overflowTop}
            fill={COLORS.bad}
          >
            <title>{`${extra.label}: ${fmt.percent(extra.count / total, 1)}`}</title>
          </Bar>
          <text
            x={overflowLabelOnBar ? overflowLeft - 4 : overflowLeft + overflowWidth}
            y={overflowLabelY}
            textAnchor="end"
            fontSize={12}
            fill={COLORS.bad}
          >
            {extra.label}
          </text>
        </g>
      )}
      {markers.map((m, i) => (
        <g key={m.label}>
          <MarkerLine
            x={centre(m.value)}
            top={linesTop}
            color={m.color}
            solid={i === 1}
            label={{
              text: `${m.label}: ${fmt.number(m.value)}`,
              className: 'marker',
              x: centre(m.value) + (leftward(m.value) ? -4 : 4),
              y: rowOf(i),
              anchor: leftward(m.value) ? 'end' : 'start',
            }}
          />
        </g>
      ))}
      <ChartAxes
        x={x}
        y={y}
        xLabel={xLabel}
        yLabel={yLabel}
        xFormat={(v) => (extra && v >= overflowAt ? extra.tick : fmt.integer(v))}
        yFormat={(v) => fmt.percent(v)}
        xTickValues={domain.filter((d, i) =>
          extra && d >= overflowAt ? d === overflowTick : i % step === 0,
        )}
      />
    </ChartSvg>
  );
}
