import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../../components/ChartFrame';
import { CfdChart } from './charts';
import { CsvButton } from './CsvButton';
import { FlowLayout } from './FlowLayout';

/** The cumulative flow diagram, with as many bands as the export has dates for. */
export default function CfdPage() {
  const { t } = useTranslation();
  return (
    <FlowLayout page="cfd">
      {(m) => (
        <>
          <ChartFrame title={t('flow.charts.cfd')} filename="cumulative-flow">
            <CfdChart metrics={m} title={t('flow.charts.cfd')} />
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
