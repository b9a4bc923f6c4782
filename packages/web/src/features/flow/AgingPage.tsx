import { useTranslation } from 'react-i18next';
import { Kpi } from '../shared/PageLayout';
import { ChartFrame } from '../../components/ChartFrame';
import { useFormat } from '../../i18n/format';
import { AgingChart } from './charts';
import { FlowLayout } from './FlowLayout';
import { FlowTable } from './FlowTable';

/** Aging WIP: age dots over percentile bands, right-sizing, and the items oldest first. */
export default function AgingPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <FlowLayout page="aging">
      {(m) => (
        <>
          <p data-testid="flow-backlog">
            {t('flow.team.backlog', {
              inProgress: fmt.integer(m.backlog.inProgress),
              notStarted: fmt.integer(m.backlog.notStarted),
              total: fmt.integer(m.backlog.total),
            })}
          </p>
          <div className="kpis">
            <Kpi label={t('flow.kpi.inProgress')} value={fmt.integer(m.rightSizing.inProgress)} />
            <Kpi
              label={t('flow.kpi.pastP70')}
              value={`${fmt.integer(m.rightSizing.pastP70)} (${fmt.percent(m.rightSizing.shareP70 / 100)})`}
            />
            <Kpi
              label={t('flow.kpi.pastSle', { p: m.sle?.percentile ?? 85 })}
              value={`${fmt.integer(m.rightSizing.pastSle)} (${fmt.percent(m.rightSizing.shareSle / 100)})`}
              strong
            />
          </div>
          <ChartFrame title={t('flow.charts.aging')} filename="aging-wip">
            <AgingChart metrics={m} title={t('flow.charts.aging')} />
          </ChartFrame>
          <h2>{t('flow.table.inProgressTitle')}</h2>
          <FlowTable
            testId="flow-aging-table"
            headers={['item', 'state', 'started', 'age', 'passed']}
            rows={m.inProgress}
            rowKey={(i) => i.id}
            highlight={(i) => i.pastSle}
            cells={(i) => [
              i.id,
              i.state,
              fmt.shortDate(i.started),
              fmt.integer(i.age),
              i.passed === null ? t('flow.table.none') : `P${i.passed}`,
            ]}
            csv={{
              columns: ['item', 'type', 'state', ['started', 'date'], ['age', 'integer'], 'passed'],
              rows: m.inProgress.map((i) => [
                i.id,
                i.type,
                i.state,
                i.started,
                i.age,
                i.passed === null ? '' : `P${i.passed}`,
              ]),
            }}
            filename="aging-wip"
          />
        </>
      )}
    </FlowLayout>
  );
}
