import type { AccuracyResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { actualsApi } from '../api';
import { ErrorNotice, RequireLogin, useLoad, TableWrap } from '../ui';

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
            <p className="headline">
              {t('accuracy.quality')}: <strong>{t(`accuracy.qualities.${r.quality}`)}</strong>
            </p>
            <div className="kpis" data-testid="saved-accuracy">
              <Kpi label={t('account.accuracy.count')} value={fmt.integer(r.n)} />
              <Kpi label="MAE" value={fmt.number(r.mae, 2)} />
              <Kpi label="RMSE" value={fmt.number(r.rmse, 2)} />
              <Kpi label="MAPE" value={r.mape === null ? '—' : `${fmt.number(r.mape, 1)} %`} />
              <Kpi
                label={t('accuracy.accuracyRate')}
                value={`${fmt.number(r.accuracyRate, 0)} %`}
              />
              <Kpi label={t('accuracy.bias')} value={t(`accuracy.biases.${r.bias}`)} />
            </div>
            <TableWrap label={t('account.accuracy.title')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('backtest.forecast')}</th>
                    <th scope="col">{t('backtest.actual')}</th>
                    <th scope="col">%</th>
                  </tr>
                </thead>
                <tbody>
                  {r.pairs.map((p, i) => (
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>{fmt.number(p.forecast, 2)}</td>
                      <td>{fmt.number(p.actual, 2)}</td>
                      <td className={p.withinTolerance ? 'good' : 'bad'}>
                        {p.percentError === null ? '—' : `${fmt.number(p.percentError, 1)} %`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </section>
    </div>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
    </div>
  );
}
