import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartAxes, ChartSvg, GridLines } from './ChartSvg';
import { COLORS, INNER_H, INNER_W } from './frame';

export interface HistogramMarker {
  label: string;
  value: number;
  color: string;
}

export interface HistogramProps {
  /** One bar per value (e.g. weeks), count of runs. */
  bins: { x: number; count: number }[];
  markers?: HistogramMarker[];
  xLabel: string;
  yLabel: string;
  title: string;
}

/** Bars of how often each outcome came up, with vertical lines at the headline percentiles. */
export default function Histogram({ bins, markers = [], xLabel, yLabel, title }: HistogramProps) {
  const fmt = useFormat();
  if (bins.length === 0) return <p className="empty">—</p>;
  const minX = Math.min(...bins.map((b) => b.x), ...markers.map((m) => Math.floor(m.value)));
  const maxX = Math.max(...bins.map((b) => b.x), ...markers.map((m) => Math.ceil(m.value)));
  const domain: number[] = [];
  for (let x = minX; x <= maxX; x++) domain.push(x);
  const counts = new Map(bins.map((b) => [b.x, b.count]));
  const total = bins.reduce((s, b) => s + b.count, 0) || 1;
  const x = scaleBand<number>({ domain, range: [0, INNER_W], padding: 0.12 });
  const maxCount = Math.max(...bins.map((b) => b.count), 1);
  const y = scaleLinear<number>({ domain: [0, maxCount / total], range: [INNER_H, 0], nice: true });
  const step = Math.max(1, Math.ceil(domain.length / 14));
  const centre = (v: number) => {
    const lo = Math.floor(v);
    const base = (x(lo) ?? 0) + x.bandwidth() / 2;
    return base + (v - lo) * x.step();
  };
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
      {markers.map((m, i) => (
        <g key={m.label}>
          <Line
            from={{ x: centre(m.value), y: 0 }}
            to={{ x: centre(m.value), y: INNER_H }}
            stroke={m.color}
            strokeWidth={2.5}
            strokeDasharray={i === 1 ? undefined : '6 3'}
          />
          <text
            className="marker"
            x={centre(m.value) + 4}
            y={14 + i * 16}
            fill={m.color}
            fontSize={12}
            fontWeight={700}
          >
            {`${m.label}: ${fmt.number(m.value)}`}
          </text>
        </g>
      ))}
      <ChartAxes
        x={x}
        y={y}
        xLabel={xLabel}
        yLabel={yLabel}
        xFormat={(v) => fmt.integer(v)}
        yFormat={(v) => fmt.percent(v)}
        xTickValues={domain.filter((_d, i) => i % step === 0)}
      />
    </ChartSvg>
  );
}
