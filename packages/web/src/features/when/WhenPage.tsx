import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { parseOptionalNumber } from '../../lib/numbers';
import { TextInput, ThroughputFields, type FormSectionProps } from '../shared/Inputs';
import { DependenciesEditor, RisksEditor } from '../shared/RowEditors';
import { RunFooter } from '../shared/RunFooter';
import { CalendarSection } from '../shared/CalendarSection';
import { useForecastPage, useLanguageDefaults } from '../shared/useForecastPage';
import { adjustedBacklog, type Complexity } from './backlog';
import { initialSimulateForm, simulateBody, type SimulateForm } from './form';
import type { SimulationView } from './WhenResults';
import { StaleResult } from '../shared/PageLayout';
import { ChartInputs, PrintHeader } from '../shared/chart-inputs';

/**
 * The When page (`#/when`): the full model, run by the engine's `simulate` (backlog range,
 * complexity, splits, team size and S-curve, risks, dependencies, lead times, calendar). Not
 * to be mistaken for the engine's throughput-only `when` kind (`/api/forecast-when`,
 * `ff when`), which has no page of its own.
 */

// The CSV importer pulls in a CSV parser and the history code: only for those who use it.
const CsvImport = lazy(() => import('./CsvImport'));
// The results (and their window, intervals and tables) are not needed before the first run:
// they load while the form is being filled, keeping the first page within its budget.
const loadResults = () => import('./WhenResults');
const WhenResults = lazy(() => loadResults().then((m) => ({ default: m.WhenResults })));

type SectionProps = FormSectionProps<SimulateForm>;

export default function SimulateWhenPage() {
  const { t } = useTranslation();
  const initial = useLanguageDefaults(initialSimulateForm);
  const page = useForecastPage<SimulateForm, SimulationView>({
    kind: 'simulate',
    path: '/when',
    idPrefix: 'when',
    initial,
    toBody: simulateBody,
  });
  useEffect(() => {
    const id = setTimeout(() => void loadResults().catch(() => undefined), 800);
    return () => clearTimeout(id);
  }, []);
  const fields: SectionProps = {
    form: page.form,
    update: page.update,
    errors: page.errors,
    id: page.id,
  };

  return (
    <div>
      <h1>{t('when.title')}</h1>
      <p className="lead">{t('when.lead')}</p>
      <div className="layout">
        <form className="card" onSubmit={page.onSubmit} noValidate aria-label={t('when.title')}>
          <ThroughputWithImport {...fields} />
          <BacklogSection {...fields} />
          <CalendarSection {...fields} />
          <TeamSection {...fields} />
          <RisksSection {...fields} />
          <DelaysSection {...fields} />
          <RunFooter page={page} label={t('when.run')} />
        </form>

        <section className="card" aria-labelledby="when-results-title">
          <h2 id="when-results-title">{t('common.results')}</h2>
          {page.result ? (
            <StaleResult stale={page.stale}>
              <ChartInputs input={page.input} result={page.result}>
                <PrintHeader title={t('when.title')} />
                <Suspense fallback={<p className="page-loading">{t('common.loading')}</p>}>
                  <WhenResults
                    result={page.result}
                    input={page.input}
                    shareLink={page.shareLink}
                    onDrawAgain={page.drawAgain}
                  />
                </Suspense>
              </ChartInputs>
            </StaleResult>
          ) : (
            <p className="empty">{t('common.noResults')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

/** The throughput fields, with the CSV importer that fills them (and lead times) from a file. */
function ThroughputWithImport({ form, update, errors, id }: SectionProps) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  return (
    <ThroughputFields form={form} update={update} errors={errors} id={id}>
      {!importing ? (
        <button type="button" className="btn btn--small" onClick={() => setImporting(true)}>
          {t('csv.open')}
        </button>
      ) : (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <CsvImport
            calendar={form}
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
  );
}

/** How many items, how unclear they are, how they split, and when work starts. */
function BacklogSection({ form, update, errors, id }: SectionProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const low = parseOptionalNumber(form.backlog);
  const high = parseOptionalNumber(form.backlogHigh);
  const range =
    typeof low === 'number' && Number.isInteger(low) && low >= 0
      ? adjustedBacklog(low, typeof high === 'number' ? high : undefined, form.complexity)
      : null;
  return (
    <fieldset>
      <legend>{t('when.backlogLegend')}</legend>
      <div className="row">
        <Field id={id('numberOfTasks')} label={t('when.backlog')} error={errors.numberOfTasks}>
          <TextInput form={form} name="backlog" update={update} inputMode="numeric" />
        </Field>
        <Field id={id('backlogHigh')} label={t('when.backlogHigh')} error={errors.backlogHigh}>
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
  );
}

/** Team size, focus and the S-curve (open when the form uses them). */
function TeamSection({ form, update, errors, id }: SectionProps) {
  const { t } = useTranslation();
  return (
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
          <TextInput form={form} name="totalContributors" update={update} inputMode="numeric" />
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
  );
}

function RisksSection({ form, update, errors }: Omit<SectionProps, 'id'>) {
  const { t } = useTranslation();
  return (
    <details className="fieldset" open={form.risks.length > 0 || undefined}>
      <summary>{t('when.risksLegend')}</summary>
      <p className="field__hint">{t('when.risksHint')}</p>
      <RisksEditor
        idPrefix="when"
        rows={form.risks}
        onChange={(rows) => update('risks', rows)}
        errors={errors}
      />
    </details>
  );
}

/** Lead times and dependencies: what delays the finish beyond the throughput. */
function DelaysSection({ form, update, errors, id }: SectionProps) {
  const { t } = useTranslation();
  return (
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
      <DependenciesEditor
        idPrefix="when"
        rows={form.dependencies}
        onChange={(rows) => update('dependencies', rows)}
        errors={errors}
      />
    </details>
  );
}
