import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate, useLocation } from '../../../lib/router';
import { useFormat } from '../../../i18n/format';
import { downloadJson } from '../../../lib/download';
import { forecastsApi } from '../api';
import { seedOf, summaryOf } from '../summary';
import { ErrorNotice, RequireLogin, useDateTime, useLoad } from '../ui';
import { useAccount } from '../session';
import { Actuals } from './Actuals';
import { MoveToProject } from './MoveToProject';
import { InputList } from './InputList';

export default function ForecastPage() {
  return (
    <RequireLogin>
      <ForecastView />
    </RequireLogin>
  );
}

function ForecastView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  const { user } = useAccount();
  const id = useLocation().query.get('id') ?? '';
  const forecast = useLoad(() => forecastsApi.get(id), [id]);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const f = forecast.data;

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await fn();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  if (forecast.error) return <ErrorNotice error={forecast.error} />;
  if (!f) return <p className="page-loading">{t('common.loading')}</p>;
  const s = summaryOf(f);
  const seed = seedOf(f);
  const label = f.name || t(`account.kinds.${f.kind}`, f.kind);

  return (
    <div>
      <p>
        {f.projectId ? (
          <a href={href('/project', { id: f.projectId })}>
            ← {t('account.forecast.backToProject')}
          </a>
        ) : (
          <a href={href('/projects')}>← {t('account.projects.title')}</a>
        )}
      </p>
      <h1>{label}</h1>
      <p className="muted">
        {t(`account.kinds.${f.kind}`, f.kind)} · {dateTime(f.createdAt)} ·{' '}
        {t('account.fields.version')} {f.version ?? 1}
        {seed !== null && ` · ${t('common.seed')} ${seed}`}
      </p>
      <div className="kpis" data-testid="saved-kpis">
        {(['p50', 'p85', 'p95'] as const).map((k) =>
          s[k] === null ? null : (
            <div key={k} className={`kpi${k === 'p85' ? ' kpi--p85' : ''}`}>
              <div className="kpi__label">{k.toUpperCase()}</div>
              <div className="kpi__value">
                {t('common.weeksCount', { count: s[k] as number, n: fmt.number(s[k] as number) })}
              </div>
            </div>
          ),
        )}
        {typeof f.canMeetDeadline === 'boolean' && (
          <div className="kpi">
            <div className="kpi__label">{t('nav.deadline')}</div>
            <div className="kpi__value">
              {f.canMeetDeadline ? t('account.forecast.meets') : t('account.forecast.misses')}
            </div>
          </div>
        )}
      </div>
      <p className="account-actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const next = await forecastsApi.rerun(f.id);
              navigate('/forecast', { id: next.id });
            })
          }
        >
          {t('account.forecast.rerun')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            void act(async () =>
              downloadJson(await forecastsApi.exportOne(f.id), `forecast-${f.id}`),
            )
          }
        >
          {t('common.downloadJson')}
        </button>
      </p>
      <ErrorNotice error={actionError} />
      <div className="layout">
        <section className="card" aria-labelledby="forecast-input-title">
          <h2 id="forecast-input-title">{t('account.forecast.input')}</h2>
          <InputList input={f.input ?? {}} />
        </section>
        <div>
          {f.ownerId === user?.id && (
            <MoveToProject
              forecastId={f.id}
              projectId={f.projectId ?? null}
              onMoved={(projectId) => forecast.setData({ ...f, projectId })}
            />
          )}
          <Actuals forecastId={f.id} />
        </div>
      </div>
    </div>
  );
}
