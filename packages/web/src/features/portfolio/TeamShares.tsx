import { useTranslation } from 'react-i18next';
import type { PortfolioTeamResult } from '@flow-forecaster/engine';
import { useFormat } from '../../i18n/format';

const PALETTE = ['#1f5f99', '#b44d12', '#1e6b3a', '#7b3fa0', '#8a6d00', '#0f7c84', '#a2345d'];
const HEIGHT = 90;
const BAR = 10;

/**
 * What share of a team's items went to which feature, week by week, over all runs: one
 * stacked column per week, features in priority order from the bottom.
 */
export function TeamShares({ team }: { team: PortfolioTeamResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { features, shares } = team.throughputShare;
  // Up to the team's P95 finish: past it a few slow runs make a long, thin tail.
  const p95 = team.lastCompletion.p95;
  const weeks = Math.min(
    team.throughputShare.weeks,
    p95 === null ? 104 : Math.max(1, Math.ceil(p95)),
  );
  if (weeks === 0 || features.length === 0) return null;
  const width = weeks * BAR;
  const label = t('portfolio.shareOf', { team: team.name });
  return (
    <figure data-testid={`pf-share-${team.name}`}>
      <figcaption>{label}</figcaption>
      <div style={{ overflowX: 'auto' }}>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={Math.min(width * 2, 640)}
          role="img"
          aria-label={label}
        >
          {Array.from({ length: weeks }, (_, w) => {
            let y = HEIGHT;
            return (
              <g key={w}>
                {features.map((name, f) => {
                  const h = shares[f][w] * HEIGHT;
                  y -= h;
                  return h > 0 ? (
                    <rect
                      key={name}
                      x={w * BAR + 1}
                      y={y}
                      width={BAR - 2}
                      height={h}
                      fill={PALETTE[f % PALETTE.length]}
                    >
                      <title>
                        {t('portfolio.shareWeek', {
                          week: w + 1,
                          feature: name,
                          share: fmt.percent(shares[f][w]),
                        })}
                      </title>
                    </rect>
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="legend" style={{ paddingLeft: 0, listStyle: 'none' }}>
        {features.map((name, f) => (
          <li key={name}>
            <span aria-hidden="true" style={{ color: PALETTE[f % PALETTE.length] }}>
              ■
            </span>{' '}
            {name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
