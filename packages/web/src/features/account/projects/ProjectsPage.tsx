import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { projectSchema } from '@flow-forecaster/schemas';
import { href } from '../../../lib/router';
import { Field } from '../../../components/Field';
import { useFormat } from '../../../i18n/format';
import { forecastsApi, projectsApi, type Project } from '../api';
import { useAccount } from '../session';
import { summaryOf } from '../summary';
import { FormAlert } from '../auth/common';
import { ImportExport } from '../forecasts/ImportExport';
import { useAccountForm } from '../form';
import { ErrorNotice, RequireLogin, useDateTime, useLoad } from '../ui';

export default function ProjectsPage() {
  return (
    <RequireLogin>
      <Projects />
    </RequireLogin>
  );
}

export function isMine(p: { ownerId?: string }, userId: string | undefined): boolean {
  return !p.ownerId || p.ownerId === userId;
}

function Projects() {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const list = useLoad(() => projectsApi.list(true), []);
  const [showArchived, setShowArchived] = useState(false);
  // Bumped after an import so the unfiled list loads again with the new rows.
  const [imports, setImports] = useState(0);
  const [actionError, setActionError] = useState<unknown>(null);
  const { user } = useAccount();
  // Instructors and admins also read other people's projects: those are listed apart, read-only.
  const all = list.data ?? [];
  const projects = all.filter((p) => isMine(p, user?.id));
  const others = all.filter((p) => !isMine(p, user?.id) && !p.archivedAt);
  const shown = projects.filter((p) => showArchived || !p.archivedAt);
  const archivedCount = projects.filter((p) => p.archivedAt).length;

  const setArchived = async (p: Project, archived: boolean) => {
    setActionError(null);
    try {
      await projectsApi.update(p.id, { archived });
      await list.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <div>
      <h1>{t('account.projects.title')}</h1>
      <p className="lead">{t('account.projects.lead')}</p>
      <div className="layout">
        <section className="card" aria-labelledby="projects-list-title">
          <h2 id="projects-list-title">{t('account.projects.list')}</h2>
          <ErrorNotice error={list.error ?? actionError} />
          {list.loading && !list.data && <p>{t('common.loading')}</p>}
          {list.data && shown.length === 0 && <p className="empty">{t('account.projects.none')}</p>}
          <ul className="account-list" data-testid="projects">
            {shown.map((p) => (
              <li key={p.id}>
                <div>
                  <h3>
                    <a href={href('/project', { id: p.id })}>{p.name}</a>
                    {p.archivedAt && (
                      <span className="muted"> · {t('account.projects.archived')}</span>
                    )}
                  </h3>
                  {p.description && <p>{p.description}</p>}
                  <p className="muted">
                    {t('account.projects.created', { date: dateTime(p.createdAt) })}
                  </p>
                </div>
                <div className="account-actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => void setArchived(p, !p.archivedAt)}
                    aria-label={`${
                      p.archivedAt ? t('account.projects.restore') : t('account.projects.archive')
                    }: ${p.name}`}
                  >
                    {p.archivedAt ? t('account.projects.restore') : t('account.projects.archive')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {archivedCount > 0 && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={showArchived}
                onChange={(e) => setShowArchived(e.target.checked)}
              />{' '}
              {t('account.projects.showArchived', { count: archivedCount })}
            </label>
          )}
        </section>
        <div>
          {others.length > 0 && (
            <section className="card" aria-labelledby="others-projects-title">
              <h2 id="others-projects-title">{t('account.projects.others')}</h2>
              <ul className="account-list" data-testid="others-projects">
                {others.map((p) => (
                  <li key={p.id}>
                    <a href={href('/project', { id: p.id })}>{p.name}</a>
                    <span className="muted">{dateTime(p.createdAt)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Unfiled key={imports} />
          <NewProject onCreated={() => void list.reload()} />
          <ImportExport onImported={() => setImports((n) => n + 1)} />
        </div>
      </div>
    </div>
  );
}

/** Forecasts saved without a project (or imported): reachable from here, movable later. */
function Unfiled() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  const { user } = useAccount();
  const list = useLoad(() => forecastsApi.list(), []);
  const rows = (list.data ?? []).filter((f) => !f.projectId && f.ownerId === user?.id);
  if (list.error) return <ErrorNotice error={list.error} />;
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="unfiled-title">
      <h2 id="unfiled-title">{t('account.projects.unfiled')}</h2>
      <ul className="account-list" data-testid="unfiled">
        {rows.map((f) => {
          const p85 = summaryOf(f).p85;
          return (
            <li key={f.id}>
              <a href={href('/forecast', { id: f.id })}>
                {f.name || t(`account.kinds.${f.kind}`, f.kind)}
              </a>
              <span className="muted">
                {dateTime(f.createdAt)}
                {p85 !== null &&
                  ` · P85 ${t('common.weeksCount', { count: p85, n: fmt.number(p85) })}`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function NewProject({ onCreated }: { onCreated: (p: Project) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const form = useAccountForm(projectSchema, 'project');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name, ...(description.trim() ? { description } : {}) };
    void form.submit(body, async (v) => {
      const created = await projectsApi.create(v);
      setName('');
      setDescription('');
      onCreated(created);
    });
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="new-project-title">
      <h2 id="new-project-title">{t('account.projects.new')}</h2>
      <FormAlert message={form.formError} />
      <Field id={form.id('name')} label={t('account.projects.name')} error={form.errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field
        id={form.id('description')}
        label={t('account.projects.description')}
        error={form.errors.description}
      >
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
      </Field>
      <button type="submit" className="btn btn--primary" disabled={form.busy}>
        {t('account.projects.create')}
      </button>
    </form>
  );
}
