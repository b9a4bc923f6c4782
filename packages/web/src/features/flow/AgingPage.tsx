import { useTranslation } from 'react-i18next';
import { Kpi } from '../shared/PageLayout';
import { ChartFrame } from '../../components/ChartFrame';
import { TableWrap } from '../../components/TableWrap';
import { useFormat } from '../../i18n/format';
import { AgingChart } from './charts';
import { CsvButton } from './CsvButton';
import { FlowLayout } from './FlowLayout';

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
          <TableWrap>
            <table data-testid="flow-aging-table">
              <thead>
                <tr>
                  <th>{t('flow.table.item')}</th>
                  <th>{t('flow.table.state')}</th>
                  <th>{t('flow.table.started')}</th>
                  <th>{t('flow.table.age')}</th>
                  <th>{t('flow.table.passed')}</th>
                </tr>
              </thead>
              <tbody>
                {m.inProgress.map((i) => (
                  <tr key={i.id} className={i.pastSle ? 'highlight' : undefined}>
                    <td>{i.id}</td>
                    <td>{i.state}</td>
                    <td>{fmt.shortDate(i.started)}</td>
                    <td>{fmt.integer(i.age)}</td>
                    <td>{i.passed === null ? t('flow.table.none') : `P${i.passed}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <CsvButton
            table={{
              columns: [
                { header: t('flow.table.item') },
                { header: t('flow.table.type') },
                { header: t('flow.table.state') },
                { header: t('flow.table.started'), kind: 'date' },
                { header: t('flow.table.age'), kind: 'integer' },
                { header: t('flow.table.passed') },
              ],
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
