import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { parseOptionalNumber } from '../../lib/numbers';
import { TextInput, ThroughputFields } from '../shared/Inputs';
import { RowsEditor } from '../shared/RowsEditor';
import { RunFooter } from '../shared/RunFooter';
import { CalendarSection } from '../shared/CalendarSection';
import { defaultCountry } from '../shared/calendar';
import { useForecastPage } from '../shared/useForecastPage';
import { adjustedBacklog, type Complexity } from './backlog';
import { initialWhenForm, whenBody, type WhenForm } from './form';
import { blankDependency, blankRisk, dependencyColumns, riskColumns } from '../shared/rows';
import { WhenResults, type SimulationView } from './WhenResults';
import { StaleResult } from '../shared/PageLayout';

// The CSV importer pulls in a CSV parser and the history code: only for those who use it.
const CsvImport = lazy(() => import('./CsvImport'));

export default function WhenPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  // The calendar's country defaults from the UI language (pt-BR → Brazil, es → Spain).
  const language = i18n.language || 'en';
  const initial = useMemo(
    () => ({ ...initialWhenForm, country: defaultCountry(language) }),
    [language],
  );
  const page = useForecastPage<WhenForm, SimulationView>({
    kind: 'simulate',
    path: '/when',
    idPrefix: 'when',
    initial,
    toBody: whenBody,
  });
  const { form, update, errors, id } = page;
  const [importing, setImporting] = useState(false);

  const low = parseOptionalNumber(form.backlog);
  const high = parseOptionalNumber(form.backlogHigh);
  const range =
    typeof low === 'number' && Number.isInteger(low) && low >= 0
      ? adjustedBacklog(low, typeof high === 'number' ? high : undefined, form.complexity)
      : null;

  return (
    <div>
      <h1>{t('when.title')}</h1>
      <p className="lead">{t('when.lead')}</p>
      <div className="layout">
        <form className="card" onSubmit={page.onSubmit} noValidate aria-label={t('when.title')}>
          <ThroughputFields form={form} update={update} errors={errors} id={id}>
            {!importing ? (
              <button type="button" className="btn btn--small" onClick={() => setImporting(true)}>
                {t('csv.open')}
              </button>
            ) : (
              <Suspense fallback={<p>{t('common.loading')}</p>}>
                <CsvImport
                  onApply={(tp, lt) => {
                    update('tpText', tp.join(', '));
                    if (lt.length > 0)
                      update('ltText', lt.map((v) => Math.round(v * 10) / 10).join(', '));
                    setImporting(false);
                  }}
                  onClose={() => setImporting(false)}
                />
              </Suspense>
            )}
          </ThroughputFields>

          <fieldset>
            <legend>{t('when.backlogLegend')}</legend>
            <div className="row">
              <Field
                id={id('numberOfTasks')}
                label={t('when.backlog')}
                error={errors.numberOfTasks}
              >
                <TextInput form={form} name="backlog" update={update} inputMode="numeric" />
              </Field>
              <Field
                id={id('backlogHigh')}
                label={t('when.backlogHigh')}
                error={errors.backlogHigh}
              >
                <TextInput
                  form={form}
                  name="backlogHigh"
                  update={update}
                  inputMode="numeric"
                  placeholder={form.backlog}
                />
              </Field>
            </div>
            <Field
              id={id('complexity')}
              label={t('when.complexity')}
              hint={
                range
                  ? t('when.adjustedRange', {
                      min: fmt.integer(range.min),
                      max: fmt.integer(range.max),
                    })
                  : t('when.complexityHint')
              }
              error={errors.backlogAdjustedMin ?? errors.backlogAdjustedMax}
            >
              <select
                value={form.complexity}
                onChange={(e) => update('complexity', e.target.value as Complexity)}
              >
                {(['clear', 'somewhat', 'notReally', 'veryUnclear'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`when.complexities.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={id('splitRateSamples')}
              label={t('when.splitRates')}
              hint={t('when.splitRatesHint')}
              error={errors.splitRateSamples}
            >
              <input
                value={form.splitText}
                onChange={(e) => update('splitText', e.target.value)}
                spellCheck={false}
              />
            </Field>
            <Field id={id('startDate')} label={t('common.startDate')} error={errors.startDate}>
              <TextInput form={form} name="startDate" update={update} type="date" />
            </Field>
          </fieldset>

          <CalendarSection form={form} update={update} errors={errors} id={id} />

          <details
            className="fieldset"
            open={form.totalContributors !== '' || form.minContributors !== '' || undefined}
          >
            <summary>{t('when.teamLegend')}</summary>
            <p className="field__hint">{t('when.teamHint')}</p>
            <div className="row">
              <Field
                id={id('totalContributors')}
                label={t('when.totalContributors')}
                error={errors.totalContributors}
              >
                <TextInput
                  form={form}
                  name="totalContributors"
                  update={update}
                  inputMode="numeric"
                />
              </Field>
              <Field id={id('teamFocus')} label={t('when.focus')} error={errors.teamFocus}>
                <TextInput form={form} name="focus" update={update} />
              </Field>
            </div>
            <div className="row">
              <Field
                id={id('minContributors')}
                label={t('when.minContributors')}
                error={errors.minContributors}
              >
                <TextInput form={form} name="minContributors" update={update} inputMode="numeric" />
              </Field>
              <Field
                id={id('maxContributors')}
                label={t('when.maxContributors')}
                error={errors.maxContributors}
              >
                <TextInput form={form} name="maxContributors" update={update} inputMode="numeric" />
              </Field>
              <Field id={id('sCurveSize')} label={t('when.sCurve')} error={errors.sCurveSize}>
                <TextInput form={form} name="sCurveSize" update={update} />
              </Field>
            </div>
          </details>

          <details className="fieldset" open={form.risks.length > 0 || undefined}>
            <summary>{t('when.risksLegend')}</summary>
            <p className="field__hint">{t('when.risksHint')}</p>
            <RowsEditor
              idPrefix="when"
              listField="risks"
              rows={form.risks}
              blank={blankRisk}
              onChange={(rows) => update('risks', rows)}
              errors={errors}
              caption={t('when.risksLegend')}
              addLabel={t('when.addRisk')}
              columns={riskColumns(t)}
            />
          </details>

          <details
            className="fieldset"
            open={form.ltText !== '' || form.dependencies.length > 0 || undefined}
          >
            <summary>{t('when.delaysLegend')}</summary>
            <Field
              id={id('ltSamples')}
              label={t('when.leadTimes')}
              hint={t('when.leadTimesHint')}
              error={errors.ltSamples}
            >
              <textarea
                value={form.ltText}
                onChange={(e) => update('ltText', e.target.value)}
                rows={2}
                spellCheck={false}
              />
            </Field>
            <h3>{t('when.dependencies')}</h3>
            <RowsEditor
              idPrefix="when"
              listField="dependencies"
              rows={form.dependencies}
              blank={blankDependency}
              onChange={(rows) => update('dependencies', rows)}
              errors={errors}
              caption={t('when.dependencies')}
              addLabel={t('when.addDependency')}
              columns={dependencyColumns(t)}
            />
          </details>

          <RunFooter page={page} label={t('when.run')} />
        </form>

        <section className="card" aria-labelledby="when-results-title">
          <h2 id="when-results-title">{t('common.results')}</h2>
          {page.result ? (
            <StaleResult stale={page.stale}>
              <WhenResults
                result={page.result}
                input={page.input}
                shareLink={page.shareLink}
                onDrawAgain={page.drawAgain}
              />
            </StaleResult>
          ) : (
            <p className="empty">{t('common.noResults')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
