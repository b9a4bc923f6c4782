import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate, useLocation } from '../../../lib/router';
import { useFormat } from '../../../i18n/format';
import { forecastsApi, projectsApi, type SavedForecast } from '../api';
import { byCreated, summaryOf } from '../summary';
import { ErrorNotice, RequireLogin, useDateTime, useLoad, TableWrap } from '../ui';
import { useAccount } from '../session';
import { TrendChart } from './TrendChart';
import { getProjectSections } from '../../../lib/slots';
import { TableHead } from '../../shared/TableHead';

export default function ProjectPage() {
  return (
    <RequireLogin>
      <ProjectView />
    </RequireLogin>
  );
}

/** One project: its header, the sections other features add, and its saved forecasts. */
function ProjectView() {
  const { t } = useTranslation();
  const { user } = useAccount();
  const id = useLocation().query.get('id') ?? '';
  const project = useLoad(() => projectsApi.get(id), [id]);
  const forecasts = useLoad(async () => byCreated(await forecastsApi.list(id)), [id]);
  const [actionError, setActionError] = useState<unknown>(null);
  const p = project.data;

  const setArchived = async (archived: boolean) => {
    setActionError(null);
    try {
      await projectsApi.update(id, { archived });
      await project.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  const canWrite = !!p && (p.ownerId === user?.id || user?.role === 'admin');

  if (project.error) return <ErrorNotice error={project.error} />;
  if (!p) return <p className="page-loading">{t('common.loading')}</p>;

  return (
    <div>
      <p>
        <a href={href('/projects')}>← {t('account.projects.title')}</a>
      </p>
      <h1>{p.name}</h1>
      {p.description && <p className="lead">{p.description}</p>}
      <p className="account-actions">
        {p.archivedAt && <span className="muted">{t('account.projects.archived')}</span>}
        {canWrite && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => void setArchived(!p.archivedAt)}
          >
            {p.archivedAt ? t('account.projects.restore') : t('account.projects.archive')}
          </button>
        )}
        <a className="btn btn--small" href={href('/when')}>
          {t('account.project.newForecast')}
        </a>
      </p>
      <ErrorNotice error={forecasts.error ?? actionError} />
      {getProjectSections().map((Section, i) => (
        <Section key={i} projectId={p.id} />
      ))}
      <ProjectForecasts forecasts={forecasts} canWrite={canWrite} onError={setActionError} />
    </div>
  );
}

type LoadedForecasts = ReturnType<typeof useLoad<SavedForecast[]>>;

/** The project's forecasts: a trend chart, a table to re-run them, and a pick-two compare. */
function ProjectForecasts({
  forecasts,
  canWrite,
  onError,
}: {
  forecasts: LoadedForecasts;
  canWrite: boolean;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const rows = forecasts.data ?? [];

  const toggle = (fid: string, on: boolean) =>
    // Keep the last two picked: comparing is always between a pair.
    setPicked((cur) =>
      on ? [...cur.filter((x) => x !== fid), fid].slice(-2) : cur.filter((x) => x !== fid),
    );

  const rerun = async (f: SavedForecast) => {
    setBusy(f.id);
    onError(null);
    try {
      await forecastsApi.rerun(f.id);
      await forecasts.reload();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="project-forecasts-title">
      <h2 id="project-forecasts-title">{t('account.project.forecasts')}</h2>
      {forecasts.loading && !forecasts.data && <p>{t('common.loading')}</p>}
      {forecasts.data && rows.length === 0 && <p className="empty">{t('account.project.none')}</p>}
      {rows.length > 0 && (
        <>
          <TrendChart forecasts={rows} />
          <TableWrap label={t('account.project.forecasts')}>
            <table data-testid="project-forecasts">
              <caption className="visually-hidden">{t('account.project.forecasts')}</caption>
              <TableHead
                columns={[
                  t('account.project.compareCol'),
                  t('account.fields.created'),
                  t('account.fields.name'),
                  'P50',
                  'P85',
                  'P95',
                  t('account.fields.version'),
                  t('account.fields.actions'),
                ]}
              />
              <tbody>
                {[...rows].reverse().map((f) => (
                  <ForecastRow
                    key={f.id}
                    forecast={f}
                    picked={picked.includes(f.id)}
                    onPick={(on) => toggle(f.id, on)}
                    rerunDisabled={busy === f.id || !canWrite}
                    onRerun={() => void rerun(f)}
                  />
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="account-actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={picked.length !== 2}
              onClick={() => navigate('/compare', { a: picked[0], b: picked[1] })}
            >
              {t('account.project.compare')}
            </button>
            <span className="muted">{t('account.project.compareHint')}</span>
          </p>
        </>
      )}
    </section>
  );
}

/** One saved forecast: pick box, when, name, its percentiles, version and re-run. */
function ForecastRow({
  forecast: f,
  picked,
  onPick,
  rerunDisabled,
  onRerun,
}: {
  forecast: SavedForecast;
  picked: boolean;
  onPick: (on: boolean) => void;
  rerunDisabled: boolean;
  onRerun: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  const s = summaryOf(f);
  const label = f.name || t(`account.kinds.${f.kind}`, f.kind);
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          checked={picked}
          onChange={(e) => onPick(e.target.checked)}
          aria-label={t('account.project.pick', { name: label })}
        />
      </td>
      <td>{dateTime(f.createdAt)}</td>
      <td>
        <a href={href('/forecast', { id: f.id })}>{label}</a>
      </td>
      <td>{s.p50 === null ? '—' : fmt.number(s.p50)}</td>
      <td>
        <strong>{s.p85 === null ? '—' : fmt.number(s.p85)}</strong>
      </td>
      <td>{s.p95 === null ? '—' : fmt.number(s.p95)}</td>
      <td>{f.version ?? 1}</td>
      <td>
        <button
          type="button"
          className="btn btn--small"
          disabled={rerunDisabled}
          onClick={onRerun}
          aria-label={`${t('account.forecast.rerun')}: ${label}`}
        >
          {t('account.forecast.rerun')}
        </button>
      </td>
    </tr>
  );
}
