import type { DeadlineResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { ResultActions } from '../../components/ResultActions';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import {
  addThroughput,
  CurrencyField,
  DateField,
  defaultThroughput,
  TextField,
  type ThroughputForm,
} from '../shared/Inputs';
import { Kpi, ForecastPageLayout, SeedUsed, Warnings } from '../shared/PageLayout';
import { ResultWindow } from '../shared/TeamThroughput';
import { CalendarNote } from '../shared/CalendarSection';
import { ThroughputForecastForm } from '../shared/ThroughputForecastForm';
import { addCalendar, initialCalendar, type CalendarForm } from '../shared/calendar';
import { csvOf } from '../shared/ResultCsv';
import { useForecastPage, useLanguageDefaults } from '../shared/useForecastPage';
import { todayIso } from '../shared/rows';
import { TableWrap } from '../../components/TableWrap';
import { ChartFrame } from '../../components/ChartFrame';
import { DeadlineCurve } from '../../charts/lazy';
import { COLORS } from '../../charts/frame';
import { isEmptyBacklog, useBeyondMaxWeeks } from '../shared/beyond';
import { MoreRuns, useIntervalNote, widerThan } from '../shared/sampling';

interface DeadlineForm extends ThroughputForm, CalendarForm {
  backlog: string;
  startDate: string;
  deadlineDate: string;
  focus: string;
  minContributors: string;
  maxContributors: string;
  costPerPersonWeek: string;
  currency: string;
  confidence: string;
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
  // Replaced by the reader's currency (useLanguageDefaults) when the page opens.
  currency: 'USD',
  confidence: '85',
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
  b.number('confidence', form.confidence, 0.01);
  addCalendar(b, form);
  b.number('numberOfSimulations', form.runs);
  return b.build();
}

const LEVELS = ['p50', 'p85', 'p95'] as const;

export default function DeadlinePage() {
  const initial = useLanguageDefaults(initialForm);
  const page = useForecastPage<DeadlineForm, DeadlineResult>({
    kind: 'deadline',
    idPrefix: 'deadline',
    initial,
    toBody,
  });
  return (
    <ForecastPageLayout
      section="deadline"
      page={page}
      form={
        <ThroughputForecastForm page={page}>
          <DeadlineFields page={page} />
          <CostFields page={page} />
        </ThroughputForecastForm>
      }
      results={(r) => (
        <DeadlineResults
          r={r}
          input={page.input}
          shareLink={page.shareLink}
          onDrawAgain={page.drawAgain}
        />
      )}
    />
  );
}

type Page = ReturnType<typeof useForecastPage<DeadlineForm, DeadlineResult>>;

/** The backlog, the start and the deadline, the team's focus and the confidence asked for. */
function DeadlineFields({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('deadline.deadlineDate')}</legend>
      <TextField page={page} name="backlog" label={t('deadline.backlog')} inputMode="numeric" />
      <div className="row">
        <DateField page={page} name="startDate" label={t('common.startDate')} />
        <DateField page={page} name="deadlineDate" label={t('deadline.deadlineDate')} />
      </div>
      <div className="row">
        <TextField page={page} name="focus" field="teamFocus" label={t('howMany.focus')} />
        <TextField
          page={page}
          name="confidence"
          label={t('deadline.confidence')}
          inputMode="numeric"
        />
      </div>
    </fieldset>
  );
}

/** What meeting the date would take: the contributors and what a person-week costs. */
function CostFields({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <details className="fieldset">
      <summary>{t('deadline.cost')}</summary>
      <div className="row">
        {(['minContributors', 'maxContributors'] as const).map((name) => (
          <TextField
            key={name}
            page={page}
            name={name}
            label={t(`deadline.${name}`)}
            inputMode="numeric"
          />
        ))}
      </div>
      <div className="row">
        <TextField page={page} name="costPerPersonWeek" label={t('deadline.costPerPersonWeek')} />
        <CurrencyField page={page} label={t('deadline.currency')} />
      </div>
    </details>
  );
}

/** A row of the chance-by-date table; the deadline is one, even between two weeks. */
interface CurveRow {
  weeks: number;
  date: string;
  probability: number;
  deadline: boolean;
}

/** The curve's rows, with the deadline itself as a row where it falls between weeks. */
function curveRows(r: DeadlineResult): CurveRow[] {
  const deadlineWeeks = r.daysToDeadline / 7;
  const rows: CurveRow[] = r.probabilityByDate.map((p) => ({
    ...p,
    deadline: p.date === r.deadlineDate,
  }));
  if (!rows.some((row) => row.deadline)) {
    const at = rows.findIndex((row) => row.weeks > deadlineWeeks);
    const row = {
      weeks: Math.round(deadlineWeeks * 10) / 10,
      date: r.deadlineDate,
      probability: r.probabilityByDeadline,
      deadline: true,
    };
    rows.splice(at < 0 ? rows.length : at, 0, row);
  }
  return rows;
}

/** One format for the chance everywhere on the page: headline, table and chart agree. */
function useChance() {
  const fmt = useFormat();
  return (p: number) => fmt.chance(p);
}

