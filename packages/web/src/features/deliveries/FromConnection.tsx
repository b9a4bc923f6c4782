import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveriesApi, type SyncedConnection } from './api';

/**
 * Counts a check-in from one of the project's synced tracker connections (server side, with the
 * same rule as a CSV export). Hidden when the project has no synced connection.
 */
export function FromConnection({
  projectId,
  date,
  onPick,
}: {
  projectId: string;
  date: string;
  onPick: (connectionId: string) => void;
}) {
  const { t } = useTranslation();
  const [synced, setSynced] = useState<SyncedConnection[]>([]);
  const [picked, setPicked] = useState('');
  useEffect(() => {
    let live = true;
    deliveriesApi
      .connections(projectId)
      .then((list) => live && setSynced(list.filter((c) => c.hasData)))
      // Without connections (or without CONNECTION_KEY) the typed and CSV paths remain.
      .catch(() => live && setSynced([]));
    return () => {
      live = false;
    };
  }, [projectId]);
  if (synced.length === 0) return null;
  const id = picked || synced[0].id;
  return (
    <p data-testid="checkin-from-connection">
      <label>
        {t('deliveries.connection')}{' '}
        <select value={id} onChange={(e) => setPicked(e.target.value)}>
          {synced.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        className="btn btn--small"
        disabled={!date}
        title={date ? undefined : t('deliveries.pickDateFirst')}
        onClick={() => onPick(id)}
      >
        {t('deliveries.fromConnection')}
      </button>
    </p>
  );
}
