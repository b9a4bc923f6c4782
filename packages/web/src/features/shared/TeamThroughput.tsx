import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseHistoryWindow, flowMetrics } from '@flow-forecaster/engine';
import { href } from '../../app/router';
import { useTeams, type Team } from '../../lib/team-store';

const DAY_MS = 86_400_000;

/**
 * The team's weekly throughput, oldest first (pasted, or counted from its work items), and how
 * many days before today its newest completion is (null for pasted weeks, which have no dates).
 */
function weeklyOf(team: Team): { weekly: number[]; staleDays: number | null } {
  if (team.items.length === 0) return { weekly: team.throughput, staleDays: null };
  const m = flowMetrics(team.items, { window: 'all' });
  const last = m.stale.lastDone;
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return {
    weekly: m.throughput.weekly.map((w) => w.count),
    staleDays:
      last === null ? null : Math.round((today - Date.parse(`${last}T00:00:00Z`)) / DAY_MS),
  };
}

/**
 * The weeks a forecast samples from a team: its weekly throughput in the window its own
 * history calibrates best (every week with `whole`); null when it has no weeks.
 */
export function throughputOfTeam(team: Team, whole = false): number[] | null {
  const { weekly } = weeklyOf(team);
  if (weekly.length === 0) return null;
  const rec = chooseHistoryWindow(weekly);
  return whole || rec.window === 'all' ? weekly : weekly.slice(-rec.window);
}

/** Past this, a forecast from the team's weeks may describe a team that has changed. */
const STALE_AFTER_DAYS = 28;

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
    const { weekly, staleDays } = weeklyOf(current);
    if (weekly.length === 0) return null;
    const rec = chooseHistoryWindow(weekly);
    const used = whole || rec.window === 'all' ? weekly : weekly.slice(-rec.window);
    return { used, reason: whole ? null : rec.reason, staleDays };
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
      {choice.staleDays !== null && choice.staleDays > STALE_AFTER_DAYS && (
        <p className="field__hint" data-testid="team-throughput-stale">
          {t('teamData.stale', { days: choice.staleDays })}
        </p>
      )}
      {applied && (
        <p className="field__hint" data-testid="team-throughput-applied">
          {applied}
        </p>
      )}
    </div>
  );
}
