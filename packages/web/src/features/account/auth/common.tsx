import { useTranslation } from 'react-i18next';
import { useAccount } from '../session';
import { goAfterLogin } from '../nav';

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice notice--error" role="alert">
      {message}
    </p>
  );
}

/** Shown on the login and register pages to someone already logged in. */
export function SignedInNotice({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const { user } = useAccount();
  return (
    <div className="card account-card">
      <p>{t('account.login.already', { email: user?.email ?? '' })}</p>
      <button type="button" className="btn btn--primary" onClick={() => goAfterLogin(next)}>
        {t('account.login.continue')}
      </button>
    </div>
  );
}
