import type { HowManyResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ChartFrame } from '../../components/ChartFrame';
import { Histogram } from '../../charts/lazy';
import { COLORS } from '../../charts/frame';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import {
  addThroughput,
  defaultThroughput,
  DateField,
  TextField,
  type ThroughputForm,
} from '../shared/Inputs';
import { Kpi, ForecastPageLayout, SeedUsed, Warnings } from '../shared/PageLayout';
import { ResultWindow } from '../shared/TeamThroughput';
import { CalendarNote } from '../shared/CalendarSection';
import { ThroughputForecastForm } from '../shared/ThroughputForecastForm';
import { addCalendar, initialCalendar, type CalendarForm } from '../shared/calendar';
import { csvOf, PageResultActions } from '../shared/ResultCsv';
import { useForecastPage, useLanguageDefaults } from '../shared/useForecastPage';
import { todayIso } from '../shared/rows';
import { TableWrap } from '../../components/TableWrap';
import { MoreRuns, useIntervalNote, useIntervalRange, widerThan } from '../shared/sampling';

interface HowManyForm extends ThroughputForm, CalendarForm {
  days: string;
  startDate: string;
  endDate: string;
  focus: string;
  runs: string;
}

const DEFAULT_DAYS = '30';

const initialForm: HowManyForm = {
  ...defaultThroughput,
  ...initialCalendar('en'),
  days: DEFAULT_DAYS,
  startDate: todayIso(),
  endDate: '',
  focus: '100',
  runs: '10000',
};

const LEVELS = ['95', '90', '85', '80', '70', '50', '30', '10'];

function toBody(form: HowManyForm) {
  const b = new BodyBuilder();
  addThroughput(b, form);
  // A period given twice is refused beside the end date rather than one silently winning.
  if (form.endDate.trim() && form.days.trim()) {
    b.issues.push({ field: 'endDate', code: 'not_both', params: { other: 'days' } });
  }
  if (form.endDate.trim()) {
    b.text('startDate', form.startDate);
    b.text('endDate', form.endDate);
  } else {
    b.number('days', form.days);
    // A calendar is laid over the days from the start date.
    if (form.calendarOn) b.text('startDate', form.startDate);
  }
  addCalendar(b, form);
  b.number('teamFocus', form.focus, 0.01);
  b.number('numberOfSimulations', form.runs);
  return b.build();
}

type Page = ReturnType<typeof useForecastPage<HowManyForm, HowManyResult>>;

export default function HowManyPage() {
  const initial = useLanguageDefaults(initialForm);
  const page = useForecastPage<HowManyForm, HowManyResult>({
    kind: 'how-many',
    idPrefix: 'howmany',
    initial,
    toBody,
  });
  return (
    <ForecastPageLayout
      section="howMany"
      page={page}
      form={
        <ThroughputForecastForm page={page}>
          <PeriodFields page={page} />
        </ThroughputForecastForm>
      }
      results={(r) => <HowManyResults page={page} r={r} />}
    />
  );
}

/** The period: a number of days, or a start and an end date; and the team's focus. */
function PeriodFields({ page }: { page: Page }) {
  const { t } = useTranslation();
  const { form, update } = page;
  // One period asked two ways: entering an end date empties the days (30 is only the default),
  // so the obvious action is not refused as "both"; emptying it again brings the default back.
  const updateEnd: typeof update = (key, value) => {
    update(key, value);
    const end = String(value).trim();
    if (end && form.days.trim()) update('days', '');
    if (!end && !form.days.trim()) update('days', DEFAULT_DAYS);
  };
  return (
    <fieldset>
      <legend>{t('howMany.days')}</legend>
      <TextField page={page} name="days" label={t('howMany.days')} inputMode="numeric" />
      <p className="field__hint">{t('howMany.or')}</p>
      <div className="row">
        <DateField page={page} name="startDate" label={t('common.startDate')} />
        <DateField page={page} name="endDate" label={t('howMany.endDate')} update={updateEnd} />
      </div>
      <TextField page={page} name="focus" field="teamFocus" label={t('howMany.focus')} />
    </fieldset>
  );
}

function HowManyResults({ page, r }: { page: Page; r: HowManyResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const at = (q: string) => r.itemsAtConfidence[q] ?? NaN;
  const note = useIntervalNote();
  const range = useIntervalRange();
  const interval = (q: string) => note(r.itemsIntervals?.[q], (n) => fmt.integer(n));
  return (
    <>
      <p className="headline" data-testid="headline">
        {t('howMany.headline', {
          pct: fmt.percent(0.85),
          items: fmt.integer(at('85')),
          days: fmt.integer(r.days),
        })}
      </p>
      <ResultWindow input={page.input} />
      <div className="kpis">
        <Kpi label={fmt.percent(0.95)} value={fmt.integer(at('95'))} note={interval('95')} />
        <Kpi label={fmt.percent(0.85)} value={fmt.integer(at('85'))} strong note={interval('85')} />
        <Kpi label={fmt.percent(0.5)} value={fmt.integer(at('50'))} note={interval('50')} />
        <Kpi label={t('common.mean')} value={fmt.number(r.mean)} />
      </div>
      <MoreRuns wide={widerThan(r.itemsIntervals?.['85'])} unit="items" />
      <ChartFrame title={t('howMany.histogram')} filename="how-many-histogram">
        <Histogram
          bins={r.histogram.map((h) => ({ x: h.items, count: h.count }))}
          markers={[
            { label: fmt.percent(0.85), value: at('85'), color: COLORS.p85 },
            { label: fmt.percent(0.5), value: at('50'), color: COLORS.p50 },
          ]}
          xLabel={t('howMany.itemsAxis')}
          yLabel={t('when.runsAxis')}
          title={t('howMany.histogram')}
        />
      </ChartFrame>
      <h3>{t('howMany.table')}</h3>
      <TableWrap label={t('howMany.table')}>
        <table data-testid="how-many-table">
          <thead>
            <tr>
              <th scope="col">{t('when.confidence')}</th>
              <th scope="col">{t('when.atLeast')}</th>
              <th scope="col">{t('common.interval95Column')}</th>
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((q) => (
              <tr key={q} className={q === '85' ? 'highlight' : undefined}>
                <td>{fmt.percent(Number(q) / 100)}</td>
                <td>{fmt.integer(at(q))}</td>
                <td>{range(r.itemsIntervals?.[q], (n) => fmt.integer(n))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <CalendarNote calendar={r.calendar} windowWorkingDays={r.workingDays} />
      <Warnings items={r.warnings} codes={r.warningCodes} />
      <SeedUsed seed={r.seed} runs={r.numberOfSimulations} onDrawAgain={page.drawAgain} />
      <PageResultActions kind="how-many" page={page} result={r} csv={howManyCsv(r, t)} />
    </>
  );
}

function howManyCsv(r: HowManyResult, t: TFunction) {
  // The 100 % row is the single worst run: not a level anyone can promise.
  const levels = Object.entries(r.itemsAtConfidence).filter(([q]) => q !== '100');
  return csvOf(levels, [
    [t('csvExport.pct', { label: t('when.confidence') }), 'integer', ([q]) => Number(q)],
    [t('when.atLeast'), 'integer', ([, v]) => v],
    [t('csvExport.low95'), 'integer', ([q]) => r.itemsIntervals?.[q]?.low],
    [t('csvExport.high95'), 'integer', ([q]) => r.itemsIntervals?.[q]?.high],
  ]);
}
