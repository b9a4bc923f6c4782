import type { RiskSummaryResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import { ForecastPageLayout, Kpi, PageRunButton } from '../shared/PageLayout';
import { RisksEditor } from '../shared/RowEditors';
import { csvOf, PageResultActions } from '../shared/ResultCsv';
import { useForecastPage } from '../shared/useForecastPage';
import { addRisks, type RiskRow } from '../shared/rows';
import { TableWrap } from '../../components/TableWrap';

interface RisksForm {
  risks: RiskRow[];
}

/** The example risks, named in the reader's language. */
function initialForm(t: TFunction): RisksForm {
  const name = (key: string) => t(`risks.examples.${key}`);
  return {
    risks: [
      { likelihood: '30', low: '10', medium: '12', high: '15', description: name('apiRedesign') },
      { likelihood: '15', low: '5', medium: '7', high: '10', description: name('complianceRule') },
      {
        likelihood: '20',
        low: '5',
        medium: '10',
        high: '15',
        description: name('vendorMigration'),
      },
    ],
  };
}

function toBody(form: RisksForm) {
  const b = new BodyBuilder();
  addRisks(b, form.risks);
  return b.build();
}

export default function RisksPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const page = useForecastPage<RisksForm, RiskSummaryResult>({
    kind: 'risks',
    idPrefix: 'risks',
    initial: initialForm(t),
    toBody,
    seeded: false,
  });
  return (
    <ForecastPageLayout
      section="risks"
      page={page}
      form={
        <>
          <RisksEditor
            idPrefix="risks"
            rows={page.form.risks}
            onChange={(rows) => page.update('risks', rows)}
            errors={page.errors}
          />
          <PageRunButton page={page} label={t('risks.run')} />
        </>
      }
      results={(r) => (
        <>
          <div className="kpis">
            <Kpi
              label={t('risks.expected')}
              value={fmt.number(r.totalExpectedImpact)}
              help={t('risks.expectedHelp')}
              strong
            />
            <Kpi
              label={t('risks.p85')}
              value={fmt.number(r.totalP85Impact)}
              help={t('risks.p85Help')}
            />
          </div>
          <TableWrap label={t('risks.title')}>
            <table data-testid="risk-table">
              <thead>
                <tr>
                  <th scope="col">{t('risks.rank')}</th>
                  <th scope="col">{t('risk.description')}</th>
                  <th scope="col">{t('risk.likelihood')}</th>
                  <th scope="col">{t('risks.expected')}</th>
                  <th scope="col">{t('risks.p85')}</th>
                  <th scope="col">{t('risks.severity')}</th>
                </tr>
              </thead>
              <tbody>
                {r.risks.map((item) => (
                  <tr key={item.index}>
                    <td>{fmt.integer(item.rank)}</td>
                    <td style={{ textAlign: 'left' }}>
                      {item.description || `#${item.index + 1}`}
                    </td>
                    <td>{fmt.percent(item.probability)}</td>
                    <td>{fmt.number(item.expectedImpact)}</td>
                    <td>{fmt.number(item.p85Impact)}</td>
                    <td className={`level-${item.severity}`}>
                      {t(`risks.levels.${item.severity}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <PageResultActions kind="risks" page={page} result={r} csv={risksCsv(r, t)} />
        </>
      )}
    />
  );
}

function risksCsv(r: RiskSummaryResult, t: TFunction) {
  return csvOf(r.risks, [
    [t('risks.rank'), 'integer', (i) => i.rank],
    [t('risk.description'), 'text', (i) => i.description || `#${i.index + 1}`],
    [t('csvExport.pct', { label: t('risk.likelihood') }), 'percent', (i) => i.probability],
    [t('risks.expected'), 'weeks', (i) => i.expectedImpact],
    [t('risks.p85'), 'weeks', (i) => i.p85Impact],
    [t('risks.severity'), 'text', (i) => t(`risks.levels.${i.severity}`)],
  ]);
}
