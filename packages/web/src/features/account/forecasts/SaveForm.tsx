import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { forecastsApi, projectsApi, type SavedForecast } from '../api';
import { navigate } from '../../../lib/router';
import { ApiError } from '../../../lib/api';
import { inputWithSeed, storePending } from '../pending';
import { useAccount } from '../session';
import { ErrorNotice, useLoad } from '../ui';

const NEW_PROJECT = '__new__';
/** Results above this are left out of the request: the server recomputes them from the input. */
const MAX_RESULT_CHARS = 500_000;

function smallResult(result: unknown): unknown {
  try {
    const text = JSON.stringify(result);
    return text !== undefined && text.length <= MAX_RESULT_CHARS ? result : undefined;
  } catch (_e) {
    return undefined;
  }
}

/** Choose (or create) a project and a name, then save the forecast there. */
export function SaveForm({
  kind,
  input,
  result,
  onSaved,
  onCancel,
}: {
  kind: string;
  input: unknown;
  result: unknown;
  onSaved: (saved: SavedForecast) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const projects = useLoad(() => projectsApi.list(), []);
  const { expire, user } = useAccount();
  // Only the user's own projects: an instructor may read students' projects, not file into them.
  const active = (projects.data ?? []).filter(
    (p) => !p.archivedAt && (!p.ownerId || p.ownerId === user?.id),
  );
  const [choice, setChoice] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Until the user picks, the newest project is the likely target; with none, a new one.
  const selected = choice ?? (active[0]?.id || NEW_PROJECT);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (selected === NEW_PROJECT && !newName.trim()) {
      setNameError(t('errors.required'));
      document.getElementById(`${uid}-project-name`)?.focus();
      return;
    }
    setNameError(undefined);
    setBusy(true);
    try {
      let projectId: string | null = selected || null;
      if (selected === NEW_PROJECT) {
        projectId = (await projectsApi.create({ name: newName.trim() })).id;
      }
      const saved = await forecastsApi.save({
        kind,
        projectId,
        input: inputWithSeed(input, result),
        result: smallResult(result),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        // The session ended while the result was on screen: keep the forecast and come back
        // to it after logging in, as for an anonymous visitor.
        storePending(kind, input, result);
        expire();
        navigate('/login', { next: '/save' });
        return;
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="save-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={t('account.save.title')}
    >
      <ErrorNotice error={projects.error ?? error} />
      <div className="row">
        <Field id={`${uid}-project`} label={t('account.save.project')}>
          <select value={selected} onChange={(e) => setChoice(e.target.value)}>
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            <option value={NEW_PROJECT}>{t('account.save.newProject')}</option>
            <option value="">{t('account.save.noProject')}</option>
          </select>
        </Field>
        {selected === NEW_PROJECT && (
          <Field id={`${uid}-project-name`} label={t('account.projects.name')} error={nameError}>
            <input value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={200} />
          </Field>
        )}
      </div>
      <Field id={`${uid}-name`} label={t('account.save.name')} hint={t('account.save.nameHint')}>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </Field>
      <p className="account-actions">
        <button type="submit" className="btn btn--primary" disabled={busy || projects.loading}>
          {t('account.save.submit')}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
