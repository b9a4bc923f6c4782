import { useTranslation } from 'react-i18next';
import type { Connection, Tracker } from './api';
import { syncErrorText } from './messages';

/**
 * A failed sync's reason in the reader's language, the tracker's own words under it, named as
 * the tracker's: they stay as it sent them (in English, mostly), and the label says why.
 */
export function SyncError({
  last,
  tracker,
}: {
  last: NonNullable<Connection['lastSync']>;
  tracker: Tracker;
}) {
  const { t } = useTranslation();
  const { message, detail } = syncErrorText(t, last.errorCode, last.error);
  return (
    <div role="alert" className="error" data-testid="connection-sync-error">
      <p>{message}</p>
      {detail && (
        <p className="muted" data-testid="connection-sync-detail">
          {t('connections.detail', { detail, tracker: t(`connections.trackers.${tracker}`) })}
        </p>
      )}
    </div>
  );
}
