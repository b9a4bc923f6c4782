import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate, useLocation } from '../../lib/router';
import { currentTarget } from './nav';
import { useAccount } from './session';
import './account.css';

const ACCOUNT_PAGES = new Set(['/login', '/register', '/forgot-password', '/reset-password']);

/** The header's account links: log in / register, or the user's pages and log out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const account = useAccount();
  const { path } = useLocation();
  const [failed, setFailed] = useState(false);
  if (account.status === 'loading') return null;

  const link = (to: string, label: string, query?: Record<string, string>) => (
    <a href={href(to, query)} aria-current={path === to ? 'page' : undefined}>
      {label}
    </a>
  );

  if (!account.user) {
    // Back to where the visitor was, except from one login page to another.
    const next = ACCOUNT_PAGES.has(path) ? undefined : { next: currentTarget() };
    return (
      <nav className="account-menu" aria-label={t('account.menu.label')}>
        {link('/login', t('account.login.title'), next)}
        {link('/register', t('account.register.title'), next)}
      </nav>
    );
  }

  const { role, email, name } = account.user;
  const logout = async () => {
    setFailed(false);
    try {
      await account.logout();
      navigate('/when');
    } catch (_e) {
      setFailed(true);
    }
  };

  return (
    <nav className="account-menu" aria-label={t('account.menu.label')}>
      <span className="account-menu__user" data-testid="account-user">
        {name || email}
      </span>
      {link('/projects', t('account.projects.title'))}
      {link('/saved-accuracy', t('account.accuracy.short'))}
      {link('/tokens', t('account.tokens.short'))}
      {role !== 'student' &&
        link(
          '/admin',
          role === 'admin' ? t('account.admin.short') : t('account.admin.studentsShort'),
        )}
      <button type="button" className="link" onClick={() => void logout()}>
        {t('account.menu.logout')}
      </button>
      {failed && (
        <span role="alert" className="field__error">
          {t('account.errors.network')}
        </span>
      )}
    </nav>
  );
}
