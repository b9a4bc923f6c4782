import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../../components/ErrorLine';
import { connectionsApi, type Connection, type StateCategory } from './api';

const CATEGORIES: StateCategory[] = ['todo', 'inProgress', 'done', 'canceled'];

/**
 * The tracker's states in its own order with the category each one counts as; a change is saved
 * as the connection's mapping and the items are pulled again, since every date depends on it.
 */
export function Mapping({
  projectId,
  connection,
  onChanged,
}: {
  projectId: string;
  connection: Connection;
  onChanged: (c: Connection) => void;
}) {
  const { t } = useTranslation();
  const [states, setStates] = useState<{ name: string; category: StateCategory }[] | null>(null);
  const [counts, setCounts] = useState<{ items: number; done: number; inProgress: number }>();
  const [edits, setEdits] = useState<Record<string, StateCategory>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    connectionsApi
      .items(projectId, connection.id)
      .then((data) => {
        if (!live) return;
        setStates(data.states);
        setCounts({
          items: data.items.length,
          done: data.items.filter((i) => i.done !== null).length,
          inProgress: data.items.filter((i) => i.started !== null && i.done === null).length,
        });
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [projectId, connection.id, connection.lastSync?.at]);

  const save = async () => {
    setError(null);
    try {
      const { mapping: old, ...rest } = connection.settings;
      await connectionsApi.update(projectId, connection.id, {
        settings: { tracker: connection.tracker, ...rest, mapping: { ...old, ...edits } },
      });
      const synced = await connectionsApi.sync(projectId, connection.id);
      setEdits({});
      if (synced.connection) onChanged(synced.connection);
    } catch (err) {
      setError(err);
    }
  };

  if (error) return <ErrorLine error={error} />;
  if (!states) return null;
  return (
    <div data-testid="connection-states">
      {counts && (
        <p>
          {t('connections.counts', {
            items: counts.items,
            done: counts.done,
            inProgress: counts.inProgress,
          })}
        </p>
      )}
      <table>
        <caption>{t('connections.states')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('connections.state')}</th>
            <th scope="col">{t('connections.category')}</th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              <td>
                <select
                  aria-label={`${t('connections.category')}: ${s.name}`}
                  value={edits[s.name] ?? s.category}
                  onChange={(e) =>
                    setEdits({ ...edits, [s.name]: e.target.value as StateCategory })
                  }
                >
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`connections.categories.${c}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.keys(edits).length > 0 && (
        <button type="button" className="btn btn--small" onClick={() => void save()}>
          {t('connections.saveMapping')}
        </button>
      )}
    </div>
  );
}
