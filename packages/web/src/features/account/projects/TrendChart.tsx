import { scaleLinear } from '@visx/scale';
import { useTranslation } from 'react-i18next';
import { VALUE_TICKS } from '../../../charts/frame';
import { useFormat } from '../../../i18n/format';
import { useMeasuredWidth } from '../../../charts/width';
import type { SavedForecast } from '../api';
import { summaryOf } from '../summary';

/** The widest drawing; narrower screens draw at their own width (see below). */
const WIDEST = 600;
const H = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/**
 * P50 and P85 of a project's forecasts in the order they were made: whether the expected
 * finish is drifting. The table beside it carries the same numbers for screen readers.
 */
export function TrendChart({ forecasts }: { forecasts: readonly SavedForecast[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // Drawn at the figure's width, so the 11 px labels stay 11 px on a phone.
  const [box, W] = useMeasuredWidth<HTMLElement>(WIDEST);
  const points = forecasts
    .map((f) => ({ f, s: summaryOf(f) }))
    .filter(
      (p): p is { f: SavedForecast; s: { p50: number; p85: number; p95: number | null } } =>
        p.s.p50 !== null && p.s.p85 !== null,
    );
  if (points.length < 2) return null;
  // Niced for the ticks drawn, so the top of the axis is a round, labelled value (10, not 9.9).
  const y = scaleLinear<number>({
    domain: [0, Math.max(...points.map((p) => p.s.p85)) * 1.1 || 1],
    range: [H - PAD.bottom, PAD.top],
    nice: VALUE_TICKS,
  });
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1);
  const line = (key: 'p50' | 'p85') => points.map((p, i) => `${x(i)},${y(p.s[key])}`).join(' ');
  const ticks = y.ticks(VALUE_TICKS);
  const first = fmt.shortDate(points[0].f.createdAt);
  const last = fmt.shortDate(points[points.length - 1].f.createdAt);

  return (
    <figure className="chart trend" ref={box}>
      <figcaption className="chart__title">{t('account.project.trend')}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={t('account.project.trendDesc')}
        data-testid="project-trend"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--line)" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11">
              {fmt.number(v)}
            </text>
          </g>
        ))}
        <polyline points={line('p50')} fill="none" stroke="var(--p50)" strokeWidth="2" />
        <polyline points={line('p85')} fill="none" stroke="var(--p85)" strokeWidth="2.5" />
        {points.map((p, i) => (
          <circle key={p.f.id} cx={x(i)} cy={y(p.s.p85)} r="4" fill="var(--p85)">
            <title>{`${fmt.shortDate(p.f.createdAt)}: P85 ${fmt.number(p.s.p85)}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 8} fontSize="11">
          {first}
        </text>
        {/* Forecasts saved the same day share one date label. */}
        {last !== first && (
          <text x={W - PAD.right} y={H - 8} fontSize="11" textAnchor="end">
            {last}
          </text>
        )}
      </svg>
      <p className="legend">
        <span>
          <i style={{ background: 'var(--p85)' }} /> P85
        </span>{' '}
        <span>
          <i style={{ background: 'var(--p50)' }} /> P50
        </span>{' '}
        ({t('common.weeks')})
      </p>
    </figure>
  );
}
