import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@flow-forecaster/schemas';
import { Field } from '../../../components/Field';
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

/**
 * The new password and its confirmation of the register and reset forms: `fields` go to
 * NewPasswordFields; `checkMismatch` says the two differ beside the confirmation (true then).
 */
export function useNewPassword() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const checkMismatch = (): boolean => {
    const mismatch = password !== confirm;
    setConfirmError(mismatch ? t('account.fields.mismatch') : undefined);
    return mismatch;
  };
  const fields = {
    password,
    onPassword: setPassword,
    confirm,
    onConfirm: setConfirm,
    confirmError,
  };
  return { password, checkMismatch, fields };
}

/** A new password (with the length rule as its hint) and its confirmation: register and reset. */
/** A labelled account input bound to a string. */
export function AccountInput({
  id,
  label,
  hint,
  error,
  type,
  autoComplete,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  type?: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** The account forms' email field: `username` where it signs in, so password managers pair it. */
export function EmailField({
  form,
  value,
  onChange,
  autoComplete = 'email',
}: {
  form: { id: (field: string) => string; errors: { email?: string } };
  value: string;
  onChange: (v: string) => void;
  autoComplete?: 'email' | 'username';
}) {
  const { t } = useTranslation();
  return (
    <AccountInput
      id={form.id('email')}
      label={t('account.fields.email')}
      error={form.errors.email}
      type="email"
      autoComplete={autoComplete}
      value={value}
      onChange={onChange}
    />
  );
}

export function NewPasswordFields({
  form,
  label,
  password,
  onPassword,
  confirm,
  onConfirm,
  confirmError,
}: {
  form: { id: (field: string) => string; errors: { password?: string } };
  label: string;
  password: string;
  onPassword: (v: string) => void;
  confirm: string;
  onConfirm: (v: string) => void;
  confirmError: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <AccountInput
        id={form.id('password')}
        label={label}
        hint={t('account.fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={form.errors.password}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={onPassword}
      />
      <AccountInput
        id={form.id('confirm')}
        label={t('account.fields.confirm')}
        error={confirmError}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirm}
      />
    </>
  );
}
