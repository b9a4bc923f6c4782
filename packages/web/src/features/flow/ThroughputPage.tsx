import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Kpi } from '../shared/PageLayout';
import { ChartFrame } from '../../components/ChartFrame';
import { useFormat } from '../../i18n/format';
import { RunChart, nonWorkingDays } from './charts';
import { CsvButton } from './CsvButton';
import { FlowLayout } from './FlowLayout';
import { windowThroughput } from './throughput-window';

/** Throughput run chart (weekly or daily, with its mean) and the WIP run chart. */
export default function ThroughputPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [period, setPeriod] = useState<'week' | 'day'>('week');
  return (
    <FlowLayout page="throughput">
      {(m) => {
        // Throughput follows the window, as the forecast samples it; WIP stays whole history.
        const win = windowThroughput(m);
        const weekly = win.weekly;
        const points = period === 'week' ? weekly : win.daily;
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
              <Kpi
                label={t('flow.kpi.weeklyMeanAll')}
                value={fmt.number(m.throughput.weeklyMean, 2)}
              />
              <Kpi
                label={t('flow.kpi.days')}
                value={fmt.integer(m.throughput.daysWithCompletions)}
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
                shaded={period === 'day' ? nonWorkingDays(points) : undefined}
              />
            </ChartFrame>
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
          </>
        );
      }}
    </FlowLayout>
  );
}
