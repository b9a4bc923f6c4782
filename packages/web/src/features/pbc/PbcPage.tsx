import type { HistoryWindowNote, PbcResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { ChartFrame } from '../../components/ChartFrame';
import { TeamWeeksField } from '../shared/Inputs';
import { XmrChart } from '../../charts/lazy';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import { Kpi, ForecastPageLayout, PageRunButton, Warnings } from '../shared/PageLayout';
import { ResultWindow } from '../shared/TeamThroughput';
import { csvOf, PageResultActions } from '../shared/ResultCsv';
import { useForecastPage } from '../shared/useForecastPage';

interface PbcForm {
  values: string;
  /** The team's weeks the values are, when they came from a team (kept in the form and link). */
  tpWindow?: HistoryWindowNote | null;
}

const initial: PbcForm = {
  values: '6, 5, 4, 5, 3, 4, 1, 6, 0, 1, 10, 6, 0, 5, 7, 9, 6, 6, 3, 8, 8, 0, 8, 4, 4, 5',
};

function toBody(form: PbcForm) {
  const b = new BodyBuilder();
  b.list('values', form.values, true);
  return b.build();
}

type Page = ReturnType<typeof useForecastPage<PbcForm, PbcResult>>;

export default function PbcPage() {
  const page = useForecastPage<PbcForm, PbcResult>({
    kind: 'pbc',
    idPrefix: 'pbc',
    initial,
    toBody,
    seeded: false,
  });
  return (
    <ForecastPageLayout
      section="pbc"
      page={page}
      form={<PbcInputs page={page} />}
      results={(r) => (
        <>
          <PbcHeadline page={page} r={r} />
          <PbcCharts page={page} r={r} />
          <PbcSignals r={r} />
          <Warnings items={r.warnings} codes={r.warningCodes} />
          <PbcActions page={page} r={r} />
        </>
      )}
    />
  );
}

function PbcInputs({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <>
      <TeamWeeksField page={page} field="values" label={t('pbc.values')} rows={4} whole />
      <PageRunButton page={page} label={t('pbc.run')} />
    </>
  );
}

/** Predictable or not, the window the series came from, and the limits. */
function PbcHeadline({ page, r }: { page: Page; r: PbcResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <p className="headline">{r.predictable ? t('pbc.predictable') : t('pbc.unpredictable')}</p>
      {/* Any series can be charted: a window applies only to a team's weekly throughput. */}
      {page.ranForm?.tpWindow && (
        <ResultWindow input={page.input} note={page.ranForm.tpWindow} field="values" />
      )}
      <div className="kpis">
        <Kpi
          label={t('pbc.score')}
          value={fmt.integer(r.score)}
          help={t('pbc.scoreHelp')}
          tone={r.predictable ? 'good' : 'bad'}
        />
        <Kpi label={t('pbc.mean')} value={fmt.number(r.average, 2)} />
        <Kpi label={t('pbc.upper')} value={fmt.number(r.unpl, 2)} />
        <Kpi label={t('pbc.lower')} value={fmt.number(r.lnpl, 2)} />
        <Kpi label={t('pbc.mrUpper')} value={fmt.number(r.urlMovingRange, 2)} />
      </div>
    </>
  );
}

/** The X chart and, beside it, the moving-range chart. */
function PbcCharts({ page, r }: { page: Page; r: PbcResult }) {
  const { t } = useTranslation();
  // The moving ranges start at the second point (each is the change from the one before).
  const ranges = r.points.slice(1).map((p) => p.movingRange ?? 0);
  // A team's throughput is weekly: its points are weeks; a typed series is just points.
  const xLabel = page.ranForm?.tpWindow ? t('pbc.weekAxis') : t('pbc.pointAxis');
  return (
    <>
      <ChartFrame title={t('pbc.chart')} filename="xmr-chart">
        <XmrChart
          values={r.points.map((p) => p.value)}
          signals={r.points.map((p) => p.aboveLimit || p.belowLimit || p.inRun || p.inTrend)}
          mean={r.average}
          upper={r.unpl}
          lower={r.lnpl}
          title={t('pbc.chart')}
          xLabel={xLabel}
          yLabel={t('pbc.valueAxis')}
          limitLabels={{ mean: t('pbc.mean'), upper: t('pbc.upper'), lower: t('pbc.lower') }}
        />
      </ChartFrame>
      <ChartFrame title={t('pbc.mrChart')} filename="moving-range-chart">
        <XmrChart
          values={ranges}
          signals={ranges.map((v) => v > r.urlMovingRange)}
          mean={r.averageMovingRange}
          upper={r.urlMovingRange}
          title={t('pbc.mrChart')}
          xLabel={xLabel}
          yLabel={t('pbc.mrAxis')}
          limitLabels={{
            mean: t('pbc.mrMean'),
            upper: t('pbc.mrUpper'),
            lower: t('pbc.lower'),
          }}
          testId="mr-chart"
          firstIndex={2}
        />
      </ChartFrame>
    </>
  );
}

/** Points beyond the limits, then runs and trends, each numbered from 1. */
function PbcSignals({ r }: { r: PbcResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const signalSpans = [...r.signals.runs, ...r.signals.trends];
  return (
    <>
      <h3>{t('pbc.signals')}</h3>
      {r.signals.pointsBeyondLimits === 0 && signalSpans.length === 0 ? (
        <p>{t('pbc.noSignals')}</p>
      ) : (
        <ul>
          {r.points
            .filter((p) => p.aboveLimit || p.belowLimit)
            .map((p) => (
              <li key={`p${p.index}`}>
                {`#${p.index + 1}: ${fmt.number(p.value, 2)} ${p.aboveLimit ? '> ' + t('pbc.upper') : '< ' + t('pbc.lower')}`}
              </li>
            ))}
          {signalSpans.map((s) => (
            <li key={`s${s.start}-${s.direction}`}>
              {`#${s.start + 1}–#${s.end + 1} (${s.length}) ${s.direction === 'above' || s.direction === 'up' ? '↑' : '↓'}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PbcActions({ page, r }: { page: Page; r: PbcResult }) {
  const { t } = useTranslation();
  const csv = csvOf(r.points, [
    [t('csvExport.point'), 'integer', (p) => p.index + 1],
    [t('csvExport.value'), 'number', (p) => p.value],
    [t('csvExport.movingRange'), 'number', (p) => p.movingRange],
    [t('csvExport.aboveLimit'), 'boolean', (p) => p.aboveLimit],
    [t('csvExport.belowLimit'), 'boolean', (p) => p.belowLimit],
    [t('csvExport.inRun'), 'boolean', (p) => p.inRun],
    [t('csvExport.inTrend'), 'boolean', (p) => p.inTrend],
  ]);
  return <PageResultActions kind="pbc" page={page} result={r} csv={csv} />;
}
