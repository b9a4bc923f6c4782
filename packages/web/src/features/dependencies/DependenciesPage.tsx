import { probabilityOddsParts, type DependencyAnalysisResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import { Kpi, ForecastPageLayout, Warnings } from '../shared/PageLayout';
import { DependenciesEditor } from '../shared/RowEditors';
import { RunFooter } from '../shared/RunFooter';
import { csvOf, PageResultActions } from '../shared/ResultCsv';
import { useForecastPage } from '../shared/useForecastPage';
import { addDependencies, type DependencyRow } from '../shared/rows';
import { TableWrap } from '../../components/TableWrap';

interface DependenciesForm {
  dependencies: DependencyRow[];
  mode: 'sum' | 'max';
  runs: string;
}

/** The example dependencies, named in the reader's language. */
function initialForm(t: TFunction): DependenciesForm {
  return {
    dependencies: [
      { name: t('dependencies.examples.paymentsApi'), onTime: '70', delay: '7' },
      { name: t('dependencies.examples.designSystem'), onTime: '70', delay: '10' },
    ],
    mode: 'sum',
    runs: '10000',
  };
}

/** "About 1 in 2" in the reader's language: the engine gives the numbers, not an English phrase. */
function Odds({ p }: { p: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const odds = probabilityOddsParts(p);
  return (
    <p data-testid="dependency-odds">
      {t(odds.lessThan ? 'dependencies.oddsLessThan' : 'dependencies.odds', {
        k: fmt.integer(odds.k),
        n: fmt.integer(odds.n),
      })}
    </p>
  );
}

function toBody(form: DependenciesForm) {
  const b = new BodyBuilder();
  addDependencies(b, form.dependencies);
  b.set('mode', form.mode);
  b.number('nSimulations', form.runs);
  return b.build();
}

export default function DependenciesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const page = useForecastPage<DependenciesForm, DependencyAnalysisResult>({
    kind: 'dependencies',
    idPrefix: 'deps',
    initial: initialForm(t),
    toBody,
  });
  const pct = ['p50', 'p85', 'p95'] as const;
  return (
    <ForecastPageLayout
      section="dependencies"
      page={page}
      form={
        <>
          <DependenciesEditor
            idPrefix="deps"
            rows={page.form.dependencies}
            onChange={(rows) => page.update('dependencies', rows)}
            errors={page.errors}
          />
          <Field id={page.id('mode')} label={t('dependencies.mode')} error={page.errors.mode}>
            <select
              value={page.form.mode}
              onChange={(e) => page.update('mode', e.target.value as 'sum' | 'max')}
            >
              <option value="sum">{t('dependencies.modes.sum')}</option>
              <option value="max">{t('dependencies.modes.max')}</option>
            </select>
          </Field>
          <RunFooter page={page} runsField="nSimulations" />
        </>
      }
      results={(r) => (
        <>
          <p className="headline">
            {t('dependencies.allOnTime')}: <strong>{fmt.chance(r.onTimeProbability)}</strong>
          </p>
          <Odds p={r.onTimeProbability} />
          <div className="kpis">
            <Kpi
              label={t('dependencies.riskScore')}
              value={fmt.integer(r.riskScore)}
              help={t('dependencies.riskScoreHelp')}
            />
            <Kpi label={t('risks.severity')} value={t(`risks.levels.${r.riskLevel}`)} strong />
            <Kpi label={t('dependencies.meanDelay')} value={`${fmt.number(r.meanDelayDays)} d`} />
          </div>
          <TableWrap label={t('dependencies.delay')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('common.percentile')}</th>
                  <th scope="col">{t('dependencies.delay')}</th>
                  <th scope="col">{t('dependencies.delayWeeks')}</th>
                </tr>
              </thead>
              <tbody>
                {pct.map((k) => (
                  <tr key={k}>
                    <td>{k.toUpperCase()}</td>
                    <td>{fmt.number(r.delayDays[k])}</td>
                    <td>{fmt.number(r.delayWeeks[k])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Warnings items={r.warnings} codes={r.warningCodes} />
          <PageResultActions kind="dependencies" page={page} result={r} csv={delayCsv(r, t)} />
        </>
      )}
    />
  );
}

function delayCsv(r: DependencyAnalysisResult, t: TFunction) {
  return csvOf(['p50', 'p85', 'p95'] as const, [
    [t('common.percentile'), 'text', (k) => k.toUpperCase()],
    [t('dependencies.delay'), 'number', (k) => r.delayDays[k]],
    [t('csvExport.low95'), 'number', (k) => r.delayDaysIntervals?.[k]?.low],
    [t('csvExport.high95'), 'number', (k) => r.delayDaysIntervals?.[k]?.high],
    [t('dependencies.delayWeeks'), 'integer', (k) => r.delayWeeks[k]],
  ]);
}
