import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Kpi } from '../shared/PageLayout';
import { ChartFrame } from '../../components/ChartFrame';
import { useFormat } from '../../i18n/format';
import { RunChart, nonWorkingDays } from './charts';
import { CsvButton } from './CsvButton';
import { FlowLayout } from './FlowLayout';
import { TeamCalendarEditor, useTeamCalendarDays } from './TeamCalendar';
import { windowThroughput } from './throughput-window';
import type { FlowMetricsResult } from '@flow-forecaster/engine';
import type { Team } from '../../lib/team-store';

/**
 * Throughput run chart (weekly or daily, with its mean) and the WIP run chart; on the team's
 * calendar, the daily chart shades its non-working days and the weekly one its short weeks.
 */
export default function ThroughputPage() {
  return <FlowLayout page="throughput">{(m, team) => <Throughput m={m} team={team} />}</FlowLayout>;
}

/**
 * The short weeks of the window shown (those shaded); the whole history's count only when the
 * window has none, said as such: it once counted weeks the chart did not show.
 */
function ShortWeeksNote({ shown, all }: { shown: number; all: number }) {
  const { t } = useTranslation();
  if (all === 0) return null;
  return (
    <p className="field__hint" data-testid="flow-short-weeks">
      {shown > 0
        ? t('flow.calendar.shortWeeks', { count: shown })
        : t('flow.calendar.shortWeeksOutside', { count: all })}
    </p>
  );
}

function Throughput({ m, team }: { m: FlowMetricsResult; team: Team }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [period, setPeriod] = useState<'week' | 'day'>('week');
  const days = useTeamCalendarDays(team.settings?.calendar, m.throughput.weekly, i18n.language);
  // Throughput follows the window, as the forecast samples it; WIP stays whole history.
  const win = windowThroughput(m);
  const weekly = win.weekly;
  const points = period === 'week' ? weekly : win.daily;
  const short = new Set(days?.shortWeeks ?? []);
  const shaded =
    period === 'day'
      ? nonWorkingDays(
          points,
          days?.workingDays,
          days?.daysOff.map((d) => d.date),
        )
      : new Set(weekly.flatMap((w, i) => (short.has(w.date) ? [i] : [])));
  return (
    <>
      {weekly.length > 0 && (
        <p className="notice" data-testid="flow-throughput-range">
          {t('flow.throughputRange', {
            from: fmt.shortDate(weekly[0].date),
            to: fmt.shortDate(m.window.to),
          })}
        </p>
      )}
      <div className="kpis">
        <Kpi label={t('flow.kpi.weeklyMean')} value={fmt.number(win.weeklyMean, 2)} />
        <Kpi label={t('flow.kpi.dailyMean')} value={fmt.number(win.dailyMean, 2)} />
        <Kpi label={t('flow.kpi.weeklyMeanAll')} value={fmt.number(m.throughput.weeklyMean, 2)} />
        <Kpi
          label={t('flow.kpi.days')}
          value={fmt.integer(win.daily.filter((d) => d.count > 0).length)}
        />
      </div>
      <div className="flow-toggle" role="group">
        <button
          type="button"
          className="btn btn--small"
          aria-pressed={period === 'week'}
          onClick={() => setPeriod('week')}
        >
          {t('flow.charts.perWeek')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          aria-pressed={period === 'day'}
          onClick={() => setPeriod('day')}
        >
          {t('flow.charts.perDay')}
        </button>
      </div>
      <ChartFrame
        title={t(period === 'week' ? 'flow.charts.weekly' : 'flow.charts.daily')}
        filename={`throughput-${period}`}
      >
        <RunChart
          points={points}
          mean={period === 'week' ? win.weeklyMean : win.dailyMean}
          title={t(period === 'week' ? 'flow.charts.weekly' : 'flow.charts.daily')}
          testId="flow-throughput"
          xLabel={t(period === 'week' ? 'flow.charts.week' : 'flow.charts.day')}
          shaded={shaded}
        />
      </ChartFrame>
      {period === 'week' && <ShortWeeksNote shown={shaded.size} all={short.size} />}
      <CsvButton
        table={{
          columns: [
            {
              header: t(period === 'week' ? 'flow.table.weekStart' : 'flow.table.date'),
              kind: 'date',
            },
            { header: t('flow.table.count'), kind: 'integer' },
          ],
          rows: points.map((p) => [p.date, p.count]),
        }}
        filename={`throughput-${period}`}
      />
      <ChartFrame title={t('flow.charts.wip')} filename="wip">
        <RunChart
          points={m.wip}
          mean={null}
          bars={false}
          title={t('flow.charts.wip')}
          testId="flow-wip"
          xLabel={t('flow.charts.day')}
          shaded={
            days
              ? nonWorkingDays(
                  m.wip,
                  days.workingDays,
                  days.daysOff.map((d) => d.date),
                )
              : undefined
          }
        />
      </ChartFrame>
      <CsvButton
        table={{
          columns: [
            { header: t('flow.table.date'), kind: 'date' },
            { header: t('flow.table.inProgress'), kind: 'integer' },
          ],
          rows: m.wip.map((p) => [p.date, p.count]),
        }}
        filename="wip"
      />
      <TeamCalendarEditor team={team} />
    </>
  );
}
