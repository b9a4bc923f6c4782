import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { saveTeam, updateTeam, useTeams, type Team } from '../../lib/team-store';
import {
  localFromRemote,
  saveToProject,
  teamSyncApi,
  type ProjectOption,
  type RemoteTeamSummary,
} from './team-sync';

/**
 * With an account: save the current team in a project, or open a project's team in this
 * browser. The browser copy keeps working without the server (offline, logged out).
 */
export function ProjectSync({ current }: { current: Team | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const { teams } = useTeams();
  const [projectId, setProjectId] = useState('');
  const [remoteTeams, setRemoteTeams] = useState<RemoteTeamSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const userId = session?.user.id;

  const explain = useExplainSyncError();
  const projects = useOwnProjects(userId, (err) =>
    setMessage({ kind: 'error', text: explain(err) }),
  );

  const selected =
    projects?.find((p) => p.id === projectId) ??
    projects?.find((p) => p.id === current?.remote?.projectId) ??
    projects?.[0] ??
    null;

  useEffect(() => {
    setRemoteTeams(null);
  }, [selected?.id]);

  if (!session) return null;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (err) {
      setMessage({ kind: 'error', text: explain(err) });
    } finally {
      setBusy(false);
    }
  };

  const onSave = () =>
    run(async () => {
      if (!current || !selected) return;
      const remote = await saveToProject(current, selected);
      await updateTeam(current.id, { remote });
      setMessage({ kind: 'ok', text: t('flow.sync.saved', { project: selected.name }) });
      setRemoteTeams(null);
    });

  const onList = () =>
    run(async () => {
      if (!selected) return;
      setRemoteTeams(await teamSyncApi.list(selected.id));
    });

  const onOpen = (summary: RemoteTeamSummary) =>
    run(async () => {
      if (!selected) return;
      const remote = await teamSyncApi.get(selected.id, summary.id);
      // Opening a team this browser already has replaces that copy instead of adding another.
      const local = teams.find((x) => x.remote?.teamId === summary.id);
      await saveTeam(localFromRemote(remote, selected, local?.id));
      setMessage({ kind: 'ok', text: t('flow.sync.opened', { team: remote.name }) });
    });

  return (
    <section className="card" aria-labelledby="team-sync-title" data-testid="team-sync">
      <h2 id="team-sync-title">{t('flow.sync.title')}</h2>
      <p className="field__hint">{t('flow.sync.lead')}</p>
      {projects !== null && projects.length === 0 && <p>{t('flow.sync.noProjects')}</p>}
      {projects !== null && projects.length > 0 && selected && (
        <>
          <Field id="team-sync-project" label={t('flow.sync.project')}>
            <select value={selected.id} onChange={(e) => setProjectId(e.target.value)}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          {current?.remote && (
            <p data-testid="team-sync-status">
              {t('flow.sync.status', {
                project: current.remote.projectName,
                date: fmt.shortDate(current.remote.savedAt.slice(0, 10)),
                version: current.remote.version,
              })}
            </p>
          )}
          <p>
            <button
              type="button"
              className="btn"
              disabled={busy || !current}
              onClick={() => void onSave()}
            >
              {t('flow.sync.save', { project: selected.name })}
            </button>{' '}
            <button type="button" className="btn" disabled={busy} onClick={() => void onList()}>
              {t('flow.sync.list', { project: selected.name })}
            </button>
          </p>
          {remoteTeams !== null && remoteTeams.length === 0 && <p>{t('flow.sync.empty')}</p>}
          {remoteTeams !== null && remoteTeams.length > 0 && (
            <RemoteTeamList teams={remoteTeams} busy={busy} onOpen={(r) => void onOpen(r)} />
          )}
        </>
      )}
      {message && <SyncMessage message={message} />}
    </section>
  );
}

/** A sync failure in words: a conflict, too large, the server's reason, or offline. */
function useExplainSyncError() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      if (err.status === 409) return t('flow.sync.conflict');
      if (err.status === 413) return t('flow.sync.tooLarge');
      return err.field ? `${err.field}: ${err.message}` : err.message;
    }
    return t('flow.sync.offline');
  };
}

/** The projects a team can be saved into, loaded when someone logs in; `onError` reports a failed load. */
function useOwnProjects(userId: string | undefined, onError: (err: unknown) => void) {
  const [projects, setProjects] = useState<ProjectOption[] | null>(null);
  // The latest reporter, so the list reloads only when who is logged in changes.
  const latest = useRef(onError);
  latest.current = onError;
  useEffect(() => {
    if (!userId) return;
    let live = true;
    teamSyncApi.projects().then(
      (list) => {
        if (!live) return;
        // Only the user's own projects: an instructor may read students' projects, not file into them.
        const own = list.filter((p) => !p.archivedAt && (!p.ownerId || p.ownerId === userId));
        setProjects(own);
      },
      (err: unknown) => {
        if (live) latest.current(err);
      },
    );
    return () => {
      live = false;
    };
  }, [userId]);
  return projects;
}

function RemoteTeamList({
  teams,
  busy,
  onOpen,
}: {
  teams: RemoteTeamSummary[];
  busy: boolean;
  onOpen: (summary: RemoteTeamSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="team-list" data-testid="team-sync-list">
      {teams.map((r) => (
        <li key={r.id}>
          <span>
            {r.name}{' '}
            <span className="muted">
              (
              {r.itemCount > 0
                ? t('flow.sync.items', { count: r.itemCount })
                : t('flow.sync.weeks', { count: r.weeks })}
              )
            </span>
          </span>
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={() => onOpen(r)}
          >
            {t('flow.sync.open')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function SyncMessage({ message }: { message: { kind: 'ok' | 'error'; text: string } }) {
  return (
    <p
      className={`notice ${message.kind === 'error' ? 'notice--error' : ''}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="team-sync-message"
    >
      {message.text}
    </p>
  );
}
