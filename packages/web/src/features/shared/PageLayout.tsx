import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** Title, lead, the form on the left and the results on the right (stacked on phones). */
export function PageLayout({
  id,
  title,
  lead,
  onSubmit,
  form,
  results,
}: {
  id: string;
  title: string;
  lead: string;
  onSubmit: (e: FormEvent) => void;
  form: ReactNode;
  results: ReactNode | null;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      <div className="layout">
        <form className="card" onSubmit={onSubmit} noValidate aria-label={title}>
          {form}
        </form>
        <section className="card" aria-labelledby={`${id}-results-title`}>
          <h2 id={`${id}-results-title`}>{t('common.results')}</h2>
          {results ?? <p className="empty">{t('common.noResults')}</p>}
        </section>
      </div>
    </div>
  );
}

export function Kpi({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`kpi${strong ? ' kpi--p85' : ''}`}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
    </div>
  );
}

export function Warnings({ items }: { items: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="notice notice--warn" role="note">
      <strong>{t('common.warnings')}</strong>
      <ul className="warnings">
        {items.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** "Seed N · M runs": what a reader needs to reproduce a stochastic result. */
export function SeedUsed({ seed, runs }: { seed: number; runs: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <p className="field__hint" data-testid="seed-used">
      {t('common.seedUsed', { seed, runs: fmt.integer(runs) })}
    </p>
  );
}
