import { scaleLinear } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartAxes, ChartSvg, Dots, GridLines } from './ChartSvg';
import { COLORS, INNER_H } from './frame';
import { useChartWidth } from './width';

export interface CurvePoint {
  weeks: number;
  probability: number;
}

/**
 * Date → chance to be done (a step: runs finish in whole weeks), the deadline as a dashed line
 * with its chance as a dot, and the chosen confidence as a guide. The points and the deadline
 * carry their figures as data attributes, so tests can read what the chart draws.
 */
export default function DeadlineCurve({
  points,
  deadlineWeeks,
  deadlineProbability,
  confidence,
  title,
  xLabel,
  yLabel,
  pointLabel,
}: {
  points: CurvePoint[];
  deadlineWeeks: number;
  deadlineProbability: number;
  confidence: number;
  title: string;
  xLabel: string;
  yLabel: string;
  pointLabel: (p: CurvePoint) => string;
}) {
  const { innerW } = useChartWidth();
  const fmt = useFormat();
  const last = points.length > 0 ? points[points.length - 1].weeks : 0;
  const first = points.length > 0 ? points[0].weeks : 0;
  const x = scaleLinear<number>({
    domain: [Math.min(first - 1, deadlineWeeks, 0), Math.max(last + 1, deadlineWeeks + 1)],
    range: [0, innerW],
  });
  const y = scaleLinear<number>({ domain: [0, 1], range: [INNER_H, 0] });
  // A step line: the chance holds until the next week's runs finish.
  const steps: CurvePoint[] = [{ weeks: x.domain()[0], probability: 0 }];
  for (const p of points) {
    steps.push({ weeks: p.weeks, probability: steps[steps.length - 1].probability });
    steps.push(p);
  }
  steps.push({ weeks: x.domain()[1], probability: steps[steps.length - 1].probability });
  return (
    <ChartSvg title={title} testId="deadline-curve">
      <GridLines y={y} />
      <Line
        from={{ x: 0, y: y(confidence) }}
        to={{ x: innerW, y: y(confidence) }}
        stroke={COLORS.p85}
        strokeDasharray="2 4"
      />
      <LinePath
        data={steps}
        x={(p) => x(p.weeks)}
        y={(p) => y(p.probability)}
        stroke={COLORS.p50}
        strokeWidth={2.5}
      />
      <Dots
        data={points}
        x={(p) => x(p.weeks)}
        y={(p) => y(p.probability)}
        r={3}
        fill={COLORS.p50}
        title={pointLabel}
        attrs={(p) => ({
          'data-testid': 'curve-point',
          'data-weeks': p.weeks,
          'data-probability': p.probability,
        })}
      />
      <Line
        from={{ x: x(deadlineWeeks), y: 0 }}
        to={{ x: x(deadlineWeeks), y: INNER_H }}
        stroke={COLORS.bad}
        strokeDasharray="6 4"
        strokeWidth={1.5}
      />
      <circle
        cx={x(deadlineWeeks)}
        cy={y(deadlineProbability)}
        r={5}
        fill={COLORS.bad}
        data-testid="curve-deadline"
        data-weeks={deadlineWeeks}
        data-probability={deadlineProbability}
      >
        <title>{pointLabel({ weeks: deadlineWeeks, probability: deadlineProbability })}</title>
      </circle>
      <ChartAxes
        x={x}
        y={y}
        xLabel={xLabel}
        yLabel={yLabel}
        xFormat={(v) => fmt.number(v)}
        yFormat={(v) => fmt.percent(v)}
      />
    </ChartSvg>
  );
}
