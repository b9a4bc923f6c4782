import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forgotPasswordSchema } from '@flow-forecaster/schemas';
import { href } from '../../../lib/router';
import { authApi } from '../api';
import { useAccountForm } from '../form';
import { FormAlert, EmailField } from './common';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useAccountForm(forgotPasswordSchema, 'forgot');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit({ email }, async (v) => {
      await authApi.forgot(v);
      setSent(true);
    });
  };

  return (
    <div className="card account-card">
      <h1>{t('account.forgot.title')}</h1>
      {sent ? (
        // The same answer whether or not the address has an account: no probing for members.
        <p className="notice" role="status">
          {t('account.forgot.sent')}
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={t('account.forgot.title')}>
          <p>{t('account.forgot.lead')}</p>
          <FormAlert message={form.formError} />
          <EmailField form={form} value={email} onChange={setEmail} />
          <button type="submit" className="btn btn--primary" disabled={form.busy}>
            {t('account.forgot.submit')}
          </button>
        </form>
      )}
      <p>
        <a href={href('/login')}>{t('account.login.title')}</a>
      </p>
    </div>
  );
}
