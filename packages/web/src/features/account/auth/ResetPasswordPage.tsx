import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resetPasswordSchema } from '@flow-forecaster/schemas';
import { href, useLocation } from '../../../lib/router';
import { authApi } from '../api';
import { useAccountForm } from '../form';
import { FormAlert, NewPasswordFields, useNewPassword } from './common';

/** Opened from the emailed (or logged) link `#/reset-password?token=…`. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLocation().query.get('token') ?? '';
  const newPassword = useNewPassword();
  const [done, setDone] = useState(false);
  const form = useAccountForm(resetPasswordSchema, 'reset');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const mismatch = newPassword.checkMismatch();
    const { password } = newPassword;
    void form.submit(
      { token, password },
      async (v) => {
        await authApi.reset(v);
        setDone(true);
      },
      {
        blocked: mismatch ? 'confirm' : undefined,
        describe: (err) =>
          err.status === 400 && err.field !== 'password' ? t('account.reset.badToken') : null,
      },
    );
  };

  if (!token) {
    return (
      <div className="card account-card">
        <h1>{t('account.reset.title')}</h1>
        <p className="notice notice--error" role="alert">
          {t('account.reset.badToken')}
        </p>
        <a href={href('/forgot-password')}>{t('account.forgot.title')}</a>
      </div>
    );
  }

  return (
    <div className="card account-card">
      <h1>{t('account.reset.title')}</h1>
      {done ? (
        <p className="notice" role="status">
          {t('account.reset.done')} <a href={href('/login')}>{t('account.login.title')}</a>
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={t('account.reset.title')}>
          <FormAlert message={form.formError} />
          <NewPasswordFields
            form={form}
            label={t('account.fields.newPassword')}
            {...newPassword.fields}
          />
          <button type="submit" className="btn btn--primary" disabled={form.busy}>
            {t('account.reset.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
