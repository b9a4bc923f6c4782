import type { ReactNode, SVGProps } from 'react';
import { AxisBottom, AxisLeft, type AxisScale } from '@visx/axis';
import { Group } from '@visx/group';
import { Line } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { axisProps, COLORS, HEIGHT, INNER_H, MARGIN } from './frame';
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
      {y.ticks(5).map((t) => (
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
        numTicks={5}
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
