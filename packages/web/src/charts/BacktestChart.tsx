import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useFormat } from '../i18n/format';
import { ChartAxes, ChartSvg } from './ChartSvg';
import { COLORS, INNER_H } from './frame';
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
        {points.map((p) => (
          <circle
            key={p.fold}
            cx={x(p.fold)}
            cy={y(p.actual)}
            r={4}
            fill={p.actual > p.forecast ? COLORS.bad : COLORS.p50}
          >
            <title>{`${fmt.integer(p.fold)}: ${fmt.number(p.forecast)} / ${fmt.number(p.actual)}`}</title>
          </circle>
        ))}
        <ChartAxes
          x={x}
          y={y}
          xLabel={xLabel}
          yLabel={yLabel}
          xFormat={(v) => fmt.integer(v)}
          yFormat={(v) => fmt.number(v)}
          xTicks={Math.min(12, points.length)}
        />
      </ChartSvg>
      <div className="legend">
        <span>
          <i style={{ background: COLORS.p85 }} />
          {legend.forecast}
        </span>
        <span>
          <i style={{ background: COLORS.p50, height: 8, width: 8, borderRadius: 4 }} />
          {legend.actual}
        </span>
        <span>
          <i style={{ background: COLORS.bad, height: 8, width: 8, borderRadius: 4 }} />
          {legend.miss}
        </span>
      </div>
    </>
  );
}