/** The chance to finish by the deadline first, then the curve, what it would take, the weeks. */
function DeadlineResults({
  r,
  input,
  shareLink,
  onDrawAgain,
}: {
  r: DeadlineResult;
  input: unknown;
  shareLink?: string;
  onDrawAgain?: () => void;
}) {
  const { t } = useTranslation();
  if (isEmptyBacklog(r)) {
    // Nothing to forecast: no curve from −1 week, no certain "> 99.9 %", no 0-week tables.
    return (
      <div data-testid="deadline-results">
        <p className="headline good" data-testid="headline">
          {t('common.nothingLeft')}
        </p>
        <ResultWindow input={input} />
        <ResultActions kind="deadline" input={input} result={r} shareLink={shareLink} />
      </div>
    );
  }
  const rows = curveRows(r);
  return (
    <div data-testid="deadline-results">
      <DeadlineHeadline r={r} input={input} />
      <WhatItWouldTake r={r} />
      <DeadlineChart r={r} />
      <CurveTable rows={rows} />
      <PercentileTable r={r} />
      <CalendarNote calendar={r.calendar} p85Date={r.completionDates.p85} />
      <Warnings items={r.warnings} codes={r.warningCodes} />
      <SeedUsed seed={r.seed} runs={r.numberOfSimulations} onDrawAgain={onDrawAgain} />
      <DeadlineActions r={r} input={input} rows={rows} shareLink={shareLink} />
    </div>
  );
}

/** The chance by the deadline, whether P85 fits, and the figures behind it. */
function DeadlineHeadline({ r, input }: { r: DeadlineResult; input: unknown }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const beyond = useBeyondMaxWeeks();
  const note = useIntervalNote();
  const chance = useChance();
  const good = r.probabilityByDeadline >= r.whatItWouldTake.confidence;
  return (
    <>
      <p
        className={`headline ${good ? 'good' : 'bad'}`}
        data-testid="headline"
        data-probability={r.probabilityByDeadline}
      >
        {t('deadline.headlineChance', {
          pct: chance(r.probabilityByDeadline),
          date: fmt.date(r.deadlineDate),
        })}
      </p>
      <ResultWindow input={input} />
      {r.finishedShare < 1 && (
        <p className="notice notice--warn" data-testid="beyond-notice">
          {r.finishedShare === 0 ? beyond.headline(r) : beyond.notice(r)}
        </p>
      )}
      <p data-testid="can-meet">
        {t('deadline.canMeetP85', {
          answer: t(r.canMeet ? 'deadline.yes' : 'deadline.no'),
          count: r.beyondMaxWeeks.p85 ? r.maxWeeks : r.p85Weeks,
          p85: beyond.weeks(r, 'p85', r.p85Weeks),
          available: t('deadline.available', {
            count: r.weeksToDeadline,
            wtd: fmt.number(r.weeksToDeadline),
          }),
        })}
      </p>
      <div className="kpis">
        <Kpi label={t('deadline.weeksToDeadline')} value={fmt.number(r.weeksToDeadline)} />
        <Kpi
          label="P85"
          value={beyond.weeksWithUnit(r, 'p85', r.p85Weeks)}
          strong
          note={
            r.beyondMaxWeeks.p85 ? undefined : note(r.percentileIntervals.p85, undefined, 'P85')
          }
        />
        {/* From the same runs as "what it would take": items done by the deadline in 85 % of them. */}
        <Kpi
          label={t('deadline.scopeFits')}
          value={fmt.pct(r.scopeByDeadlinePctP85, 0)}
          note={t('deadline.scopeFitsItems', {
            items: fmt.integer(r.scopeByDeadlineP85),
            backlog: fmt.integer(r.backlog),
          })}
        />
        <Kpi
          label={t('deadline.timeUsedRaw')}
          value={
            r.beyondMaxWeeks.p85
              ? // P85 is the cap: a share of it ("> 6,500 %") would read as a forecast.
                beyond.dateBeyond(r.maxWeeks)
              : r.deadlineCompletionPctRaw === null
                ? '—'
                : fmt.pct(r.deadlineCompletionPctRaw, 1)
          }
          note={r.beyondMaxWeeks.p85 ? t('deadline.timeUsedBeyond') : undefined}
        />
      </div>
      <MoreRuns wide={!r.beyondMaxWeeks.p85 && widerThan(r.percentileIntervals.p85)} unit="weeks" />
    </>
  );
}

