import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../../../lib/router';
import { useFormat } from '../../../i18n/format';
import type { SavedForecast } from '../api';
import { clearPending, readPending } from '../pending';
import { summaryOf } from '../summary';
import { RequireLogin } from '../ui';
import { SaveForm } from './SaveForm';

/** Where login leads when a forecast made anonymously is waiting to be saved. */
export default function SavePendingPage() {
  return (
    <RequireLogin>
      <SavePending />
    </RequireLogin>
  );
}

function SavePending() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [pending] = useState(readPending);
  const [saved, setSaved] = useState<SavedForecast | null>(null);

  if (saved) {
    return (
      <div className="card account-card">
        <h1>{t('account.pending.title')}</h1>
        <p className="notice" role="status">
          {t('account.save.saved')}{' '}
          <a href={href('/forecast', { id: saved.id })}>{t('account.save.open')}</a>
        </p>
      </div>
    );
  }
  if (!pending) {
    return (
      <div className="card account-card">
        <h1>{t('account.pending.title')}</h1>
        <p>{t('account.pending.none')}</p>
        <a href={href('/projects')}>{t('account.projects.title')}</a>
      </div>
    );
  }
  const result = pending.result as SavedForecast['result'];
  const s = summaryOf({ result });
  const tasks = pending.input.numberOfTasks;
  return (
    <div className="card account-card">
      <h1>{t('account.pending.title')}</h1>
      <p>{t('account.pending.lead')}</p>
      <dl className="kpis">
        <div className="kpi">
          <dt className="kpi__label">{t('account.fields.kind')}</dt>
          <dd className="kpi__value">{t(`account.kinds.${pending.kind}`, pending.kind)}</dd>
        </div>
        {typeof tasks === 'number' && (
          <div className="kpi">
            <dt className="kpi__label">{t('when.totalTasks')}</dt>
            <dd className="kpi__value">{fmt.integer(tasks)}</dd>
          </div>
        )}
        {s.p85 !== null && (
          <div className="kpi kpi--p85">
            <dt className="kpi__label">P85</dt>
            <dd className="kpi__value">
              {t('common.weeksCount', { count: s.p85, n: fmt.number(s.p85) })}
            </dd>
          </div>
        )}
      </dl>
      <SaveForm
        kind={pending.kind}
        input={pending.input}
        result={pending.result}
        onSaved={(f) => {
          clearPending();
          setSaved(f);
        }}
      />
    </div>
  );
}
