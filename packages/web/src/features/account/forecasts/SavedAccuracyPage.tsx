import type { AccuracyResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { AccuracyHeadline, AccuracyPairsTable } from '../../shared/AccuracyPairs';
import { Kpi } from '../../shared/PageLayout';
import { actualsApi } from '../api';
import { ErrorNotice, RequireLogin, useLoad } from '../ui';

export default function SavedAccuracyPage() {
  return (
    <RequireLogin>
      <SavedAccuracy />
    </RequireLogin>
  );
}

function isAnalysis(v: unknown): v is AccuracyResult {
  return typeof v === 'object' && v !== null && 'mae' in v && 'pairs' in v && 'quality' in v;
}

/** The `/api/accuracy` reply is the analysis itself or wraps it; "no actuals yet" is not an error. */
export function analysisOf(reply: unknown): AccuracyResult | null {
  if (isAnalysis(reply)) return reply;
  if (typeof reply === 'object' && reply !== null) {
    for (const key of ['analysis', 'accuracy', 'result']) {
      const inner = (reply as Record<string, unknown>)[key];
      if (isAnalysis(inner)) return inner;
    }
  }
  return null;
}

/** Accuracy of the user's saved forecasts (P85) against the actuals recorded for them. */
function SavedAccuracy() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const load = useLoad(() => actualsApi.accuracy(), []);
  const r = analysisOf(load.data);

  return (
    <div>
      <h1>{t('account.accuracy.title')}</h1>
      <p className="lead">{t('account.accuracy.lead')}</p>
      <section className="card" aria-live="polite">
        <ErrorNotice error={load.error} />
        {load.loading && !load.data && <p>{t('common.loading')}</p>}
        {load.data !== null && !r && <p className="empty">{t('account.accuracy.none')}</p>}
        {r && (
          <>
            <AccuracyHeadline result={r} />
            <div className="kpis" data-testid="saved-accuracy">
              <Kpi label={t('account.accuracy.count')} value={fmt.integer(r.n)} />
              <Kpi label="MAE" value={fmt.number(r.mae, 2)} />
              <Kpi label="RMSE" value={fmt.number(r.rmse, 2)} />
              <Kpi label="MAPE" value={r.mape === null ? '—' : fmt.pct(r.mape, 1)} />
              <Kpi label={t('accuracy.accuracyRate')} value={fmt.pct(r.accuracyRate, 0)} />
              <Kpi label={t('accuracy.bias')} value={t(`accuracy.biases.${r.bias}`)} />
            </div>
            <AccuracyPairsTable pairs={r.pairs} label={t('account.accuracy.title')} />
          </>
        )}
      </section>
    </div>
  );
}
