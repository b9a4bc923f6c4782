import type { BacktestResult, HistoryWindowNote } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../../components/ChartFrame';
import { Field } from '../../components/Field';
import { ResultActions } from '../../components/ResultActions';
import { BacktestChart } from '../../charts/lazy';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import { TeamWeeksField, TextInput, type FormSectionProps } from '../shared/Inputs';
import { ResultWindow } from '../shared/TeamThroughput';
import { Kpi, ForecastPageLayout, Warnings } from '../shared/PageLayout';
import { RunFooter } from '../shared/RunFooter';
import { csvOf } from '../shared/ResultCsv';
import { useForecastPage, useLanguageDefaults } from '../shared/useForecastPage';
import { TableWrap } from '../../components/TableWrap';
import {
  addHistoryCalendar,
  initialHistoryCalendar,
  type HistoryCalendarForm,
} from '../shared/calendar';
import { CalendarNote, HistoryCalendarSection, ShortWeeksNote } from '../shared/CalendarSection';
import { TableHead } from '../shared/TableHead';

interface BacktestForm extends HistoryCalendarForm {
  tpText: string;
  /** The team's weeks it came from (kept in the form and link: the schema has no field). */
  tpWindow?: HistoryWindowNote | null;
  backlog: string;
  method: 'walk-forward' | 'expanding';
  model: 'weibull' | 'bootstrap';
  minTrainSize: string;
  testSize: string;
  levels: string;
  runs: string;
}

const initial: BacktestForm = {
  tpText: '6, 5, 4, 5, 3, 4, 1, 6, 0, 1, 10, 6, 0, 5, 7, 9, 6, 6, 3, 8, 8, 0, 8, 4, 4, 5',
  backlog: '15',
  method: 'walk-forward',
  model: 'bootstrap',
  minTrainSize: '8',
  testSize: '1',
  levels: '50, 85, 95',
  runs: '2000',
  // The example's 26 weeks end this week.
  ...initialHistoryCalendar('en', 25),
};

function toBody(form: BacktestForm) {
  const b = new BodyBuilder();
  b.list('tpSamples', form.tpText, true);
  b.number('backlog', form.backlog);
  b.set('method', form.method);
  b.set('throughputModel', form.model);
  b.number('minTrainSize', form.minTrainSize);
  b.number('testSize', form.testSize);
  b.list('confidenceLevels', form.levels);
  b.number('numberOfSimulations', form.runs);
  addHistoryCalendar(b, form);
  return b.build();
}

function verdictKey(v: string): string {
  return v === 'insufficient data' ? 'insufficient' : v;
}

/** Coloured by meaning: calibrated is good, a miss either way is bad, no verdict is plain. */
function verdictClass(v: string): string | undefined {
  if (v === 'calibrated') return 'good';
  if (v === 'overconfident' || v === 'underconfident') return 'bad';
  return undefined;
}

export default function BacktestPage() {
  const start = useLanguageDefaults(initial);
  const page = useForecastPage<BacktestForm, BacktestResult>({
    kind: 'backtest',
    idPrefix: 'backtest',
    initial: start,
    toBody,
  });
  return (
    <ForecastPageLayout
      section="backtest"
      page={page}
      form={
        <>
          <BacktestFields form={page.form} update={page.update} errors={page.errors} id={page.id} />
          <RunFooter page={page} />
        </>
      }
      results={(r) => (
        <BacktestResults
          result={r}
          input={page.input}
          note={page.ranForm?.tpWindow}
          shareLink={page.shareLink}
        />
      )}
    />
  );
}

