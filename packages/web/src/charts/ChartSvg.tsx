import type { ReactNode } from 'react';
import { Group } from '@visx/group';
import { Line } from '@visx/shape';
import { COLORS, HEIGHT, INNER_W, MARGIN, WIDTH } from './frame';

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
  return (
    <>
      {y.ticks(5).map((t) => (
        <Line key={t} from={{ x: 0, y: y(t) }} to={{ x: INNER_W, y: y(t) }} stroke={COLORS.grid} />
      ))}
    </>
  );
}
