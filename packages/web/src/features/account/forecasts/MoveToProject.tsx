import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forecastsApi, projectsApi } from '../api';
import { useAccount } from '../session';
import { ErrorNotice, useLoad } from '../ui';

/** File a saved (or imported) forecast under one of the user's projects, or under none. */
export function MoveToProject({
  forecastId,
  projectId,
  onMoved,
}: {
  forecastId: string;
  projectId: string | null;
  onMoved: (projectId: string | null) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { user } = useAccount();
  const projects = useLoad(() => projectsApi.list(), []);
  const [error, setError] = useState<unknown>(null);
  const [moved, setMoved] = useState(false);

  const move = async (target: string | null) => {
    setError(null);
    setMoved(false);
    try {
      await forecastsApi.update(forecastId, { projectId: target });
      onMoved(target);
      setMoved(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="card">
      <div className="field">
        <label htmlFor={`${uid}-project`}>{t('account.save.project')}</label>
        <select
          id={`${uid}-project`}
          value={projectId ?? ''}
          disabled={projects.loading}
          onChange={(e) => void move(e.target.value || null)}
        >
          <option value="">{t('account.save.noProject')}</option>
          {(projects.data ?? [])
            .filter(
              (p) =>
                p.id === projectId || (!p.archivedAt && (!p.ownerId || p.ownerId === user?.id)),
            )
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </div>
      <ErrorNotice error={projects.error ?? error} />
      {moved && (
        <p className="notice" role="status">
          {t('account.forecast.moved')}
        </p>
      )}
    </div>
  );
}
