import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft, type AxisScale } from '@visx/axis';
import { Group } from '@visx/group';
import { Line } from '@visx/shape';
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
}: {
  x: AxisScale<number>;
  y: AxisScale<number>;
  xLabel: string;
  yLabel: string;
  xFormat: (v: number) => string;
  yFormat: (v: number) => string;
  /** How many ticks along the bottom, or (xTickValues) exactly which. */
  xTicks?: number;
  xTickValues?: number[];
}) {
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
