import { useTranslation } from 'react-i18next';

/** Example data is always labelled, so it is never mistaken for the user's own. */
export function SampleBadge() {
  const { t } = useTranslation();
  return (
    <span
      className="badge badge--sample"
      data-testid="sample-badge"
      title={t('flow.team.sampleNote')}
    >
      {t('flow.team.sampleBadge')}
    </span>
  );
}
