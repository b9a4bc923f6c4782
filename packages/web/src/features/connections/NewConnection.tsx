import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../../components/ErrorLine';
import { connectionsApi, type Connection, type Tracker } from './api';
import { TRACKERS, TRACKER_FIELDS, settingsOf } from './fields';
import { formErrors, serverFieldError } from './messages';
import { SyncError } from './SyncError';
import { useFormat } from '../../i18n/format';
import type { FieldErrors } from '../shared/issues';

const SCHEDULES = [null, 60, 24 * 60] as const;

/** Adds a connection and runs its first sync, so the team's items are there when it closes. */
export function NewConnection({
  projectId,
  onAdded,
}: {
  projectId: string;
  onAdded: (c: Connection) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [tracker, setTracker] = useState<Tracker>('jira');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [token, setToken] = useState('');
  const [every, setEvery] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // Saved, but its first pull failed: a retry changes this one instead of adding a twin.
  const [failed, setFailed] = useState<Connection | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = {
      name: name.trim() || tracker,
      settings: settingsOf(tracker, values),
      token,
      syncEveryMinutes: every,
    };
    // On a retry an empty token keeps the saved one.
    const errors = formErrors(failed && token === '' ? { ...body, token: 'kept' } : body, t, fmt);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      const { token: _typed, ...rest } = body;
      const saved = failed
        ? await connectionsApi.update(projectId, failed.id, token ? body : rest)
        : await connectionsApi.create(projectId, body);
      setToken('');
      const synced = await connectionsApi.sync(projectId, saved.id).catch(() => null);
      const after = synced?.connection ?? saved;
      if (after.lastSync?.status === 'failed') setFailed(after);
      else onAdded(after);
    } catch (err) {
      const byField = serverFieldError(err, t);
      if (byField) setFieldErrors(byField);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const removeFailed = async () => {
    if (!failed) return;
    setError(null);
    try {
      await connectionsApi.remove(projectId, failed.id);
      setFailed(null);
    } catch (err) {
      setError(err);
    }
  };

  /** A field's input attributes and its message beside it. */
  const problem = (field: string) => {
    const message = fieldErrors[field];
    const id = `connection-${field.replace(/\./g, '-')}`;
    return {
      input: {
        id,
        'aria-invalid': message ? true : undefined,
        'aria-describedby': message ? `${id}-error` : undefined,
      },
      message: message ? (
        <span className="field__error" id={`${id}-error`} data-field-error={field}>
          {message}
        </span>
      ) : null,
    };
  };

  return (
    <form
      className="card form-stack"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="connection-new"
    >
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
          <SyncError last={failed.lastSync} />
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
