import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { FieldErrors } from '../shared/issues';
import { connectionsApi, type Connection, type NewConnection as NewConnectionBody } from './api';
import { formErrors, serverFieldError } from './messages';

/**
 * Saving a new connection and its first pull: the form's problems by field, and a connection
 * whose first pull failed, which a retry changes (no twin) or the user removes.
 */
export function useSaveConnection(projectId: string, onAdded: (c: Connection) => void) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // Saved, but its first pull failed: a retry changes this one instead of adding a twin.
  const [failed, setFailed] = useState<Connection | null>(null);

  /** Saves and pulls; true once the token was sent (the form clears it). */
  const save = async (body: NewConnectionBody): Promise<boolean> => {
    setError(null);
    const { token } = body;
    // On a retry an empty token keeps the saved one.
    const errors = await formErrors(
      failed && token === '' ? { ...body, token: 'kept' } : body,
      t,
      fmt,
    );
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return false;
    setBusy(true);
    try {
      const { token: _typed, ...rest } = body;
      const saved = failed
        ? await connectionsApi.update(projectId, failed.id, token ? body : rest)
        : await connectionsApi.create(projectId, body);
      const synced = await connectionsApi.sync(projectId, saved.id).catch(() => null);
      const after = synced?.connection ?? saved;
      if (after.lastSync?.status === 'failed') setFailed(after);
      else onAdded(after);
      return true;
    } catch (err) {
      const byField = serverFieldError(err, t);
      if (byField) setFieldErrors(byField);
      else setError(err);
      return false;
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

  return { busy, error, failed, save, removeFailed, problem };
}
