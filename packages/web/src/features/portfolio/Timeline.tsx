import { useTranslation } from 'react-i18next';
import type { PortfolioResult } from '@flow-forecaster/engine';
import { daysBetween } from '@flow-forecaster/engine';
import { COLORS } from '../../charts/frame';
import { useMeasuredWidth } from '../../charts/width';
import { BAD, GOOD, INK, MUTED } from './colours';

const ROW = 26;
const WIDEST = 640;
const OFF = COLORS.grid;

/**
 * Each feature as a horizontal bar from its P50 to its P95 week with a P85 tick, in priority
 * order, green when in the cut line and red when out; the portfolio's target is a vertical
 * line. Plain SVG: a few rectangles do not need the chart library.
 */
export function Timeline({ result }: { result: PortfolioResult }) {
  const { t } = useTranslation();
  const [box, WIDTH] = useMeasuredWidth(WIDEST);
  // Names get up to 130 px, less on a narrow screen so the bars keep most of the width.
  const LABEL = Math.min(130, Math.round(WIDTH * 0.32));
  const targetWeeks =
    result.targetDate && result.startDate
      ? daysBetween(result.startDate, result.targetDate) / 7
      : null;
  const ends = result.features.flatMap((f) => {
    const own =
      f.targetDate && result.startDate ? daysBetween(result.startDate, f.targetDate) / 7 : 0;
    return [f.percentile_stats.p95 ?? f.percentile_stats.p85 ?? 0, own];
  });
  const maxWeeks = Math.max(1, targetWeeks ?? 0, ...ends);
  const plot = WIDTH - LABEL - 10;
  const x = (w: number) => LABEL + (Math.min(w, maxWeeks) / maxWeeks) * plot;
  const height = result.features.length * ROW + 24;
  const colour = (inCut: boolean | null) => (inCut === null ? MUTED : inCut ? GOOD : BAD);
  // On a calendar, its holidays and days off (up to the P95 date) are shaded behind the bars:
  // a day is a seventh of a week on the axis, at least a pixel so a lone holiday shows.
  const daysOff =
    result.calendar && result.startDate
      ? result.calendar.daysOff.map((d) => ({
          ...d,
          week: daysBetween(result.startDate ?? d.date, d.date) / 7,
        }))
      : [];
  return (
    <div ref={box} style={{ width: '100%', maxWidth: `${WIDEST}px` }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: `${WIDTH}px` }}
        role="img"
        aria-label={t('portfolio.timeline')}
        data-testid="pf-timeline"
      >
        <title>{t('portfolio.timeline')}</title>
        {daysOff
          .filter((d) => d.week >= 0 && d.week < maxWeeks)
          .map((d) => (
            <rect
              key={d.date}
              data-testid="pf-timeline-off"
              data-date={d.date}
              x={x(d.week)}
              y={0}
              width={Math.max(1, x(d.week + 1 / 7) - x(d.week))}
              height={height - 20}
              fill={OFF}
            >
              <title>{`${d.date}: ${d.reason}`}</title>
            </rect>
          ))}
        {result.features.map((f, i) => {
          const { p50, p85, p95 } = f.percentile_stats;
          const y = i * ROW + 4;
          const own =
            f.targetDate && result.startDate
              ? daysBetween(result.startDate, f.targetDate) / 7
              : null;
          return (
            <g key={f.name} data-feature={f.name}>
              <text
                x={LABEL - 6}
                y={y + ROW / 2}
                textAnchor="end"
                fontSize="12"
                dominantBaseline="middle"
              >
                {f.name}
              </text>
              {p50 !== null && (
                <rect
                  x={x(p50)}
                  y={y + 6}
                  width={Math.max(2, x(p95 ?? maxWeeks) - x(p50))}
                  height={ROW - 12}
                  fill={colour(f.inCutLine)}
                  opacity={0.35}
                />
              )}
              {p85 !== null && (
                <rect
                  x={x(p85) - 1.5}
                  y={y + 3}
                  width={3}
                  height={ROW - 6}
                  fill={colour(f.inCutLine)}
                />
              )}
              {own !== null && f.targetDate !== result.targetDate && (
                <path d={`M${x(own)},${y + 2} l-4,-4 h8 z`} fill={INK} />
              )}
            </g>
          );
        })}
        {targetWeeks !== null && (
          <line
            x1={x(targetWeeks)}
            x2={x(targetWeeks)}
            y1={0}
            y2={height - 20}
            stroke={INK}
            strokeDasharray="4 3"
          />
        )}
        <text x={LABEL} y={height - 6} fontSize="11">
          0
        </text>
        <text x={WIDTH - 10} y={height - 6} fontSize="11" textAnchor="end">
          {t('portfolio.weeks', { count: Math.ceil(maxWeeks) })}
        </text>
      </svg>
    </div>
  );
}
