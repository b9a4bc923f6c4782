import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartSvg, Dots, StepAxes } from './ChartSvg';
import { COLORS, INNER_H } from './frame';
import { ChartLegend } from './Legend';
import { useChartWidth } from './width';

export interface BacktestPoint {
  fold: number;
  forecast: number;
  actual: number;
}

/** Forecast (line) vs what really happened (dots, red when it took longer) per fold. */
export default function BacktestChart({
  points,
  title,
  xLabel,
  yLabel,
  legend,
}: {
  points: BacktestPoint[];
  title: string;
  xLabel: string;
  yLabel: string;
  legend: { forecast: string; actual: string; miss: string };
}) {
  const { innerW } = useChartWidth();
  const fmt = useFormat();
  if (points.length === 0) return <p className="empty">—</p>;
  const folds = points.map((p) => p.fold);
  const x = scaleLinear<number>({
    domain: [Math.min(...folds), Math.max(Math.max(...folds), Math.min(...folds) + 1)],
    range: [0, innerW],
  });
  const maxY = Math.max(...points.map((p) => Math.max(p.forecast, p.actual)), 1);
  const y = scaleLinear<number>({ domain: [0, maxY * 1.05], range: [INNER_H, 0], nice: true });
  return (
    <>
      <ChartSvg title={title} testId="backtest-chart">
        <LinePath
          data={points}
          x={(p) => x(p.fold)}
          y={(p) => y(p.forecast)}
          stroke={COLORS.p85}
          strokeWidth={2.5}
        />
        <Dots
          data={points}
          x={(p) => x(p.fold)}
          y={(p) => y(p.actual)}
          r={4}
          fill={(p) => (p.actual > p.forecast ? COLORS.bad : COLORS.p50)}
          title={(p) =>
            `${fmt.integer(p.fold)}: ${fmt.number(p.forecast)} / ${fmt.number(p.actual)}`
          }
        />
        <StepAxes
          x={x}
          y={y}
          xLabel={xLabel}
          yLabel={yLabel}
          yFormat={(v) => fmt.number(v)}
          steps={points.length}
        />
      </ChartSvg>
      <ChartLegend
        entries={[
          { label: legend.forecast, color: COLORS.p85 },
          { label: legend.actual, color: COLORS.p50, swatch: 'dot' },
          { label: legend.miss, color: COLORS.bad, swatch: 'dot' },
        ]}
      />
    </>
  );
}