function BacktestFields({ form, update, errors, id }: FormSectionProps<BacktestForm>) {
  const { t } = useTranslation();
  return (
    <>
      <TeamWeeksField
        page={{ form, update, errors, id }}
        field="tpText"
        errorField="tpSamples"
        rows={3}
        whole
      />
      <div className="row">
        <Field id={id('backlog')} label={t('backtest.backlog')} error={errors.backlog}>
          <TextInput form={form} name="backlog" update={update} inputMode="numeric" />
        </Field>
        <Field
          id={id('confidenceLevels')}
          label={t('backtest.levels')}
          error={errors.confidenceLevels}
        >
          <TextInput form={form} name="levels" update={update} />
        </Field>
      </div>
      <div className="row">
        <Field id={id('method')} label={t('backtest.method')} error={errors.method}>
          <select
            value={form.method}
            onChange={(e) => update('method', e.target.value as BacktestForm['method'])}
          >
            <option value="walk-forward">{t('backtest.methods.walk-forward')}</option>
            <option value="expanding">{t('backtest.methods.expanding')}</option>
          </select>
        </Field>
        <Field
          id={id('throughputModel')}
          label={t('throughput.model')}
          error={errors.throughputModel}
        >
          <select
            value={form.model}
            onChange={(e) => update('model', e.target.value as BacktestForm['model'])}
          >
            <option value="weibull">{t('throughput.models.weibull')}</option>
            <option value="bootstrap">{t('throughput.models.bootstrap')}</option>
          </select>
        </Field>
      </div>
      <div className="row">
        <Field
          id={id('minTrainSize')}
          label={t('backtest.minTrainSize')}
          error={errors.minTrainSize}
        >
          <TextInput form={form} name="minTrainSize" update={update} inputMode="numeric" />
        </Field>
        <Field id={id('testSize')} label={t('backtest.testSize')} error={errors.testSize}>
          <TextInput form={form} name="testSize" update={update} inputMode="numeric" />
        </Field>
      </div>
      <HistoryCalendarSection form={form} update={update} errors={errors} id={id} />
    </>
  );
}

/** The folds whose actual completion is known, at the level the chart shows (P85 if asked). */
function foldPoints(r: BacktestResult) {
  const level = r.confidenceLevels.includes(85) ? 85 : r.confidenceLevels[0];
  const points = r.folds
    .filter((f) => f.completionWeeks !== null && f.forecasts[String(level)] !== undefined)
    .map((f) => ({
      fold: f.index + 1,
      forecast: f.forecasts[String(level)],
      actual: f.completionWeeks ?? 0,
      forecastDate: f.forecastDates?.[String(level)] ?? '',
      actualDate: f.completionDate ?? '',
    }));
  return { level, points };
}

