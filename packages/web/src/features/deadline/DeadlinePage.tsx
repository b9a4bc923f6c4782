import type { DeadlineResult } from '@flow-forecaster/engine';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { ResultActions } from '../../components/ResultActions';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import {
  addThroughput,
  defaultThroughput,
  TextInput,
  ThroughputFields,
  type ThroughputForm,
} from '../shared/Inputs';
import { Kpi, PageLayout, SeedUsed, Warnings } from '../shared/PageLayout';
import { RunFooter } from '../shared/RunFooter';
import { CalendarNote, CalendarSection } from '../shared/CalendarSection';
import {
  addCalendar,
  defaultCountry,
  initialCalendar,
  type CalendarForm,
} from '../shared/calendar';
import { useForecastPage } from '../shared/useForecastPage';
import { todayIso } from '../when/form';
import { TableWrap } from '../../components/TableWrap';

interface DeadlineForm extends ThroughputForm, CalendarForm {
  backlog: string;
  startDate: string;
  deadlineDate: string;
  focus: string;
  minContributors: string;
  maxContributors: string;
  costPerPersonWeek: string;
  currency: string;
  runs: string;
}

function inWeeks(weeks: number): string {
  const d = new Date();
  d.setDate(d.getDate() + weeks * 7);
  return todayIso(d);
}

const initialForm: DeadlineForm = {
  ...defaultThroughput,
  ...initialCalendar('en'),
  backlog: '50',
  startDate: todayIso(),
  deadlineDate: inWeeks(10),
  focus: '100',
  minContributors: '',
  maxContributors: '',
  costPerPersonWeek: '',
  currency: 'BRL',
  runs: '10000',
};

function toBody(form: DeadlineForm) {
  const b = new BodyBuilder();
  addThroughput(b, form);
  b.number('backlog', form.backlog);
  b.text('startDate', form.startDate);
  b.text('deadlineDate', form.deadlineDate);
  b.number('teamFocus', form.focus, 0.01);
  b.number('minContributors', form.minContributors);
  b.number('maxContributors', form.maxContributors);
  b.number('costPerPersonWeek', form.costPerPersonWeek);
  if (form.costPerPersonWeek.trim()) b.text('currency', form.currency);
  addCalendar(b, form);
  b.number('numberOfSimulations', form.runs);
  return b.build();
}

const LEVELS = ['p50', 'p85', 'p95'] as const;

