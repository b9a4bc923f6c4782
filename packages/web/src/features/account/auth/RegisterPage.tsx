import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { registerSchema } from '@flow-forecaster/schemas';
import { href, useLocation } from '../../../lib/router';
import { Field } from '../../../components/Field';
import { useAccountForm } from '../form';
import { goAfterLogin, safeNext } from '../nav';
import { readPending } from '../pending';
import { useAccount } from '../session';
import { FormAlert, NewPasswordFields, useNewPassword, SignedInNotice, EmailField } from './common';

export default function RegisterPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const next = safeNext(useLocation().query.get('next'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const newPassword = useNewPassword();
  const form = useAccountForm(registerSchema, 'register');
  const pending = readPending();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const mismatch = newPassword.checkMismatch();
    const { password } = newPassword;
    const body = { email, password, ...(name.trim() ? { name } : {}) };
    void form.submit(
      body,
      async (v) => {
        await account.register(v.email, v.password, v.name);
        goAfterLogin(next);
      },
      {
        describe: (err) => (err.status === 409 ? t('account.register.taken') : null),
        blocked: mismatch ? 'confirm' : undefined,
      },
    );
  };

  if (account.user) return <SignedInNotice next={next} />;

  return (
    <div className="card account-card">
      <h1>{t('account.register.title')}</h1>
      {pending && (
        <p className="notice" role="status">
          {t('account.pending.loginFirst')}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate aria-label={t('account.register.title')}>
        <FormAlert message={form.formError} />
        <Field id={form.id('name')} label={t('account.fields.name')} error={form.errors.name}>
          <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <EmailField form={form} value={email} onChange={setEmail} />
        <NewPasswordFields
          form={form}
          label={t('account.fields.password')}
          {...newPassword.fields}
        />
        <button type="submit" className="btn btn--primary" disabled={form.busy}>
          {t('account.register.submit')}
        </button>
      </form>
      <p>
        {t('account.register.haveAccount')}{' '}
        <a href={href('/login', next ? { next } : undefined)}>{t('account.login.title')}</a>
      </p>
    </div>
  );
}
