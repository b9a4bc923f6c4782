import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../../lib/router';
import { ErrorLine } from '../../components/ErrorLine';
import { saveTeam } from '../../lib/team-store';
import type { ProjectSectionProps } from '../../lib/slots';
import { connectionsApi, type Connection } from './api';
import { Mapping } from './Mapping';
import { NewConnection } from './NewConnection';
import { SyncError } from './SyncError';

/** The project page's tracker connections: what each pulled, when, and a refresh button. */
export function ProjectConnections({ projectId }: ProjectSectionProps) {
  const { t } = useTranslation();
  const [list, setList] = useState<Connection[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  // A connection saved by the form whose first pull failed: it exists, shown in the form.
  const [failedInForm, setFailedInForm] = useState(false);
  const [available, setAvailable] = useState(true);

  const load = useCallback(async () => {
    try {
      const r = await connectionsApi.list(projectId);
      setList(r.items);
      setAvailable(r.available);
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [projectId]);
  useEffect(() => {
    void load();
  }, [load]);

  const replace = (c: Connection) =>
    setList((prev) => (prev ?? []).map((x) => (x.id === c.id ? c : x)));

  return (
    <section className="card" aria-labelledby="project-connections-title">
      <h2 id="project-connections-title">{t('connections.title')}</h2>
      <p className="muted">{t('connections.hint')}</p>
      <ErrorLine error={error} />
      {list?.length === 0 && !failedInForm && <p>{t('connections.none')}</p>}
      {list?.map((c) => (
        <ConnectionCard
          key={c.id}
          projectId={projectId}
          connection={c}
          onChanged={replace}
          onRemoved={() => setList((prev) => (prev ?? []).filter((x) => x.id !== c.id))}
        />
      ))}
      {!available ? (
        <div className="notice notice--warn" role="status" data-testid="connections-unavailable">
          <p>{t('connections.unavailable')}</p>
          <p className="muted">{t('connections.unavailableAdmin')}</p>
        </div>
      ) : adding ? (
        <NewConnection
          projectId={projectId}
          onFailedChange={setFailedInForm}
          onAdded={(c) => {
            setAdding(false);
            setFailedInForm(false);
            setList((prev) => [...(prev ?? []), c]);
          }}
        />
      ) : (
        <button type="button" className="btn btn--small" onClick={() => setAdding(true)}>
          {t('connections.add')}
        </button>
      )}
    </section>
  );
}

/**
 * The connection's items become (or refresh) a team of the browser's workspace, so the flow
 * pages and every forecast page read the live data like an imported export. Returns how many
 * items the team now holds.
 */
async function saveAsTeam(
  projectId: string,
  c: Connection,
  trackerLabel: string,
  language: string,
): Promise<number> {
  const last = c.lastSync;
  const { items } = await connectionsApi.items(projectId, c.id);
  await saveTeam({
    id: `connection-${c.id}`,
    name: c.name,
    sample: false,
    source: 'connection',
    fileName: `${trackerLabel}${last ? ` · ${new Date(last.at).toLocaleString(language)}` : ''}`,
    items: items.map(({ id, type, created, started, done, state }) => ({
      id,
      type: type ?? null,
      created,
      started,
      done,
      state,
    })),
    throughput: [],
    rejected: [],
  });
  return items.length;
}

/** When the connection last pulled, how it went, and what changed. */
function LastSync({ last }: { last: Connection['lastSync'] }) {
  const { t, i18n } = useTranslation();
  return (
    <p data-testid="connection-last-sync">
      {last
        ? t('connections.lastSync', {
            at: new Date(last.at).toLocaleString(i18n.language),
            status: t(`connections.status.${last.status ?? 'none'}`),
          })
        : t('connections.neverSynced')}
      {last?.summary &&
        ` · ${t('connections.summary', {
          items: last.summary.items,
          added: last.summary.added,
          changed: last.summary.changed,
          canceled: last.summary.canceled,
        })}`}
      {last?.summary?.waitedSeconds
        ? ` · ${t('connections.waited', { seconds: last.summary.waitedSeconds })}`
        : null}
    </p>
  );
}

/** One connection: its last sync, refresh / use-as-team / download / delete, and its mapping. */
function ConnectionCard({
  projectId,
  connection: c,
  onChanged,
  onRemoved,
}: {
  projectId: string;
  connection: Connection;
  onChanged: (c: Connection) => void;
  onRemoved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [teamItems, setTeamItems] = useState<number | null>(null);
  const last = c.lastSync;

  const openAsTeam = () =>
    act(async () => {
      const label = t(`connections.trackers.${c.tracker}`);
      setTeamItems(await saveAsTeam(projectId, c, label, i18n.language));
    });

  const refresh = () =>
    act(async () => {
      const r = await connectionsApi.sync(projectId, c.id);
      if (r.connection) onChanged(r.connection);
    });

  const remove = () =>
    act(async () => {
      if (!window.confirm(t('connections.confirmDelete', { name: c.name }))) return;
      await connectionsApi.remove(projectId, c.id);
      onRemoved();
    });

  // The connection's actions wait for each other: one runs at a time.
  const smallButton = { type: 'button', className: 'btn btn--small', disabled: busy } as const;

  const act = async (run: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await run();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card" data-testid="connection" aria-label={c.name}>
      <h3>
        {c.name} <span className="muted">({t(`connections.trackers.${c.tracker}`)})</span>
      </h3>
      <p className="muted">
        {t('connections.token')}: {c.token}
      </p>
      <LastSync last={last} />
      {last?.status === 'failed' && last.error && <SyncError last={last} tracker={c.tracker} />}
      <ErrorLine error={error} />
      <p className="account-actions">
        <button {...smallButton} onClick={() => void refresh()}>
          {busy ? t('connections.syncing') : t('connections.refresh')}
        </button>{' '}
        {c.hasData && (
          <button {...smallButton} onClick={() => void openAsTeam()}>
            {t('connections.useAsTeam')}
          </button>
        )}{' '}
        {c.hasData && (
          <a
            className="btn btn--small"
            href={connectionsApi.itemsUrl(projectId, c.id)}
            download={`${c.name}-items.json`}
          >
            {t('connections.download')}
          </a>
        )}{' '}
        <button {...smallButton} onClick={() => void remove()}>
          {t('connections.delete')}
        </button>
      </p>
      {teamItems !== null && (
        <p role="status" data-testid="connection-team">
          {t('connections.teamReady', { name: c.name, items: teamItems })}{' '}
          <a href={href('/flow/cycle-time')}>{t('connections.seeFlow')}</a>
        </p>
      )}
      {c.hasData && <Mapping projectId={projectId} connection={c} onChanged={onChanged} />}
    </article>
  );
}