function WhatItWouldTake({ r }: { r: DeadlineResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const beyond = useBeyondMaxWeeks();
  const take = r.whatItWouldTake;
  return (
    <section aria-labelledby="deadline-take" data-testid="what-it-would-take">
      <h3 id="deadline-take">{t('deadline.take', { pct: fmt.percent(take.confidence) })}</h3>
      <ul>
        <li>
          {t('deadline.scopeThatFits', {
            items: fmt.integer(take.scopeThatFits),
            backlog: fmt.integer(r.backlog),
          })}
        </li>
        <li>
          {take.date === null
            ? t('deadline.laterDateBeyond', { span: beyond.span(r.maxWeeks) })
            : t('deadline.laterDate', { date: fmt.date(take.date) })}
        </li>
        {take.latestStart !== null && (
          <li data-testid="latest-start">
            {t('deadline.latestStart', { date: fmt.date(take.latestStart) })}
          </li>
        )}
        {take.teamSize !== null && (
          <li>{t('deadline.teamSize', { team: fmt.integer(take.teamSize) })}</li>
        )}
      </ul>
    </section>
  );
}

function DeadlineChart({ r }: { r: DeadlineResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const chance = useChance();
  const take = r.whatItWouldTake;
  const deadlineWeeks = r.daysToDeadline / 7;
  return (
    <ChartFrame
      title={t('deadline.curve')}
      filename="deadline-probability"
      description={t('deadline.curveDesc')}
      legend={[
        { label: t('deadline.curveAxis'), color: COLORS.p50 },
        { label: t('deadline.legendDeadline'), color: COLORS.bad },
        {
          label: t('deadline.legendConfidence', { pct: fmt.percent(take.confidence) }),
          color: COLORS.p85,
        },
      ]}
    >
      <DeadlineCurve
        points={r.probabilityByDate}
        deadlineWeeks={deadlineWeeks}
        deadlineProbability={r.probabilityByDeadline}
        confidence={take.confidence}
        title={t('deadline.curve')}
        xLabel={t('deadline.dateAxis')}
        yLabel={t('deadline.curveAxis')}
        pointLabel={(p) =>
          `${t('common.weeksCount', { count: p.weeks, n: fmt.number(p.weeks) })}: ${chance(p.probability)}`
        }
      />
    </ChartFrame>
  );
}

function CurveTable({ rows }: { rows: CurveRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const chance = useChance();
  return (
    <TableWrap label={t('deadline.curve')}>
      <table data-testid="deadline-curve-table">
        <thead>
          <tr>
            <th scope="col">{t('when.date')}</th>
            <th scope="col">{t('when.duration')}</th>
            <th scope="col">{t('deadline.chance')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.date}-${row.deadline ? 'd' : ''}`}
              className={row.deadline ? 'highlight' : undefined}
              data-testid={row.deadline ? 'deadline-row' : undefined}
            >
              <td>{fmt.shortDate(row.date)}</td>
              <td>{fmt.number(row.weeks)}</td>
              <td>{chance(row.probability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** P50/P85/P95: weeks with their sampling interval, dates, effort and cost. */
function PercentileTable({ r }: { r: DeadlineResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const beyond = useBeyondMaxWeeks();
  const note = useIntervalNote();
  const weeksOf = (l: (typeof LEVELS)[number]) =>
    ({ p50: r.p50Weeks, p85: r.p85Weeks, p95: r.p95Weeks })[l];
  const effortLabel = r.effortForOnePerson
    ? t('deadline.effortOnePerson')
    : t('deadline.effortTeam', { team: fmt.number(r.effortTeamSize) });
  return (
    <TableWrap label={t('deadline.title')}>
      <table data-testid="deadline-table">
        <thead>
          <tr>
            <th scope="col">{t('common.percentile')}</th>
            <th scope="col">{t('when.duration')}</th>
            <th scope="col">{t('deadline.completion')}</th>
            <th scope="col">{effortLabel}</th>
            {r.cost && <th scope="col">{t('deadline.cost')}</th>}
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((l) => (
            <tr key={l} className={l === 'p85' ? 'highlight' : undefined}>
              <td>{l.toUpperCase()}</td>
              <td>
                {beyond.weeks(r, l, weeksOf(l))}
                {!r.beyondMaxWeeks[l] && (
                  <span className="interval" data-testid={`interval-${l}`}>
                    {' '}
                    ({note(r.percentileIntervals[l])})
                  </span>
                )}
              </td>
              <td>
                {r.completionDates[l] === null
                  ? beyond.dateBeyond(r.maxWeeks)
                  : fmt.shortDate(r.completionDates[l])}
              </td>
              <td>
                {r.beyondMaxWeeks[l]
                  ? t('when.beyondValue', { weeks: fmt.number(r.effort[l]) })
                  : fmt.number(r.effort[l])}
              </td>
              {r.cost && <td>{fmt.money(r.cost[l], r.cost.currency)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DeadlineActions({
  r,
  input,
  rows,
  shareLink,
}: {
  r: DeadlineResult;
  input: unknown;
  rows: CurveRow[];
  shareLink?: string;
}) {
  const { t } = useTranslation();
  return (
    <ResultActions
      kind="deadline"
      input={input}
      result={r}
      shareLink={shareLink}
      csv={csvOf(rows, [
        [t('when.date'), 'date', (row) => row.date],
        [t('when.duration'), 'weeks', (row) => row.weeks],
        [t('csvExport.pct', { label: t('deadline.chance') }), 'chance', (row) => row.probability],
      ])}
    />
  );
}
