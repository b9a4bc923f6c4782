import type { AccuracyResult } from '@flow-forecaster/engine';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { BodyBuilder } from '../shared/body';
import { TextField } from '../shared/Inputs';
import { Kpi, ForecastPageLayout, PageRunButton } from '../shared/PageLayout';
import { useForecastPage } from '../shared/useForecastPage';
import { AccuracyHeadline, AccuracyPairsTable } from '../shared/AccuracyPairs';
import { csvOf, PageResultActions } from '../shared/ResultCsv';

interface AccuracyForm {
  forecasts: string;
  actuals: string;
}

const initial: AccuracyForm = { forecasts: '10, 12, 8, 15, 11', actuals: '9.5, 13, 8.5, 14, 10' };

function toBody(form: AccuracyForm) {
  const b = new BodyBuilder();
  b.list('forecasts', form.forecasts, true);
  b.list('actuals', form.actuals, true);
  return b.build();
}

/**
 * Forecasts vs actuals typed in by hand. The account pages add the same analysis over saved
 * forecasts with recorded actuals.
 */
export default function AccuracyPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const page = useForecastPage<AccuracyForm, AccuracyResult>({
    kind: 'accuracy',
    idPrefix: 'accuracy',
    initial,
    toBody,
    seeded: false,
  });
  return (
    <ForecastPageLayout
      section="accuracy"
      page={page}
      form={
        <>
          <TextField page={page} name="forecasts" label={t('accuracy.forecasts')} />
          <TextField page={page} name="actuals" label={t('accuracy.actuals')} />
          <PageRunButton page={page} label={t('accuracy.run')} />
        </>
      }
      results={(r) => (
        <>
          <AccuracyHeadline result={r} />
          <div className="kpis">
            <Kpi label="MAE" value={fmt.number(r.mae, 2)} />
            <Kpi label="RMSE" value={fmt.number(r.rmse, 2)} />
            <Kpi label="MAPE" value={r.mape === null ? '—' : fmt.pct(r.mape, 1)} />
            <Kpi label="R²" value={r.r2 === null ? '—' : fmt.number(r.r2, 3)} />
            <Kpi label={t('accuracy.accuracyRate')} value={fmt.pct(r.accuracyRate, 0)} strong />
            <Kpi label={t('accuracy.bias')} value={t(`accuracy.biases.${r.bias}`)} />
          </div>
          <AccuracyPairsTable pairs={r.pairs} label={t('accuracy.title')} />
          <PageResultActions kind="accuracy" page={page} result={r} csv={accuracyCsv(r, t)} />
        </>
      )}
    />
  );
}

function accuracyCsv(r: AccuracyResult, t: TFunction) {
  return csvOf(r.pairs, [
    ['#', 'integer', (_p, i) => i + 1],
    [t('backtest.forecast'), 'weeks', (p) => p.forecast],
    [t('backtest.actual'), 'weeks', (p) => p.actual],
    [t('csvExport.actualMinusForecast'), 'weeks', (p) => p.error],
    [t('csvExport.pct', { label: t('accuracy.errorCol') }), 'weeks', (p) => p.percentError],
    [t('accuracy.onOrBeforeShort'), 'boolean', (p) => p.onOrBefore],
  ]);
}
