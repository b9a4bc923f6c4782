import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../../components/ChartFrame';
import { CfdChart } from './charts';
import { CsvButton } from './CsvButton';
import { FlowLayout } from './FlowLayout';
import { useTeamCalendarDays } from './TeamCalendar';
import type { FlowMetricsResult } from '@flow-forecaster/engine';
import type { Team } from '../../lib/team-store';

/** The CFD with the team calendar's non-working days shaded. */
function Cfd({ m, team }: { m: FlowMetricsResult; team: Team }) {
  const { t, i18n } = useTranslation();
  const days = useTeamCalendarDays(team.settings?.calendar, m.throughput.weekly, i18n.language);
  return <CfdChart metrics={m} title={t('flow.charts.cfd')} calendar={days} />;
}

/** The cumulative flow diagram, with as many bands as the export has dates for. */
export default function CfdPage() {
  const { t } = useTranslation();
  return (
    <FlowLayout page="cfd">
      {(m, team) => (
        <>
          <ChartFrame title={t('flow.charts.cfd')} filename="cumulative-flow">
            <Cfd m={m} team={team} />
          </ChartFrame>
          <CsvButton
            table={{
              columns: [
                { header: t('flow.table.date'), kind: 'date' },
                ...m.cfdBands.map((b) => ({ header: b, kind: 'integer' as const })),
                { header: t('flow.table.inProgress'), kind: 'integer' },
              ],
              rows: m.cfd.map((p) => [p.date, ...m.cfdBands.map((b) => p[b] ?? ''), p.inProgress]),
            }}
            filename="cumulative-flow"
          />
        </>
      )}
    </FlowLayout>
  );
}
