import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loginSchema } from '@flow-forecaster/schemas';
import { href, useLocation } from '../../../lib/router';
import { useAccountForm } from '../form';
import { goAfterLogin, safeNext } from '../nav';
import { readPending } from '../pending';
import { useAccount } from '../session';
import { FormAlert, SignedInNotice, EmailField, AccountInput } from './common';

export default function LoginPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const next = safeNext(useLocation().query.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm(loginSchema, 'login');
  const pending = readPending();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      { email, password },
      async (v) => {
        await account.login(v.email, v.password);
        goAfterLogin(next);
      },
      {
        describe: (err) =>
          err.status === 401 || (err.status === 400 && !err.field)
            ? t('account.login.wrong')
            : err.status === 403
              ? t('account.login.inactive')
              : null,
      },
    );
  };

  if (account.user) return <SignedInNotice next={next} />;

  return (
    <div className="card account-card">
      <h1>{t('account.login.title')}</h1>
      {pending && (
        <p className="notice" role="status">
          {t('account.pending.loginFirst')}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate aria-label={t('account.login.title')}>
        <FormAlert message={form.formError} />
        <EmailField form={form} value={email} onChange={setEmail} autoComplete="username" />
        <AccountInput
          id={form.id('password')}
          label={t('account.fields.password')}
          error={form.errors.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <p className="account-actions">
          <button type="submit" className="btn btn--primary" disabled={form.busy}>
            {t('account.login.submit')}
          </button>
          <a href={href('/forgot-password')}>{t('account.forgot.link')}</a>
        </p>
      </form>
      <p>
        {t('account.login.noAccount')}{' '}
        <a href={href('/register', next ? { next } : undefined)}>{t('account.register.title')}</a>
      </p>
    </div>
  );
}
