import type { CostResult, HistoryWindowNote } from '@flow-forecaster/engine';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../../components/ChartFrame';
import { Field } from '../../components/Field';
import { CostChart } from '../../charts/lazy';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import { CurrencyField, TeamWeeksField, TextField } from '../shared/Inputs';
import { ResultWindow } from '../shared/TeamThroughput';
import { Kpi, ForecastPageLayout, SeedUsed, Warnings } from '../shared/PageLayout';
import { csvOf, PageResultActions } from '../shared/ResultCsv';
import { RunFooter } from '../shared/RunFooter';
import { useForecastPage, useLanguageDefaults } from '../shared/useForecastPage';
import { useIntervalNote, widerThan } from '../shared/sampling';
import { registerCalendarTranslations } from '../shared/calendar-i18n';

registerCalendarTranslations();

const PERCENTILE_KEYS = ['p10', 'p25', 'p50', 'p75', 'p85', 'p90', 'p95'] as const;

interface CostForm {
  model: 'duration' | 'per-item';
  costPerPersonWeek: string;
  optimistic: string;
  mostLikely: string;
  pessimistic: string;
  backlog: string;
  teamSize: string;
  tpText: string;
  /** The team window the weeks came from (not in the request: the cost schema has no field). */
  tpWindow?: HistoryWindowNote | null;
  budget: string;
  currency: string;
  runs: string;
}

const initialForm: CostForm = {
  model: 'duration',
  costPerPersonWeek: '5000',
  optimistic: '3000',
  mostLikely: '5000',
  pessimistic: '10000',
  backlog: '50',
  teamSize: '4',
  tpText: '3, 5, 4, 6, 2, 5, 4, 7, 3, 5',
  budget: '',
  // Replaced by the reader's currency (useLanguageDefaults) when the page opens.
  currency: 'USD',
  runs: '10000',
};

/** Only the chosen model's fields are sent: every field on the page changes the numbers. */
function toBody(form: CostForm) {
  const b = new BodyBuilder();
  b.set('model', form.model);
  if (form.model === 'duration') {
    b.list('tpSamples', form.tpText, true);
    b.number('teamSize', form.teamSize);
    b.number('costPerPersonWeek', form.costPerPersonWeek);
  } else {
    b.number('optimistic', form.optimistic);
    b.number('mostLikely', form.mostLikely);
    b.number('pessimistic', form.pessimistic);
  }
  b.number('backlog', form.backlog);
  b.number('budget', form.budget);
  b.text('currency', form.currency);
  b.number('nSimulations', form.runs);
  return b.build();
}

type Page = ReturnType<typeof useForecastPage<CostForm, CostResult>>;

export default function CostPage() {
  const initial = useLanguageDefaults(initialForm);
  const page = useForecastPage<CostForm, CostResult>({
    kind: 'cost',
    idPrefix: 'cost',
    initial,
    toBody,
  });
  return (
    <ForecastPageLayout
      section="cost"
      page={page}
      form={<CostInputs page={page} />}
      results={(r) => <CostResults page={page} r={r} />}
    />
  );
}

function CostInputs({ page }: { page: Page }) {
  const { t } = useTranslation();
  const { form, update, id } = page;
  return (
    <>
      <Field id={id('model')} label={t('cost.model')} hint={t(`cost.modelHints.${form.model}`)}>
        <select
          value={form.model}
          onChange={(e) => update('model', e.target.value as CostForm['model'])}
        >
          <option value="duration">{t('cost.models.duration')}</option>
          <option value="per-item">{t('cost.models.per-item')}</option>
        </select>
      </Field>
      {form.model === 'duration' ? (
        <DurationModelFields page={page} />
      ) : (
        <PerItemFields page={page} />
      )}
      <div className="row">
        <TextField page={page} name="backlog" label={t('cost.backlog')} inputMode="numeric" />
        <TextField page={page} name="budget" label={t('cost.budget')} />
        <CurrencyField page={page} label={t('cost.currency')} />
      </div>
      {/* Other forecasts take a calendar; cost has no dates for one to move. */}
      <p className="field__hint" data-testid="cost-no-calendar">
        {t('calendar.noDates')}
      </p>
      <RunFooter page={page} runsField="nSimulations" />
    </>
  );
}

/** The duration model: the team's weekly throughput, its size and its cost per person-week. */
function DurationModelFields({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <>
      {/* The team's window, followed as on the deadline page: its model on the same runs. */}
      <TeamWeeksField
        page={page}
        field="tpText"
        errorField="tpSamples"
        example={initialForm.tpText}
      />
      <div className="row">
        <TextField page={page} name="teamSize" label={t('cost.teamSize')} inputMode="numeric" />
        <TextField page={page} name="costPerPersonWeek" label={t('cost.costPerPersonWeek')} />
      </div>
    </>
  );
}

