import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseHistoryWindow, flowMetrics } from '@flow-forecaster/engine';
import { href } from '../../app/router';
import { useTeams, type Team } from '../../lib/team-store';

/** The team's weekly throughput, oldest first: pasted, or counted from its work items. */
function weeklyOf(team: Team): number[] {
  if (team.items.length === 0) return team.throughput;
  return flowMetrics(team.items, { window: 'all' }).throughput.weekly.map((w) => w.count);
}

/**
 * Fills a page's throughput from the current team, sampled from the window its own history
 * calibrates best (the reason is shown), so the user loads the team once for every page.
 */
export function TeamThroughput({
  onUse,
  whole = false,
}: {
  onUse: (weekly: number[]) => void;
  /** Every week, for pages that look at the whole history themselves (backtest, PBC). */
  whole?: boolean;
}) {
  const { t } = useTranslation();
  const { current } = useTeams();
  const [applied, setApplied] = useState<string | null>(null);
  const choice = useMemo(() => {
    if (!current) return null;
    const weekly = weeklyOf(current);
    if (weekly.length === 0) return null;
    const rec = chooseHistoryWindow(weekly);
    const used = whole || rec.window === 'all' ? weekly : weekly.slice(-rec.window);
    return { used, reason: whole ? null : rec.reason };
  }, [current, whole]);
  if (!current || !choice) {
    return (
      <p className="field__hint">
        {t('teamData.none')} <a href={href('/team')}>{t('teamData.link')}</a>
      </p>
    );
  }
  const name = current.sample ? `${current.name} (${t('teamData.sample')})` : current.name;
  return (
    <div className="team-throughput">
      <button
        type="button"
        className="btn btn--small"
        onClick={() => {
          onUse(choice.used);
          setApplied(
            choice.reason === null
              ? t('teamData.appliedAll', { weeks: choice.used.length, team: name })
              : t('teamData.applied', {
                  weeks: choice.used.length,
                  team: name,
                  reason: choice.reason,
                }),
          );
        }}
      >
        {t('teamData.use', { team: name })}
      </button>
      {applied && (
        <p className="field__hint" data-testid="team-throughput-applied">
          {applied}
        </p>
      )}
    </div>
  );
}
