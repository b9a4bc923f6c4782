import type { ReactNode, SVGProps } from 'react';
import { AxisBottom, AxisLeft, type AxisScale } from '@visx/axis';
import { Group } from '@visx/group';
import { Line } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { axisProps, COLORS, HEIGHT, INNER_H, MARGIN, VALUE_TICKS } from './frame';
import { ticksFor, useChartWidth } from './width';

/**
 * The SVG every chart draws into: the fixed viewBox, a titled image for screen readers and a
 * white background (so a downloaded SVG/PNG is not transparent); children draw in the plot area.
 */
export function ChartSvg({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const { width: WIDTH } = useChartWidth();
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={title}
      data-testid={testId}
    >
      <title>{title}</title>
      <rect width={WIDTH} height={HEIGHT} fill="#fff" />
      <Group left={MARGIN.left} top={MARGIN.top}>
        {children}
      </Group>
    </svg>
  );
}

/** Horizontal guide lines at the y scale's own ticks. */
export function GridLines({
  y,
}: {
  y: { (v: number): number | undefined; ticks(n: number): number[] };
}) {
  const { innerW } = useChartWidth();
  return (
    <>
      {y.ticks(VALUE_TICKS).map((t) => (
        <Line key={t} from={{ x: 0, y: y(t) }} to={{ x: innerW, y: y(t) }} stroke={COLORS.grid} />
      ))}
    </>
  );
}

export interface ChartAxesProps {
  x: AxisScale<number>;
  y: AxisScale<number>;
  xLabel: string;
  yLabel: string;
  xFormat: (v: number) => string;
  yFormat: (v: number) => string;
  /** How many ticks along the bottom, or (xTickValues) exactly which. */
  xTicks?: number;
  xTickValues?: number[];
}

/** The value axis on the left (five ticks) and the outcome axis along the bottom, both labelled. */
export function ChartAxes({
  x,
  y,
  xLabel,
  yLabel,
  xFormat,
  yFormat,
  xTicks,
  xTickValues,
}: ChartAxesProps) {
  const { innerW } = useChartWidth();
  // Fewer ticks on a narrower drawing: its labels keep their size, so they need the room.
  const bottomTicks = ticksFor(xTicks ?? 10, innerW);
  return (
    <>
      <AxisLeft
        scale={y}
        numTicks={VALUE_TICKS}
        tickFormat={(v) => yFormat(Number(v))}
        label={yLabel}
        {...axisProps('left')}
      />
      <AxisBottom
        top={INNER_H}
        scale={x}
        numTicks={bottomTicks}
        tickValues={xTickValues}
        tickFormat={(v) => xFormat(Number(v))}
        label={xLabel}
        {...axisProps('bottom')}
      />
    </>
  );
}

/**
 * ChartAxes for a bottom axis that counts whole steps (folds, weeks, points): whole numbers
 * from `first` (the step at x = 0), at most twelve of them.
 */
export function StepAxes({
  steps,
  first = 0,
  ...axes
}: Omit<ChartAxesProps, 'xFormat' | 'xTicks' | 'xTickValues'> & { steps: number; first?: number }) {
  const fmt = useFormat();
  return (
    <ChartAxes {...axes} xFormat={(v) => fmt.integer(v + first)} xTicks={Math.min(12, steps)} />
  );
}

/** What else a dot may carry: SVG attributes and `data-*` ones. */
type DotAttributes = SVGProps<SVGCircleElement> & {
  [data: `data-${string}`]: string | number | undefined;
};

/**
 * A dot per datum, each with its tooltip; `attrs` adds what else a dot carries (an outline,
 * the data attributes tests read), after the position, size and colour.
 */
export function Dots<T>({
  data,
  x,
  y,
  r,
  fill,
  title,
  attrs,
}: {
  data: T[];
  x: (d: T, i: number) => number | undefined;
  y: (d: T, i: number) => number | undefined;
  r: number | ((d: T, i: number) => number);
  fill: string | ((d: T, i: number) => string);
  title: (d: T, i: number) => string;
  attrs?: (d: T, i: number) => DotAttributes;
}) {
  return (
    <>
      {data.map((d, i) => (
        <circle
          key={i}
          cx={x(d, i)}
          cy={y(d, i)}
          r={typeof r === 'number' ? r : r(d, i)}
          fill={typeof fill === 'string' ? fill : fill(d, i)}
          {...attrs?.(d, i)}
        >
          <title>{title(d, i)}</title>
        </circle>
      ))}
    </>
  );
}

/**
 * A marker across the plot in its colour: vertical at `x` from `top` down to the axis (a
 * percentile, a budget), or horizontal at `y` (a mean). Dashed unless `solid`; its bold label,
 * if any, where the chart puts it.
 */
export function MarkerLine({
  x,
  y,
  top = 0,
  color,
  strokeWidth = 2.5,
  solid = false,
  label,
}: {
  color: string;
  top?: number;
  strokeWidth?: number;
  solid?: boolean;
  label?: {
    text: string;
    x: number;
    y: number;
    anchor?: 'start' | 'end';
    fontSize?: number;
    className?: string;
  };
} & ({ x: number; y?: undefined } | { y: number; x?: undefined })) {
  const { innerW } = useChartWidth();
  const [from, to] =
    x !== undefined
      ? [
          { x, y: top },
          { x, y: INNER_H },
        ]
      : [
          { x: 0, y },
          { x: innerW, y },
        ];
  return (
    <>
      <Line
        from={from}
        to={to}
        stroke={color}
        strokeWidth={strokeWidth}
        strokeDasharray={solid ? undefined : '6 3'}
      />
      {label && (
        <text
          className={label.className}
          x={label.x}
          y={label.y}
          textAnchor={label.anchor ?? 'start'}
          fill={color}
          fontSize={label.fontSize ?? 12}
          fontWeight={700}
        >
          {label.text}
        </text>
      )}
    </>
  );
}
