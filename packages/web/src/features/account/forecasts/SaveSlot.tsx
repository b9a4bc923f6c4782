import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate } from '../../../lib/router';
import type { SaveSlotProps } from '../../../lib/slots';
import type { SavedForecast } from '../api';
import { storePending } from '../pending';
import { useAccount } from '../session';
import { SaveForm } from './SaveForm';
import '../account.css';

/**
 * The "Save" button under every result. Anonymous users are sent to log in with the forecast
 * kept aside, and land on the save page afterwards with nothing to retype.
 */
export default function SaveSlot({ kind, input, result }: SaveSlotProps) {
  const { t } = useTranslation();
  const account = useAccount();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<SavedForecast | null>(null);

  if (!account.user) {
    return (
      <button
        type="button"
        className="btn"
        data-testid="save-forecast"
        onClick={() => {
          storePending(kind, input, result);
          navigate('/login', { next: '/save' });
        }}
      >
        {t('account.save.loginToSave')}
      </button>
    );
  }
  if (saved) {
    return (
      <p className="notice" role="status">
        {t('account.save.saved')}{' '}
        <a href={href('/forecast', { id: saved.id })}>{t('account.save.open')}</a>
      </p>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        className="btn"
        data-testid="save-forecast"
        onClick={() => setOpen(true)}
      >
        {t('account.save.button')}
      </button>
    );
  }
  return (
    <SaveForm
      kind={kind}
      input={input}
      result={result}
      onSaved={setSaved}
      onCancel={() => setOpen(false)}
    />
  );
}