/** The per-item model: a three-point estimate of one item's cost. */
function PerItemFields({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <TextField page={page} name="optimistic" label={t('cost.optimistic')} />
      <TextField page={page} name="mostLikely" label={t('cost.mostLikely')} />
      <TextField page={page} name="pessimistic" label={t('cost.pessimistic')} />
    </div>
  );
}

function CostResults({ page, r }: { page: Page; r: CostResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = (v: number) => fmt.money(v, r.currency);
  const note = useIntervalNote();
  // "More than one unit" for money: one week of the team's cost (duration model) or one
  // item's mean cost (per-item model).
  const unitCost =
    r.model === 'duration'
      ? (r.costPerPersonWeek ?? 0) * (r.teamSize ?? 1)
      : r.backlog > 0
        ? r.mean / r.backlog
        : 0;
  return (
    <>
      <p className="headline" data-testid="headline">
        {t('cost.headline', { pct: fmt.percent(0.85), cost: money(r.percentile_stats.p85) })}
      </p>
      <ResultWindow input={page.input} note={page.ranForm?.tpWindow} />
      {r.risk.probabilityOverBudget !== undefined && r.risk.budget !== undefined && (
        <p className={r.risk.probabilityOverBudget > 0.15 ? 'bad' : 'good'}>
          {t('cost.overBudget', {
            pct: fmt.chance(r.risk.probabilityOverBudget),
            budget: money(r.risk.budget),
          })}
        </p>
      )}
      <p className="field__hint" data-testid="cost-model">
        {r.model === 'duration' && r.weeks
          ? t('cost.modelNote.duration', {
              count: r.weeks.p85,
              weeks: fmt.number(r.weeks.p85),
              team:
                r.teamSize === null ? t('cost.onePerson') : t('cost.people', { count: r.teamSize }),
              rate: money(r.costPerPersonWeek ?? 0),
            })
          : t('cost.modelNote.per-item')}
      </p>
      <div className="kpis">
        <Kpi
          label="P50"
          value={money(r.percentile_stats.p50)}
          note={note(r.percentileIntervals.p50, money)}
        />
        <Kpi
          label="P85"
          value={money(r.percentile_stats.p85)}
          strong
          note={note(r.percentileIntervals.p85, money)}
        />
        <Kpi
          label="P95"
          value={money(r.percentile_stats.p95)}
          note={note(r.percentileIntervals.p95, money)}
        />
        <Kpi label={t('common.mean')} value={money(r.mean)} />
        <Kpi label={t('cost.contingency')} value={money(r.risk.contingencyP85)} />
      </div>
      {unitCost > 0 && widerThan(r.percentileIntervals.p85, unitCost) && (
        <p className="field__hint" data-testid="more-runs">
          {t('common.moreRunsCost', { amount: money(unitCost) })}
        </p>
      )}
      <ChartFrame
        title={t('cost.chart')}
        filename="cost-histogram"
        description={t('cost.chartDesc')}
      >
        <CostChart
          bins={r.histogram}
          cumulative={r.cumulative.map((c) => ({ x: c.cost, p: c.probability }))}
          budget={r.risk.budget}
          title={t('cost.chart')}
          xLabel={t('cost.costAxis')}
          yLabel={t('when.runsAxis')}
          budgetLabel={t('cost.budgetLine')}
          formatMoney={money}
        />
      </ChartFrame>
      <Warnings items={r.warnings} codes={r.warningCodes} />
      <SeedUsed seed={r.seed} runs={r.nSimulations} onDrawAgain={page.drawAgain} />
      <PageResultActions kind="cost" page={page} result={r} csv={costCsv(r, t)} />
    </>
  );
}

function costCsv(r: CostResult, t: TFunction) {
  const { weeks } = r;
  return csvOf(PERCENTILE_KEYS, [
    [t('common.percentile'), 'text', (k) => k.toUpperCase()],
    [t('csvExport.cost', { currency: r.currency }), 'money', (k) => r.percentile_stats[k]],
    [t('csvExport.low95'), 'money', (k) => r.percentileIntervals[k].low],
    [t('csvExport.high95'), 'money', (k) => r.percentileIntervals[k].high],
    weeks && [t('when.duration'), 'weeks', (k) => weeks[k]],
  ]);
}
