import { scaleLinear } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartSvg, Dots, StepAxes } from './ChartSvg';
import { COLORS, INNER_H, VALUE_TICKS } from './frame';
import { useChartWidth } from './width';

export interface XmrProps {
  values: number[];
  /** Per point: true when part of any signal (beyond limits, run or trend). */
  signals: boolean[];
  mean: number;
  upper: number;
  /** Absent for a moving-range chart, whose only limit is the upper one. */
  lower?: number;
  title: string;
  xLabel: string;
  yLabel: string;
  limitLabels: { mean: string; upper: string; lower: string };
  /** `xmr-chart` for the X chart, another id for its moving-range chart. */
  testId?: string;
  /** The x axis counts from the first point (1) or, for moving ranges, from the second (2). */
  firstIndex?: number;
}

/**
 * One chart of an XmR pair: the X chart (values, the mean, natural process limits) or the
 * moving-range chart (ranges, their mean, the upper range limit); signals in red.
 */
export default function XmrChart(props: XmrProps) {
  const { innerW } = useChartWidth();
  const { values, signals, mean, upper, lower, title, xLabel, yLabel, limitLabels } = props;
  const first = props.firstIndex ?? 1;
  const fmt = useFormat();
  if (values.length === 0) return <p className="empty">—</p>;
  const x = scaleLinear<number>({
    domain: [0, Math.max(1, values.length - 1)],
    range: [0, innerW],
  });
  const y = scaleLinear<number>({
    domain: [Math.min(lower ?? 0, ...values, 0), Math.max(upper, ...values) * 1.05],
    range: [INNER_H, 0],
    nice: VALUE_TICKS,
  });
  const limit = (v: number, label: string, color: string, dash?: string) => (
    <g key={label}>
      <Line
        from={{ x: 0, y: y(v) }}
        to={{ x: innerW, y: y(v) }}
        stroke={color}
        strokeWidth={1.5}
        strokeDasharray={dash}
      />
      <text
        x={innerW - 4}
        y={y(v) - 4}
        textAnchor="end"
        fill={color}
        fontSize={11}
        fontWeight={600}
      >
        {`${label} ${fmt.number(v, 2)}`}
      </text>
    </g>
  );
  return (
    <ChartSvg title={title} testId={props.testId ?? 'xmr-chart'}>
      {limit(upper, limitLabels.upper, COLORS.bad, '6 3')}
      {limit(mean, limitLabels.mean, COLORS.p50)}
      {lower !== undefined && limit(lower, limitLabels.lower, COLORS.bad, '6 3')}
      <LinePath
        data={values}
        x={(_v, i) => x(i)}
        y={(v) => y(v)}
        stroke={COLORS.line}
        strokeWidth={1.5}
      />
      <Dots
        data={values}
        x={(_v, i) => x(i)}
        y={(v) => y(v)}
        r={(_v, i) => (signals[i] ? 5 : 3.5)}
        fill={(_v, i) => (signals[i] ? COLORS.bad : COLORS.p50)}
        title={(v, i) => `${i + first}: ${fmt.number(v, 2)}`}
        attrs={(_v, i) => ({
          stroke: '#fff',
          strokeWidth: 1,
          'data-signal': signals[i] ? 'true' : undefined,
        })}
      />
      <StepAxes
        x={x}
        y={y}
        xLabel={xLabel}
        yLabel={yLabel}
        yFormat={(v) => fmt.number(v, 1)}
        steps={values.length}
        first={first}
      />
    </ChartSvg>
  );
}
