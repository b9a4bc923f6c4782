import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineWarning } from '@flow-forecaster/engine';
import { useFormat } from '../../i18n/format';
import { ChartInputs, PrintHeader } from './chart-inputs';
import { StaleReason } from '../../components/stale';
import { RunControls } from '../../components/RunControls';
import type { RunState } from '../../runner/context';

/** Title, lead, the form on the left and the results on the right (stacked on phones). */
export function PageLayout({
  id,
  title,
  lead,
  onSubmit,
  form,
  results,
  stale = false,
  stacked = false,
  chartNote,
}: {
  id: string;
  title: string;
  lead: string;
  onSubmit: (e: FormEvent) => void;
  form: ReactNode;
  results: ReactNode | null;
  /** The result no longer answers the form (see useForecastPage). */
  stale?: false | 'changed' | 'invalid';
  /** Form above the results, both full width: for forms that are wide tables (portfolio). */
  stacked?: boolean;
  /** The request and result whose key inputs the result's downloaded charts carry. */
  chartNote?: { input: unknown; result: unknown };
}) {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      <div className={stacked ? 'layout layout--stacked' : 'layout'}>
        <form className="card" onSubmit={onSubmit} noValidate aria-label={title}>
          {form}
        </form>
        <section className="card" aria-labelledby={`${id}-results-title`}>
          <h2 id={`${id}-results-title`}>{t('common.results')}</h2>
          {results ? (
            <StaleResult stale={stale}>
              {chartNote ? (
                <ChartInputs input={chartNote.input} result={chartNote.result}>
                  <PrintHeader title={title} />
                  {results}
                </ChartInputs>
              ) : (
                results
              )}
            </StaleResult>
          ) : (
            <p className="empty">{t('common.noResults')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

/** What ForecastPageLayout reads from a `useForecastPage` page. */
export interface LaidOutPage<R> {
  /** Prefix of the page's element ids: the results title's id starts with it. */
  idPrefix: string;
  onSubmit: (e: FormEvent) => void;
  stale: false | 'changed' | 'invalid';
  input: unknown;
  result: R | null;
}

/**
 * PageLayout for a `useForecastPage` page, titled by its i18n section (`<section>.title`,
 * `.lead`): its ids, its submit, its staleness and the inputs its downloaded charts carry come
 * from the page, and the results are drawn only once there is a result.
 */
export function ForecastPageLayout<R>({
  section,
  page,
  form,
  results,
}: {
  section: string;
  page: LaidOutPage<R>;
  form: ReactNode;
  results: (result: R) => ReactNode;
}) {
  const { t } = useTranslation();
  const r = page.result;
  return (
    <PageLayout
      id={page.idPrefix}
      title={t(`${section}.title`)}
      lead={t(`${section}.lead`)}
      onSubmit={page.onSubmit}
      stale={page.stale}
      chartNote={r ? { input: page.input, result: r } : undefined}
      form={form}
      results={r ? results(r) : null}
    />
  );
}

/** The run button of a page without run settings (no run count or seed to choose). */
export function PageRunButton<R>({
  page,
  label,
}: {
  page: {
    state: RunState<R>;
    cancel: () => void;
    stale: false | 'changed' | 'invalid';
    refusal?: string | null;
  };
  label: string;
}) {
  return (
    <RunControls
      state={page.state}
      onCancel={page.cancel}
      stale={page.stale}
      label={label}
      refusal={page.refusal}
    />
  );
}

/** A result that no longer answers the form: a notice first, the figures dimmed and labelled. */
export function StaleResult({
  stale,
  children,
}: {
  stale: false | 'changed' | 'invalid';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (!stale) return <>{children}</>;
  return (
    <div className="result--stale" data-stale="true">
      <p className="notice notice--warn" role="status" data-testid="stale-notice">
        {t(stale === 'invalid' ? 'common.staleInvalid' : 'common.stale')}
      </p>
      <div className="result--stale__body" aria-label={t('common.stale')}>
        <StaleReason.Provider
          value={t(stale === 'invalid' ? 'common.staleInvalid' : 'common.stale')}
        >
          {children}
        </StaleReason.Provider>
      </div>
    </div>
  );
}

export function Kpi({
  label,
  value,
  strong,
  note,
  help,
  tone,
}: {
  label: string;
  value: string;
  strong?: boolean;
  /** A short line under the figure, e.g. its 95 % sampling interval. */
  note?: string;
  /** What the term means, in a line under it: readable on a phone, where nothing hovers. */
  help?: string;
  /** A figure that is good or bad news by itself (a predictability score) is coloured so. */
  tone?: 'good' | 'bad';
}) {
  return (
    <div className={`kpi${strong ? ' kpi--p85' : ''}${tone ? ` kpi--${tone}` : ''}`}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
      {note && <div className="kpi__note">{note}</div>}
      {help && (
        <div className="kpi__help" data-testid="term-help">
          {help}
        </div>
      )}
    </div>
  );
}

/**
 * A result's warnings in the reader's language: the engine's codes are translated with their
 * numbers formatted; a warning without a code (or a code this build does not know) keeps the
 * engine's English sentence.
 */
export function Warnings({
  items,
  codes,
}: {
  items: readonly string[];
  codes?: readonly EngineWarning[];
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  if (items.length === 0) return null;
  const text = (english: string, i: number) => {
    const w = codes?.[i];
    const key = w ? `engineWarnings.${w.code}` : '';
    if (!w || !i18n.exists(key)) return { text: english, lang: 'en' };
    const params = Object.fromEntries(
      Object.entries(w.params).map(([k, v]) => [k, typeof v === 'number' ? fmt.number(v) : v]),
    );
    // Plurals through Intl.PluralRules (i18next's `count`): the number the sentence counts.
    const counted = [w.params.count, w.params.folds, w.params.periods].find(
      (v) => typeof v === 'number',
    );
    return {
      text: t(key, { ...params, ...(counted === undefined ? {} : { count: counted }) }),
      lang: undefined,
    };
  };
  return (
    <div className="notice notice--warn" role="note" data-testid="warnings">
      <strong>{t('common.warnings')}</strong>
      <ul className="warnings">
        {items.map((english, i) => {
          const w = text(english, i);
          return (
            <li key={english} lang={w.lang}>
              {w.text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * "Seed N · M runs": what a reader needs to reproduce a stochastic result, and "draw again"
 * for a new seed on purpose (the same inputs otherwise give the same numbers).
 */
export function SeedUsed({
  seed,
  runs,
  onDrawAgain,
}: {
  seed: number;
  runs: number;
  onDrawAgain?: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <p className="field__hint" data-testid="seed-used">
      {t('common.seedUsed', { seed, runs: fmt.integer(runs) })}
      {onDrawAgain && (
        <>
          {' '}
          <button type="button" className="btn btn--small" onClick={onDrawAgain}>
            {t('common.drawAgain')}
          </button>
        </>
      )}
    </p>
  );
}
