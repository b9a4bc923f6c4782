import { useTranslation } from 'react-i18next';
import type { Connection } from './api';
import { syncErrorText } from './messages';

/** A failed sync's reason in the reader's language, the tracker's own words under it. */
export function SyncError({ last }: { last: NonNullable<Connection['lastSync']> }) {
  const { t } = useTranslation();
  const { message, detail } = syncErrorText(t, last.errorCode, last.error);
  return (
    <div role="alert" className="error" data-testid="connection-sync-error">
      <p>{message}</p>
      {detail && <p className="muted">{t('connections.detail', { detail })}</p>}
    </div>
  );
}