export default function DeadlinePage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const language = i18n.language || 'en';
  const initial = useMemo(
    () => ({ ...initialForm, country: defaultCountry(language) }),
    [language],
  );
  const page = useForecastPage<DeadlineForm, DeadlineResult>({
    kind: 'deadline',
    path: '/deadline',
    idPrefix: 'deadline',
    initial,
    toBody,
  });
  const { form, update, errors, id } = page;
  const r = page.result;
  const weeksOf = (l: (typeof LEVELS)[number]) =>
    r ? { p50: r.p50Weeks, p85: r.p85Weeks, p95: r.p95Weeks }[l] : NaN;
  return (
    <PageLayout
      id="deadline"
      title={t('deadline.title')}
      lead={t('deadline.lead')}
      onSubmit={page.onSubmit}
      form={
        <>
          <ThroughputFields form={form} update={update} errors={errors} id={id} />
          <fieldset>
            <legend>{t('deadline.deadlineDate')}</legend>
            <Field id={id('backlog')} label={t('deadline.backlog')} error={errors.backlog}>
              <TextInput form={form} name="backlog" update={update} inputMode="numeric" />
            </Field>
            <div className="row">
              <Field id={id('startDate')} label={t('common.startDate')} error={errors.startDate}>
                <TextInput form={form} name="startDate" update={update} type="date" />
              </Field>
              <Field
                id={id('deadlineDate')}
                label={t('deadline.deadlineDate')}
                error={errors.deadlineDate}
              >
                <TextInput form={form} name="deadlineDate" update={update} type="date" />
              </Field>
            </div>
            <Field id={id('teamFocus')} label={t('howMany.focus')} error={errors.teamFocus}>
              <TextInput form={form} name="focus" update={update} />
            </Field>
          </fieldset>
          <details className="fieldset">
            <summary>{t('deadline.cost')}</summary>
            <div className="row">
              <Field
                id={id('minContributors')}
                label={t('deadline.minContributors')}
                error={errors.minContributors}
              >
                <TextInput form={form} name="minContributors" update={update} inputMode="numeric" />
              </Field>
              <Field
                id={id('maxContributors')}
                label={t('deadline.maxContributors')}
                error={errors.maxContributors}
              >
                <TextInput form={form} name="maxContributors" update={update} inputMode="numeric" />
              </Field>
            </div>
            <div className="row">
              <Field
                id={id('costPerPersonWeek')}
                label={t('deadline.costPerPersonWeek')}
                error={errors.costPerPersonWeek}
              >
                <TextInput form={form} name="costPerPersonWeek" update={update} />
              </Field>
              <Field id={id('currency')} label={t('deadline.currency')} error={errors.currency}>
                <TextInput form={form} name="currency" update={update} inputMode="text" />
              </Field>
            </div>
          </details>
          <CalendarSection form={form} update={update} errors={errors} id={id} />
          <RunFooter page={page} />
        </>
      }
      results={
        r && (
          <>
            <p className={`headline ${r.canMeet ? 'good' : 'bad'}`} data-testid="headline">
              {t(r.canMeet ? 'deadline.canMeet' : 'deadline.cannotMeet', {
                p85: fmt.number(r.p85Weeks),
                wtd: fmt.number(r.weeksToDeadline),
              })}
            </p>
            <div className="kpis">
              <Kpi label={t('deadline.weeksToDeadline')} value={fmt.number(r.weeksToDeadline)} />
              <Kpi label="P85" value={`${fmt.number(r.p85Weeks)} ${t('common.weeks')}`} strong />
              <Kpi
                label={t('deadline.scopeFits')}
                value={`${fmt.number(r.scopeCompletionPct, 0)} %`}
              />
              <Kpi
                label={t('deadline.deadlineUse')}
                value={`${fmt.number(r.deadlineCompletionPct, 0)} %`}
              />
            </div>
            <TableWrap label={t('deadline.title')}>
              <table data-testid="deadline-table">
                <thead>
                  <tr>
                    <th scope="col">{t('common.percentile')}</th>
                    <th scope="col">{t('when.duration')}</th>
                    <th scope="col">{t('deadline.completion')}</th>
                    <th scope="col">{t('deadline.projectedWork')}</th>
                    <th scope="col">{t('deadline.effort')}</th>
                    {r.cost && <th scope="col">{t('deadline.cost')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {LEVELS.map((l) => (
                    <tr key={l} className={l === 'p85' ? 'highlight' : undefined}>
                      <td>{l.toUpperCase()}</td>
                      <td>{fmt.number(weeksOf(l))}</td>
                      <td>{fmt.shortDate(r.completionDates[l])}</td>
                      <td>{fmt.integer(r.projectedWork[l])}</td>
                      <td>{fmt.number(r.effort[l])}</td>
                      {r.cost && <td>{fmt.money(r.cost[l], r.cost.currency)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <CalendarNote calendar={r.calendar} />
            <Warnings items={r.warnings} codes={r.warningCodes} />
            <SeedUsed seed={r.seed} runs={r.numberOfSimulations} />
            <ResultActions
              kind="deadline"
              input={page.input}
              result={r}
              shareLink={page.shareLink}
              csv={{
                header: ['level', 'weeks', 'completionDate', 'projectedWork', 'effort'],
                rows: LEVELS.map((l) => [
                  l,
                  weeksOf(l),
                  r.completionDates[l],
                  r.projectedWork[l],
                  r.effort[l],
                ]),
              }}
            />
          </>
        )
      }
    />
  );
}
