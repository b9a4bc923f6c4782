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
      <Field
        id={form.id('password')}
        label={label}
        hint={t('account.fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={form.errors.password}
      >
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
      </Field>
      <Field id={form.id('confirm')} label={t('account.fields.confirm')} error={confirmError}>
        <input
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
        />
      </Field>
    </>
  );
}
