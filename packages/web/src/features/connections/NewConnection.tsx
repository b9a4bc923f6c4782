import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../../components/ErrorLine';
import type { Connection, Tracker } from './api';
import { TRACKERS, TRACKER_FIELDS, settingsOf } from './fields';
import { useSaveConnection } from './useSaveConnection';
import { SyncError } from './SyncError';

const SCHEDULES = [null, 60, 24 * 60] as const;

/** Adds a connection and runs its first sync, so the team's items are there when it closes. */
export function NewConnection({
  projectId,
  onAdded,
  onFailedChange,
}: {
  projectId: string;
  onAdded: (c: Connection) => void;
  /** Whether a saved connection whose first pull failed is on show here (the list omits it). */
  onFailedChange: (failed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [tracker, setTracker] = useState<Tracker>('jira');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [token, setToken] = useState('');
  const [every, setEvery] = useState<number | null>(null);
  const { busy, error, failed, save, removeFailed, problem } = useSaveConnection(
    projectId,
    onAdded,
  );
  const hasFailed = failed !== null;
  useEffect(() => onFailedChange(hasFailed), [hasFailed, onFailedChange]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: name.trim() || tracker,
      settings: settingsOf(tracker, values),
      token,
      syncEveryMinutes: every,
    };
    void save(body).then((sent) => {
      if (sent) setToken('');
    });
  };

  return (
    <form className="card form-stack" onSubmit={submit} aria-labelledby="connection-new">
      <h3 id="connection-new">{t('connections.add')}</h3>
      <label>
        {t('connections.tracker')}
        <select value={tracker} onChange={(e) => setTracker(e.target.value as Tracker)}>
          {TRACKERS.map((k) => (
            <option key={k} value={k}>
              {t(`connections.trackers.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('connections.name')}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          {...problem('name').input}
        />
        {problem('name').message}
      </label>
      {TRACKER_FIELDS[tracker].map((f) => (
        <label key={`${tracker}-${f.key}`}>
          {t(`connections.fields.${f.label ?? f.key}`)}
          {f.optional ? ` (${t('connections.optional')})` : ''}
          <input
            name={f.key}
            type={f.url ? 'url' : 'text'}
            inputMode={f.number ? 'numeric' : undefined}
            value={values[f.key] ?? ''}
            required={!f.optional}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            {...problem(`settings.${f.key}`).input}
          />
          {problem(`settings.${f.key}`).message}
        </label>
      ))}
      <label>
        {t('connections.token')}
        <input
          name="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required={!failed}
          {...problem('token').input}
        />
        {problem('token').message}
      </label>
      <p className="muted">{t('connections.tokenHint')}</p>
      <label>
        {t('connections.schedule')}
        <select
          value={every === null ? '' : String(every)}
          onChange={(e) => setEvery(e.target.value === '' ? null : Number(e.target.value))}
        >
          {SCHEDULES.map((m) => (
            <option key={String(m)} value={m === null ? '' : String(m)}>
              {t(`connections.every.${m === null ? 'manual' : m === 60 ? 'hourly' : 'daily'}`)}
            </option>
          ))}
        </select>
      </label>
      {failed?.lastSync && (
        <div data-testid="connection-first-pull-failed">
          <SyncError last={failed.lastSync} tracker={failed.tracker} />
          <p>{t('connections.firstPullFailed')}</p>
          <button type="button" className="btn btn--small" onClick={() => void removeFailed()}>
            {t('connections.removeIt')}
          </button>
        </div>
      )}
      <ErrorLine error={error} />
      <button type="submit" className="btn" disabled={busy}>
        {busy
          ? t('connections.connecting')
          : t(failed ? 'connections.retry' : 'connections.connect')}
      </button>
    </form>
  );
}
