import { useTranslation } from 'react-i18next';
import { Kpi } from '../shared/PageLayout';
import { ChartFrame } from '../../components/ChartFrame';
import { useFormat } from '../../i18n/format';
import { CycleTimeHistogram, CycleTimeScatter } from './charts';
import { FlowLayout } from './FlowLayout';
import { FlowTable } from './FlowTable';
import { ProblemList } from './ProblemList';
import { useTeamCalendarDays } from './TeamCalendar';
import type { FlowMetricsResult } from '@flow-forecaster/engine';
import type { Team } from '../../lib/team-store';

/** The scatter over done days, with the team calendar's non-working days shaded. */
function Scatter({ m, team }: { m: FlowMetricsResult; team: Team }) {
  const { t, i18n } = useTranslation();
  const days = useTeamCalendarDays(team.settings?.calendar, m.throughput.weekly, i18n.language);
  return <CycleTimeScatter metrics={m} title={t('flow.charts.scatter')} calendar={days} />;
}

/** Cycle time: the SLE sentence, the percentiles, the scatterplot and the histogram. */
export default function CycleTimePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <FlowLayout page="cycleTime">
      {(m, team) => {
        const pct = Object.entries(m.cycleTime.percentiles);
        return (
          <>
            {m.sle && (
              <p className="headline" data-testid="flow-sle">
                {t('flow.sle', { percentile: m.sle.percentile, days: fmt.integer(m.sle.days) })}
              </p>
            )}
            <div className="kpis" data-testid="flow-percentiles">
              <Kpi label={t('flow.kpi.n')} value={fmt.integer(m.cycleTime.n)} />
              {pct.map(([key, days]) => (
                <Kpi
                  key={key}
                  label={key.toUpperCase()}
                  value={fmt.integer(days)}
                  strong={key === 'p85'}
                />
              ))}
              <Kpi label={t('flow.kpi.mean')} value={fmt.number(m.cycleTime.mean, 2)} />
              <Kpi label={t('flow.kpi.min')} value={fmt.integer(m.cycleTime.min)} />
              <Kpi label={t('flow.kpi.max')} value={fmt.integer(m.cycleTime.max)} />
            </div>
            <ChartFrame title={t('flow.charts.scatter')} filename="cycle-time-scatter">
              <Scatter m={m} team={team} />
            </ChartFrame>
            <ChartFrame title={t('flow.charts.histogram')} filename="cycle-time-histogram">
              <CycleTimeHistogram metrics={m} title={t('flow.charts.histogram')} />
            </ChartFrame>
            <FlowTable
              testId="flow-percentile-table"
              headers={['percentile', 'daysCol']}
              rows={pct}
              rowKey={([key]) => key}
              cells={([key, days]) => [key.toUpperCase(), fmt.integer(days)]}
              csv={{
                columns: ['item', 'type', ['done', 'date'], ['cycleTime', 'number']],
                rows: m.scatter.map((p) => [p.id, p.type, p.done, p.cycleTime]),
              }}
              filename="cycle-times"
            />
            <ProblemList metrics={m} />
          </>
        );
      }}
    </FlowLayout>
  );
}
