import { AxisRight } from '@visx/axis';
import { scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartAxes, ChartSvg, MarkerLine } from './ChartSvg';
import { axisProps, COLORS, INNER_H, VALUE_TICKS } from './frame';
import { useChartWidth } from './width';

// Room on the right for the cumulative axis's percentages.
const RIGHT_AXIS = 34;

export interface CostBin {
  from: number;
  to: number;
  count: number;
}

/** Histogram of total cost with the cumulative probability curve and the budget, if any. */
export default function CostChart({
  bins,
  cumulative,
  budget,
  xLabel,
  yLabel,
  title,
  budgetLabel,
  formatMoney,
}: {
  bins: CostBin[];
  cumulative: { x: number; p: number }[];
  budget?: number;
  xLabel: string;
  yLabel: string;
  title: string;
  budgetLabel: string;
  formatMoney: (v: number) => string;
}) {
  const fmt = useFormat();
  const innerW = useChartWidth().innerW - RIGHT_AXIS;
  if (bins.length === 0) return <p className="empty">—</p>;
  const total = bins.reduce((s, b) => s + b.count, 0) || 1;
  const lo = Math.min(bins[0].from, budget ?? Infinity);
  const hi = Math.max(bins[bins.length - 1].to, budget ?? -Infinity);
  const x = scaleLinear<number>({ domain: [lo, hi], range: [0, innerW] });
  const y = scaleLinear<number>({
    domain: [0, Math.max(...bins.map((b) => b.count)) / total],
    range: [INNER_H, 0],
    nice: VALUE_TICKS,
  });
  const yc = scaleLinear<number>({ domain: [0, 1], range: [INNER_H, 0] });
  const compact = new Intl.NumberFormat(fmt.locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (
    <ChartSvg title={title} testId="cost-chart">
      {bins.map((b) => {
        const h = INNER_H - y(b.count / total);
        return (
          <Bar
            key={b.from}
            x={x(b.from)}
            y={INNER_H - h}
            width={Math.max(1, x(b.to) - x(b.from) - 1)}
            height={h}
            fill={COLORS.bar}
          >
            <title>{`${formatMoney(b.from)}–${formatMoney(b.to)}: ${fmt.percent(b.count / total, 1)}`}</title>
          </Bar>
        );
      })}
      <LinePath
        data={cumulative}
        x={(d) => x(d.x)}
        y={(d) => yc(d.p)}
        stroke={COLORS.line}
        strokeWidth={2}
      />
      {budget !== undefined && (
        <g>
          <MarkerLine
            x={x(budget)}
            color={COLORS.bad}
            label={{ text: `${budgetLabel}: ${formatMoney(budget)}`, x: x(budget) + 4, y: 12 }}
          />
        </g>
      )}
      <ChartAxes
        x={x}
        y={y}
        xLabel={xLabel}
        yLabel={yLabel}
        xFormat={(v) => compact.format(v)}
        yFormat={(v) => fmt.percent(v)}
        xTicks={6}
      />
      <AxisRight
        left={innerW}
        scale={yc}
        numTicks={VALUE_TICKS}
        tickFormat={(v) => fmt.percent(Number(v))}
        {...axisProps('right')}
      />
    </ChartSvg>
  );
}
