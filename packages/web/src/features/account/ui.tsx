import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../../lib/router';
import { ApiError } from '../../lib/api';
import { currentTarget, loginHref } from './nav';
import { useAccount } from './session';
import './account.css';

/** Loads data for a page and reloads it on demand; stale answers of an old request are ignored. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await run();
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}

/** The message for a failed API call, in the user's language. */
export function useErrorText() {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        if (err.status === 401) return t('account.errors.unauthorized');
        if (err.status === 403) return t('account.errors.forbidden');
        if (err.status === 404) return t('account.errors.notFound');
        if (err.status === 409) return t('account.errors.conflict');
        if (err.status === 413) return t('account.errors.tooLarge');
        if (err.status === 429) return t('account.errors.tooMany');
        if (err.status >= 500) return t('account.errors.server');
        return t('account.errors.rejected', { message: err.message });
      }
      return t('account.errors.network');
    },
    [t],
  );
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = useErrorText();
  const account = useAccount();
  const expired = error instanceof ApiError && error.status === 401;
  useEffect(() => {
    if (expired) account.expire();
  }, [expired, account]);
  if (!error) return null;
  return (
    <p className="notice notice--error" role="alert">
      {text(error)} {expired && <a href={loginHref(currentTarget())}>{t('account.login.title')}</a>}
    </p>
  );
}

/** Pages for logged-in users: anonymous visitors get a way in that brings them back here. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const account = useAccount();
  if (account.status === 'loading') return <p className="page-loading">{t('common.loading')}</p>;
  if (!account.user) {
    const next = currentTarget();
    return (
      <div className="card account-card">
        <h1>{t('account.required.title')}</h1>
        <p>{t('account.required.text')}</p>
        <p className="account-actions">
          <a className="btn btn--primary" href={loginHref(next)}>
            {t('account.login.title')}
          </a>
          <a className="btn" href={href('/register', { next })}>
            {t('account.register.title')}
          </a>
        </p>
      </div>
    );
  }
  return <>{children}</>;
}

/** An ISO timestamp as a date and time in the user's language. */
export function useDateTime() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string | null | undefined) => {
      if (!iso) return '—';
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      return new Intl.DateTimeFormat(i18n.language || 'en', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(d);
    },
    [i18n.language],
  );
}

// The shared wrapper: it also says when columns are out of view on a phone.
export { TableWrap } from '../../components/TableWrap';