function BacktestResults({
  result: r,
  input,
  note,
  shareLink,
}: {
  result: BacktestResult;
  input: unknown;
  note?: HistoryWindowNote | null;
  shareLink?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { level: chartLevel, points } = foldPoints(r);
  const forecastHeader = `${t('backtest.forecast')} (P${chartLevel})`;
  return (
    <>
      <VerdictHeadline result={r} />
      <ResultWindow input={input} note={note} />
      <CalendarNote calendar={r.calendar} />
      <ShortWeeksNote
        count={r.weekWorkingDays?.filter((d) => d < (r.calendar?.workingDays.length ?? 0)).length}
      />
      <div className="kpis">
        {/* The folds scored against real completion times: the same count as the table's. */}
        <Kpi label={t('backtest.folds')} value={fmt.integer(r.calibration.folds)} />
        {r.calibration.levels.map((l) => (
          <Kpi
            key={l.confidence}
            label={`P${l.confidence} · ${t('backtest.observed')}`}
            value={fmt.pct(l.hitRate, 0)}
            strong={l.confidence === 85}
          />
        ))}
      </div>
      <h3>{t('backtest.calibration')}</h3>
      <p className="field__hint">{t('backtest.calibrationDesc')}</p>
      <CalibrationTable result={r} />
      <ChartFrame title={`${t('backtest.chart')} (P${chartLevel})`} filename="backtest-folds">
        <BacktestChart
          points={points}
          title={t('backtest.chart')}
          xLabel={t('backtest.foldAxis')}
          yLabel={t('when.weeksAxis')}
          legend={{
            forecast: `${t('backtest.forecast')} P${chartLevel}`,
            actual: t('backtest.actual'),
            miss: t('backtest.miss'),
          }}
        />
      </ChartFrame>
      <h3>{t('backtest.metrics')}</h3>
      <p className="field__hint" data-testid="metrics-desc">
        {t('backtest.metricsDesc', {
          count: r.calibration.folds,
          folds: fmt.integer(r.calibration.folds),
        })}
      </p>
      <MetricsTable result={r} />
      <Warnings items={r.warnings} codes={r.warningCodes} />
      <ResultActions
        kind="backtest"
        input={input}
        result={r}
        shareLink={shareLink}
        csv={csvOf(points, [
          [t('csvExport.fold'), 'integer', (p) => p.fold],
          [forecastHeader, 'weeks', (p) => p.forecast],
          [t('backtest.actual'), 'weeks', (p) => p.actual],
          // On a calendar each fold's forecast and actual are dated too.
          !!r.calendar && [forecastHeader, 'date', (p) => p.forecastDate],
          !!r.calendar && [t('backtest.actual'), 'date', (p) => p.actualDate],
        ])}
      />
    </>
  );
}

/** "Verdict: calibrated (P85 held 86 % against 85 %)", the level the verdict rests on. */
function VerdictHeadline({ result: r }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const verdictLevel = r.calibration.levels.find(
    (l) => l.confidence === r.calibration.verdictLevel,
  );
  return (
    <p className="headline" data-testid="headline">
      {t('backtest.verdict')}:{' '}
      <strong className={verdictClass(r.calibration.verdict)}>
        {t(`backtest.verdicts.${verdictKey(r.calibration.verdict)}`)}
      </strong>
      {verdictLevel
        ? ` ${t('backtest.verdictAt', {
            level: verdictLevel.confidence,
            held: fmt.pct(verdictLevel.coverage, 0),
            nominal: fmt.pct(verdictLevel.nominal, 0),
          })}`
        : r.calibration.verdict === 'calibrated'
          ? ` (${t('backtest.verdictAll')})`
          : ''}
    </p>
  );
}

function CalibrationTable({ result: r }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <TableWrap label={t('backtest.calibration')}>
      <table data-testid="calibration-table">
        <thead>
          <tr>
            <th scope="col">{t('common.percentile')}</th>
            <th scope="col">{t('backtest.nominal')}</th>
            <th scope="col">{t('backtest.observed')}</th>
            <th scope="col">{t('backtest.coverage')}</th>
            <th scope="col">{t('backtest.band')}</th>
            <th scope="col">{t('backtest.folds')}</th>
            <th scope="col">{t('backtest.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {r.calibration.levels.map((l) => (
            <tr key={l.confidence}>
              <td>P{l.confidence}</td>
              <td>{fmt.pct(l.nominal, 0)}</td>
              <td>{fmt.pct(l.hitRate, 0)}</td>
              <td>{fmt.pct(l.coverage, 0)}</td>
              <td>{`${fmt.number(l.band.low, 0)}–${fmt.pct(l.band.high, 0)}`}</td>
              <td>{fmt.integer(l.folds)}</td>
              <td className={verdictClass(l.verdict)}>
                {t(`backtest.verdicts.${verdictKey(l.verdict)}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * Errors against the weeks the history really took, on the calibration's folds (one set of
 * folds on the page: its hit rate at P50/P85/P95 is the calibration's "observed"). The
 * original's backlog / test-window mean scores other folds and stays in the JSON (`metrics`).
 */
function MetricsTable({ result: r }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <TableWrap label={t('backtest.metrics')}>
      <table data-testid="metrics-table">
        <TableHead
          columns={[
            t('common.percentile'),
            'MAE',
            'RMSE',
            'MAPE',
            t('accuracy.bias'),
            t('backtest.hitRate'),
          ]}
        />
        <tbody>
          {r.calibration.metrics.map((m) => (
            <tr key={m.confidence}>
              <td>P{m.confidence}</td>
              <td>{fmt.number(m.mae, 2)}</td>
              <td>{fmt.number(m.rmse, 2)}</td>
              <td>{fmt.pct(m.mape, 1)}</td>
              <td>{fmt.number(m.bias, 2)}</td>
              <td>{fmt.pct(m.hitRate, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
