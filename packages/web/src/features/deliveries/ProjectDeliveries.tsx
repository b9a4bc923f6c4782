import { useEffect, useState } from 'react';
import type { DeliveryCalibrationResult } from '@flow-forecaster/engine';
import { useTranslation } from 'react-i18next';
import { href } from '../../lib/router';
import type { ProjectSectionProps } from '../../lib/slots';
import { deliveriesApi } from './api';

/** The project page's link to its deliveries and the one calibration sentence. */
export function ProjectDeliveries({ projectId }: ProjectSectionProps) {
  const { t } = useTranslation();
  const [cal, setCal] = useState<DeliveryCalibrationResult | null>(null);
  useEffect(() => {
    let live = true;
    deliveriesApi
      .calibration(projectId)
      .then((c) => live && setCal(c))
      .catch(() => live && setCal(null));
    return () => {
      live = false;
    };
  }, [projectId]);
  const p85 = cal?.levels.find((l) => l.level === 'P85');
  return (
    <section className="card" aria-labelledby="project-deliveries-title">
      <h2 id="project-deliveries-title">{t('deliveries.title')}</h2>
      <p data-testid="calibration-sentence">
        {p85 && p85.deliveries > 0
          ? t('deliveries.calibration', { held: p85.deliveriesHeld, count: p85.deliveries })
          : t('deliveries.calibrationNone')}
        {p85 && p85.deliveries > 0 && (
          <span className="muted">
            {' '}
            ({t(`deliveries.verdict.${p85.verdict}`, { hits: p85.hits, count: p85.count })})
          </span>
        )}
      </p>
      <p>
        <a className="btn btn--small" href={href('/deliveries', { project: projectId })}>
          {t('deliveries.open')}
        </a>
      </p>
    </section>
  );
}
