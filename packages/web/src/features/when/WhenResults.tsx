import { addWeeks, isBeyondMaxWeeks, type SimulationResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../../components/ChartFrame';
import { ResultActions } from '../../components/ResultActions';
import { BurnDownFan, Histogram } from '../../charts/lazy';
import { useFormat } from '../../i18n/format';
import { percentileMarkers } from '../shared/charts-data';
import { Kpi, SeedUsed, Warnings } from '../shared/PageLayout';
import { CalendarNote } from '../shared/CalendarSection';
import { daysOffOnWorkWeeks } from '../shared/calendar-chart';
import { TableWrap } from '../../components/TableWrap';
import { isEmptyBacklog, useBeyondMaxWeeks } from '../shared/beyond';
import { MoreRuns, useIntervalNote, widerThan } from '../shared/sampling';
import { ResultWindow } from '../shared/TeamThroughput';
import { csvOf } from '../shared/ResultCsv';

export type SimulationView = SimulationResult;

const THIRTY_DAY_LEVELS = ['95', '85', '70', '50'];

/**
 * A row's date: the engine's (on the calendar, as the headline), or for a result saved before
 * rows had one, start + the row's weeks.
 */
function rowDate(row: SimulationResult['resultsTable'][number], startDate: string): string {
  return row.Date ?? addWeeks(startDate, row.Duration);
}

/** What the result tables and the CSV share: the rows worth showing and the optional columns. */
interface WhenTable {
  /** Rows that carry information (not the single best or worst run). */
  rows: SimulationResult['resultsTable'];
  startDate: string | null;
  tasksVary: boolean;
  /** The lead-time statistics, when lead times were given. */
  lt: SimulationResult['input_stats']['leadTime'];
}

function whenTable(r: SimulationResult, input: unknown): WhenTable {
  const startDate =
    typeof input === 'object' && input !== null && 'startDate' in input
      ? String((input as { startDate: unknown }).startDate)
      : null;
  // Rows that carry information: 100 % is the single worst run and 0 % the single best, read
  // as certainty they mislead; an items column that never changes (no split rate) says nothing.
  const rows = r.resultsTable.filter((row) => row.Likelihood > 0 && row.Likelihood < 100);
  const tasksVary = rows.some((row) => row.TotalTasks !== rows[0]?.TotalTasks);
  return { rows, startDate, tasksVary, lt: r.input_stats.leadTime };
}

/**
 * The full-model When page's result (the engine's `simulate`): headline, percentiles and
 * dates, charts, the probability table, items in 30 days, input statistics, and the actions.
 */
export function WhenResults({
  result: r,
  input,
  shareLink,
  onDrawAgain,
}: {
  result: SimulationResult;
  input: unknown;
  shareLink?: string;
  onDrawAgain?: () => void;
}) {
  const table = whenTable(r, input);
  if (isEmptyBacklog(r)) return <EmptyBacklogResults r={r} input={input} shareLink={shareLink} />;
  return (
    <div data-testid="when-results">
      <WhenHeadline r={r} input={input} />
      <WhenKpis r={r} />
      <Warnings items={r.warnings} codes={r.warningCodes} />
      <WhenCharts r={r} startDate={table.startDate} />
      <ProbabilityTable r={r} table={table} />
      <ThirtyDayTable r={r} />
      <InputStatsTable r={r} />
      <SeedUsed seed={r.seed} runs={r.numberOfSimulations} onDrawAgain={onDrawAgain} />
      <WhenActions r={r} input={input} table={table} shareLink={shareLink} />
    </div>
  );
}

/**
 * An empty backlog has nothing to forecast: the headline says so, and the charts, tables and
 * history warnings (every figure 0 weeks, "Mean 0 ± 0") are left out; save and share stay.
 */
function EmptyBacklogResults({
  r,
  input,
  shareLink,
}: {
  r: SimulationResult;
  input: unknown;
  shareLink?: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="when-results">
      <p className="headline" data-testid="headline">
        {t('common.nothingLeft')}
      </p>
      <ResultWindow input={input} />
      <ResultActions kind="simulate" input={input} result={r} shareLink={shareLink} />
    </div>
  );
}

function WhenHeadline({ r, input }: { r: SimulationResult; input: unknown }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const beyond = useBeyondMaxWeeks();
  const conf = fmt.percent(r.headline.confidence);
  const weeks = fmt.number(r.headline.weeks);
  // The unit agrees with the figure ("1 week"), as in the boxes.
  const count = r.headline.weeks;
  return (
    <>
      <p className="headline" data-testid="headline">
        {r.headline.beyondMaxWeeks
          ? beyond.headline(r)
          : r.headline.date
            ? t('when.headline', { pct: conf, weeks, count, date: fmt.date(r.headline.date) })
            : t('when.headlineNoDate', { pct: conf, weeks, count })}
      </p>
      <ResultWindow input={input} />
      {!r.headline.beyondMaxWeeks && r.finishedShare < 1 && (
        <p className="notice notice--warn" data-testid="beyond-notice">
          {beyond.notice(r)}
        </p>
      )}
      <p>
        {t(r.effortForOnePerson ? 'when.effortOnePerson' : 'when.effort', {
          pct: conf,
          // "1 week", "0 weeks": the unit agrees with the figure, as in the boxes.
          count: r.headline.effortPersonWeeks,
          // At a cap the effort is what the stopped runs had spent: a floor, never a forecast.
          effort: r.headline.beyondMaxWeeks
            ? t('when.beyondValue', { weeks: fmt.number(r.headline.effortPersonWeeks) })
            : fmt.number(r.headline.effortPersonWeeks),
        })}
      </p>
    </>
  );
}

/** P50/P85/P95 and the mean with their sampling intervals, then the dates they fall on. */
function WhenKpis({ r }: { r: SimulationResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const beyond = useBeyondMaxWeeks();
  const p = r.percentile_stats;
  // Trust rules: each percentile's 95 % sampling interval beside it (none for a cap).
  const note = useIntervalNote();
  const interval = (k: 'p50' | 'p85' | 'p95') =>
    r.beyondMaxWeeks?.[k]
      ? undefined
      : note(r.percentileIntervals?.[k], undefined, k.toUpperCase());
  const wide = !r.beyondMaxWeeks?.p85 && widerThan(r.percentileIntervals?.p85);
  const date = (iso: string | null) =>
    iso === null ? beyond.dateBeyond(r.maxWeeks) : fmt.shortDate(iso);
  return (
    <>
      <div className="kpis">
        <Kpi label="P50" value={beyond.weeksWithUnit(r, 'p50', p.p50)} note={interval('p50')} />
        <Kpi
          label="P85"
          value={beyond.weeksWithUnit(r, 'p85', p.p85)}
          strong
          note={interval('p85')}
        />
        <Kpi label="P95" value={beyond.weeksWithUnit(r, 'p95', p.p95)} note={interval('p95')} />
        {/* Mean and SD are over the finished runs (the engine's one definition), said so when
            some runs stopped at the cap; none finished, no mean. */}
        {r.meanWeeks !== null && r.sdWeeks !== null && (
          <Kpi
            label={t('common.mean')}
            value={t('when.meanValue', {
              count: r.meanWeeks,
              mean: fmt.fixed(r.meanWeeks, 1),
              sd: fmt.fixed(r.sdWeeks, 1),
            })}
            note={
              r.finishedShare < 1
                ? t('when.meanOfFinished', { share: fmt.percent(r.finishedShare, 1) })
                : undefined
            }
          />
        )}
      </div>
      <MoreRuns wide={wide} unit="weeks" />
      {r.completionDates && (
        <div className="kpis" data-testid="completion-dates">
          <Kpi label={`P50 · ${t('when.date')}`} value={date(r.completionDates.p50)} />
          <Kpi label={`P85 · ${t('when.date')}`} value={date(r.completionDates.p85)} strong />
          <Kpi label={`P95 · ${t('when.date')}`} value={date(r.completionDates.p95)} />
        </div>
      )}
      <CalendarNote calendar={r.calendar} p85Date={r.completionDates?.p85} />
    </>
  );
}

function WhenCharts({ r, startDate }: { r: SimulationResult; startDate: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = r.percentile_stats;
  const beyondText = t('when.beyondValue', { weeks: fmt.integer(r.maxWeeks) });
  return (
    <>
      <ChartFrame
        title={t('when.histogram')}
        filename="duration-histogram"
        description={t('when.histogramDesc')}
      >
        <Histogram
          bins={r.histogram
            .filter((h) => !h.unfinished)
            .map((h) => ({ x: h.weeks, count: h.count }))}
          overflow={{
            // A result saved before the stopped runs had their own entry has none to move.
            count: r.histogram.some((h) => h.unfinished) ? r.unfinishedRuns : 0,
            label: t('when.notFinished', { value: beyondText }),
            tick: beyondText,
          }}
          markers={percentileMarkers(p, r.beyondMaxWeeks)}
          xLabel={t('when.weeksAxis')}
          yLabel={t('when.runsAxis')}
          title={t('when.histogram')}
        />
      </ChartFrame>
      <ChartFrame
        title={t('when.burndown')}
        filename="burn-down-fan"
        description={t('when.burndownDesc')}
      >
        <BurnDownFan
          points={r.burnDownBands}
          xLabel={t('when.weeksAxis')}
          yLabel={t('when.remainingAxis')}
          title={t('when.burndown')}
          legend={{
            band: t('when.band'),
            median: t('when.median'),
            p85: t('when.p85line'),
            daysOff: t('when.daysOffBand'),
          }}
          shaded={
            r.calendar && startDate
              ? daysOffOnWorkWeeks(r.calendar, startDate).map((d) => ({
                  week: d.week,
                  width: d.width,
                  label: `${fmt.shortDate(d.date)}: ${d.reason}`,
                }))
              : undefined
          }
        />
      </ChartFrame>
    </>
  );
}

function ProbabilityTable({ r, table }: { r: SimulationResult; table: WhenTable }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const beyond = useBeyondMaxWeeks();
  const { startDate, tasksVary, lt } = table;
  return (
    <>
      <h3>{t('when.table')}</h3>
      <TableWrap label={t('when.table')}>
        <table data-testid="probability-table">
          <thead>
            <tr>
              <th scope="col">{t('common.likelihood')}</th>
              <th scope="col">{t('when.duration')}</th>
              {startDate && <th scope="col">{t('when.date')}</th>}
              {tasksVary && <th scope="col">{t('when.totalTasks')}</th>}
              <th scope="col">
                {t(r.effortForOnePerson ? 'when.effortColOnePerson' : 'when.effortCol')}
              </th>
              {lt && <th scope="col">{t('when.leadTime')}</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              // A row that reads runs stopped at maxWeeks is a cap: "> 520", no date.
              const capped = isBeyondMaxWeeks(
                r.numberOfSimulations,
                r.unfinishedRuns,
                row.Likelihood / 100,
              );
              return (
                <tr
                  key={row.Likelihood}
                  className={row.Likelihood === 85 ? 'highlight' : undefined}
                >
                  <td>{fmt.percent(row.Likelihood / 100)}</td>
                  <td>
                    {capped
                      ? t('when.beyondValue', { weeks: fmt.integer(r.maxWeeks) })
                      : fmt.integer(row.Duration)}
                  </td>
                  {startDate && (
                    <td>
                      {capped
                        ? beyond.dateBeyond(r.maxWeeks)
                        : fmt.shortDate(rowDate(row, startDate))}
                    </td>
                  )}
                  {tasksVary && <td>{fmt.integer(row.TotalTasks)}</td>}
                  <td>
                    {capped
                      ? t('when.beyondValue', { weeks: fmt.integer(row.Effort) })
                      : fmt.integer(row.Effort)}
                  </td>
                  {lt && <td>{fmt.integer(row.LT)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function ThirtyDayTable({ r }: { r: SimulationResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <h3>{t('when.howMany30')}</h3>
      <p className="hint">{t('when.howMany30Note')}</p>
      <TableWrap label={t('when.howMany30')}>
        <table data-testid="how-many-30">
          <thead>
            <tr>
              <th scope="col">{t('when.confidence')}</th>
              <th scope="col">{t('when.atLeast')}</th>
            </tr>
          </thead>
          <tbody>
            {THIRTY_DAY_LEVELS.map((q) => (
              <tr key={q}>
                <td>{fmt.percent(Number(q) / 100)}</td>
                <td>{fmt.integer(r.items_forecast_30_days.itemsAtConfidence[q] ?? NaN)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function InputStatsTable({ r }: { r: SimulationResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tp = r.input_stats.throughput;
  const lt = r.input_stats.leadTime;
  // The mean and the SD with the same decimals, "5.3 ± 1.0" rather than "5.3 ± 1".
  const stat = (v: number, key: string, digits: number) =>
    key === 'mean' || key === 'sd' ? fmt.fixed(v, digits) : fmt.number(v, digits);
  return (
    <>
      <h3>{t('when.inputStats')}</h3>
      <TableWrap label={t('when.inputStats')}>
        <table data-testid="input-stats">
          <thead>
            <tr>
              <th scope="col">{t('when.stat')}</th>
              <th scope="col">{t('when.tp')}</th>
              {lt && <th scope="col">{t('when.lt')}</th>}
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['count', 'when.count', 0],
                ['mean', 'common.mean', 1],
                ['median', 'when.median2', 1],
                ['sd', 'common.sd', 1],
                ['min', 'when.min', 1],
                ['max', 'when.max', 1],
                ['p85', 'P85', 1],
              ] as const
            ).map(([key, label, digits]) => (
              <tr key={key}>
                <td>{label === 'P85' ? label : t(label)}</td>
                <td>{stat(tp[key], key, digits)}</td>
                {lt && <td>{stat(lt[key], key, digits)}</td>}
              </tr>
            ))}
            <tr>
              <td>
                {t('when.errorRate')}
                <div className="kpi__help" data-testid="term-help">
                  {t('when.errorRateHelp')}
                </div>
              </td>
              <td className={r.tpErrorRate > 25 ? 'bad' : undefined}>
                {fmt.pct(r.tpErrorRate, 0)}
              </td>
              {lt && (
                <td className={r.ltErrorRate > 25 ? 'bad' : undefined}>
                  {fmt.pct(r.ltErrorRate, 0)}
                </td>
              )}
            </tr>
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** Downloads (the probability table as CSV, with the columns shown), save and share. */
function WhenActions({
  r,
  input,
  table,
  shareLink,
}: {
  r: SimulationResult;
  input: unknown;
  table: WhenTable;
  shareLink?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const beyondText = t('when.beyondValue', { weeks: fmt.integer(r.maxWeeks) });
  const { startDate, tasksVary, lt } = table;
  return (
    <ResultActions
      kind="simulate"
      input={input}
      result={r}
      shareLink={shareLink}
      // The file says what the table says: "> 520" and no date for a row at the cap.
      csv={csvOf(table.rows, [
        [t('csvExport.pct', { label: t('common.likelihood') }), 'integer', (row) => row.Likelihood],
        [t('when.duration'), 'weeks', (row) => (row.beyondMaxWeeks ? beyondText : row.Duration)],
        !!startDate && [
          t('when.date'),
          'date',
          (row) => (row.beyondMaxWeeks ? null : rowDate(row, startDate)),
        ],
        tasksVary && [t('when.totalTasks'), 'integer', (row) => row.TotalTasks],
        [
          t(r.effortForOnePerson ? 'when.effortColOnePerson' : 'when.effortCol'),
          'weeks',
          (row) =>
            row.beyondMaxWeeks
              ? t('when.beyondValue', { weeks: fmt.integer(row.Effort) })
              : row.Effort,
        ],
        lt && [t('when.leadTime'), 'number', (row) => row.LT],
      ])}
    />
  );
}
