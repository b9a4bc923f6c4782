import { useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PortfolioFeatureResult, PortfolioResult } from '@flow-forecaster/engine';
import { ChartFrame } from '../../components/ChartFrame';
import { TableWrap } from '../../components/TableWrap';
import { StaleReason } from '../../components/stale';
import { useFormat, type Formatter } from '../../i18n/format';
import { CurrencyField, TextField, DateField } from '../shared/Inputs';
import { defaultCurrency } from '../../i18n/languages';
import { Kpi, PageLayout, SeedUsed, Warnings } from '../shared/PageLayout';
import { RunFooter } from '../shared/RunFooter';
import { csvOf, PageResultActions } from '../shared/ResultCsv';
import { useForecastPage } from '../shared/useForecastPage';
import { CalendarNote, CalendarSection } from '../shared/CalendarSection';
import { defaultCountry, initialCalendar } from '../shared/calendar';
import { FeaturesEditor, TeamsEditor } from './Editors';
import { TeamShares } from './TeamShares';
import { Timeline } from './Timeline';
import { SavedLocally } from './SavedLocally';
import { StaleNotice } from './StaleNotice';
import { DependencyGraph } from './DependencyGraph';
import type { SavedPortfolio } from './saved';
import {
  exampleForm,
  initialForm,
  onlyReordered,
  reorder,
  toBody,
  type ExampleNames,
  type PortfolioForm,
} from './form';
import { TableHead } from '../shared/TableHead';

function When({
  iso,
  testId,
  fmt,
}: {
  iso: string | null | undefined;
  testId: string;
  fmt: Formatter;
}) {
  return iso ? (
    <time dateTime={iso} data-testid={testId}>
      {fmt.shortDate(iso)}
    </time>
  ) : (
    <span data-testid={testId}>—</span>
  );
}

/** The portfolio's P85 date: the latest feature's (null when one is beyond the cap). */
function lastP85(features: readonly PortfolioFeatureResult[]): string | null {
  let last: string | null = null;
  for (const f of features) {
    const d = f.completionDates?.p85;
    if (d === null || d === undefined) return null;
    if (last === null || d > last) last = d;
  }
  return last;
}

function Status({ f }: { f: PortfolioFeatureResult }) {
  const { t } = useTranslation();
  if (f.inCutLine === null) return <span data-status="none">{t('portfolio.noTarget')}</span>;
  return f.inCutLine ? (
    <strong className="good" data-status="in">
      {t('portfolio.in')}
    </strong>
  ) : (
    <strong className="bad" data-status="out">
      {t('portfolio.out')}
    </strong>
  );
}

type Page = ReturnType<typeof useForecastPage<PortfolioForm, PortfolioResult>>;

function exampleNames(t: TFunction): ExampleNames {
  return {
    payments: t('portfolio.exPayments'),
    platform: t('portfolio.exPlatform'),
    checkout: t('portfolio.exCheckout'),
    search: t('portfolio.exSearch'),
    reports: t('portfolio.exReports'),
    export: t('portfolio.exExport'),
    auditLog: t('portfolio.exAuditLog'),
    darkMode: t('portfolio.exDarkMode'),
  };
}

export default function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language || 'en';
  const initial = useMemo(
    () => ({
      // The example's names in the reader's language, so no English sits in a pt-BR page.
      ...exampleForm(initialForm.startDate, exampleNames(t)),
      country: defaultCountry(language),
      currency: defaultCurrency(language),
    }),
    [language, t],
  );
  const page = useForecastPage<PortfolioForm, PortfolioResult>({
    kind: 'portfolio',
    idPrefix: 'pf',
    initial,
    toBody,
  });
  const runs = usePortfolioRuns(page, language);
  return (
    <PageLayout
      id="pf"
      title={t('portfolio.title')}
      lead={t('portfolio.lead')}
      onSubmit={page.onSubmit}
      stacked
      form={<PortfolioInputs page={page} runs={runs} />}
      results={runs.r && <PortfolioResults page={page} r={runs.r} stale={runs.stale} />}
    />
  );
}

/**
 * The result on screen and what reruns it: the last result is kept (marked stale) while a
 * rerun computes or the form has an error; "Rerun as I edit"; and opening a saved portfolio.
 */
function usePortfolioRuns(page: Page, language: string) {
  const latest = page.result;
  // The form a result was computed from; any edit after it makes the result stale. The last
  // result stays on screen (marked stale) while a rerun computes or the form has an error, and
  // its seed is kept, so a rerun differs by the edit and not by noise.
  const formNow = useRef(page.form);
  formNow.current = page.form;
  const seedNow = useRef(page.seed);
  seedNow.current = page.seed;
  const { setSeed } = page;
  const [ranWith, setRanWith] = useState<string | null>(null);
  const [kept, setKept] = useState<PortfolioResult | null>(null);
  useEffect(() => {
    if (!latest) return;
    setKept(latest);
    setRanWith(JSON.stringify(formNow.current));
    if (seedNow.current === undefined) setSeed(latest.seed);
  }, [latest, setSeed]);
  const r = latest ?? kept;
  const formKey = JSON.stringify(page.form);
  const stale = r !== null && ranWith !== null && ranWith !== formKey;

  // "Rerun as I edit": each edit reruns in the worker, shortly after the typing stops.
  const [auto, setAuto] = useState(false);
  const submitNow = useRef(page.onSubmit);
  submitNow.current = page.onSubmit;
  // A reorder (buttons, keyboard, drop) reruns at once: there is no more typing to wait for.
  useEffect(() => {
    if (!auto || ranWith === null || formKey === ranWith) return;
    const wait = onlyReordered(JSON.parse(ranWith) as PortfolioForm, formNow.current) ? 0 : 300;
    const id = setTimeout(() => submitNow.current({ preventDefault() {} }), wait);
    return () => clearTimeout(id);
  }, [auto, formKey, ranWith]);

  // Opening a portfolio saved in this browser: its form and seed replace the page's, then it
  // runs once the page holds them (the submit reads the form of the render it belongs to).
  const opening = useRef<string | null>(null);
  const [opened, setOpened] = useState(0);
  const { setForm } = page;
  const openSaved = (saved: SavedPortfolio) => {
    // Portfolios saved before calendars existed have no calendar fields: off, as they ran.
    // No currency in portfolios saved before it was asked: USD, the engine's default they ran with.
    const stored: Partial<PortfolioForm> = saved.form;
    const form = {
      ...initialCalendar(language),
      ...saved.form,
      currency: stored.currency ?? 'USD',
    };
    opening.current = JSON.stringify(form);
    setForm(form);
    setSeed(saved.seed ?? undefined);
    // Counted, so reopening the portfolio already on screen still runs it.
    setOpened((n) => n + 1);
  };
  useEffect(() => {
    if (opening.current !== null && opening.current === formKey) {
      opening.current = null;
      submitNow.current({ preventDefault() {} });
    }
  }, [formKey, page.seed, opened]);

  return { r, stale, auto, setAuto, openSaved };
}

function PortfolioInputs({
  page,
  runs,
}: {
  page: Page;
  runs: ReturnType<typeof usePortfolioRuns>;
}) {
  const { t } = useTranslation();
  const { r, auto, setAuto, openSaved } = runs;
  const teamNames = page.form.teams.map((team) => team.name.trim()).filter((n) => n !== '');
  return (
    <>
      <TeamsEditor
        teams={page.form.teams}
        errors={page.errors}
        onChange={(teams) => page.update('teams', teams)}
      />
      <FeaturesEditor
        features={page.form.features}
        teamNames={teamNames}
        errors={page.errors}
        onChange={(features) => page.update('features', features)}
      />
      <DependencyGraph features={page.form.features} result={r} />
      <div className="row">
        <DateField page={page} name="startDate" label={t('portfolio.startDate')} />
        <DateField page={page} name="targetDate" label={t('portfolio.portfolioTarget')} />
        <TextField
          page={page}
          name="confidence"
          label={t('portfolio.confidence')}
          inputMode="numeric"
        />
        <CurrencyField page={page} label={t('portfolio.currency')} />
      </div>
      <CalendarSection form={page.form} update={page.update} errors={page.errors} id={page.id} />
      <label className="checkbox">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />{' '}
        {t('portfolio.auto')}
      </label>
      <RunFooter page={page} label={t('portfolio.run')} />
      <SavedLocally form={page.form} seed={page.seed ?? r?.seed ?? null} onOpen={openSaved} />
    </>
  );
}

/** Where the cut line falls: the first feature out, and the row the line is drawn above. */
function cutLine(r: PortfolioResult) {
  const firstOut = r.features.findIndex((f) => f.inCutLine === false);
  // One line splits the list only when every feature below it is out too; when a later feature
  // still makes its own date, a line would say the opposite of its In mark, so none is drawn.
  const lineAt =
    firstOut >= 0 && !r.features.slice(firstOut).some((f) => f.inCutLine === true) ? firstOut : -1;
  return { firstOut, lineAt };
}

function PortfolioResults({ page, r, stale }: { page: Page; r: PortfolioResult; stale: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const confidence = fmt.percent(r.confidence);
  const { firstOut, lineAt } = cutLine(r);
  const targeted = r.features.filter((f) => f.inCutLine !== null);
  const cod = r.costOfDelay;
  return (
    <div
      data-testid="pf-results"
      data-stale={stale ? 'true' : 'false'}
      style={stale ? { opacity: 0.6 } : undefined}
    >
      {stale && <StaleNotice errors={page.errors} form={page.form} />}
      {/* A stale result's downloads, share, print and save are off, with the reason. */}
      <StaleReason.Provider value={stale ? t('common.stale') : null}>
        <p className="headline" data-testid="pf-in-count">
          {t('portfolio.inCount', {
            count: targeted.filter((f) => f.inCutLine === true).length,
            total: targeted.length,
          })}
        </p>
        <div className="kpis">
          {r.allOnTime !== null && (
            <Kpi label={t('portfolio.allOnTime')} value={fmt.chance(r.allOnTime)} strong />
          )}
          {/* Without a portfolio target every target is a feature's own: the same number. */}
          {r.allOwnTargetsOnTime !== null && r.targetDate !== null && (
            <Kpi label={t('portfolio.allOwnOnTime')} value={fmt.chance(r.allOwnTargetsOnTime)} />
          )}
        </div>
        <ChartFrame
          title={t('portfolio.timelineTitle')}
          filename="portfolio-timeline"
          description={t('portfolio.timeline')}
        >
          <Timeline result={r} />
        </ChartFrame>
        <p className="field__hint">
          {t(firstOut >= 0 && lineAt < 0 ? 'portfolio.mixedHint' : 'portfolio.cutLineHint', {
            confidence,
          })}
        </p>
        <CutLineTable r={r} lineAt={lineAt} />
        {lineAt >= 0 && (
          <p className="field__hint" data-testid="pf-cut-line">
            — {t('portfolio.cutLine', { confidence })}: {r.features[lineAt].name} —
          </p>
        )}
        {firstOut >= 0 && lineAt < 0 && (
          <p className="field__hint" data-testid="pf-cut-line">
            {t('portfolio.noSingleLine', { confidence, name: r.features[firstOut].name })}
          </p>
        )}
        {cod && (
          <Cd3Section
            cod={cod}
            onApply={() => page.update('features', reorder(page.form.features, cod.suggestedOrder))}
          />
        )}
        <TeamsResultTable r={r} />
        {r.teams.map((team) => (
          <TeamShares key={team.name} team={team} />
        ))}
        <CalendarNote calendar={r.calendar} p85Date={lastP85(r.features)} />
        <SeedUsed seed={r.seed} runs={r.numberOfSimulations} onDrawAgain={page.drawAgain} />
        <Warnings items={r.warnings} codes={r.warningCodes} />
        <PortfolioActions page={page} r={r} />
      </StaleReason.Provider>
    </div>
  );
}

function useMoney(r: PortfolioResult) {
  const fmt = useFormat();
  return (v: number | null) => (v === null ? '—' : fmt.money(v, r.costOfDelay?.currency ?? 'USD'));
}

function CutLineTable({ r, lineAt }: { r: PortfolioResult; lineAt: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const confidence = fmt.percent(r.confidence);
  const cod = r.costOfDelay;
  const money = useMoney(r);
  return (
    <TableWrap label={t('portfolio.cutLine', { confidence })}>
      <table data-testid="pf-cut-table">
        <caption>{t('portfolio.cutLine', { confidence })}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col" className="sticky-col">
              {t('portfolio.feature')}
            </th>
            <th scope="col">{t('portfolio.targetDate')}</th>
            <th scope="col">P50</th>
            <th scope="col">P85</th>
            <th scope="col">P95</th>
            <th scope="col">{t('portfolio.probability')}</th>
            {r.targetDate && <th scope="col">{t('portfolio.byPortfolioTarget')}</th>}
            <th scope="col">{t('portfolio.status')}</th>
            <th scope="col">{t('portfolio.latestStart')}</th>
            {cod && <th scope="col">{t('portfolio.delayCost')}</th>}
          </tr>
        </thead>
        <tbody>
          {r.features.map((f, i) => (
            <tr
              key={f.name}
              data-testid={`pf-result-${i}`}
              data-feature={f.name}
              style={i === lineAt ? { borderTop: '3px solid var(--bad, #b3261e)' } : undefined}
            >
              <td>{i + 1}</td>
              <th scope="row" className="sticky-col">
                {f.name}
              </th>
              <td>
                <When iso={f.targetDate} testId={`pf-target-${i}`} fmt={fmt} />
              </td>
              <td>
                <When iso={f.completionDates?.p50} testId={`pf-p50-${i}`} fmt={fmt} />
              </td>
              <td>
                <When iso={f.completionDates?.p85} testId={`pf-p85-${i}`} fmt={fmt} />
              </td>
              <td>
                <When iso={f.completionDates?.p95} testId={`pf-p95-${i}`} fmt={fmt} />
              </td>
              <td data-testid={`pf-prob-${i}`}>
                {f.probabilityByTarget === null ? '—' : fmt.chance(f.probabilityByTarget)}
              </td>
              {r.targetDate && (
                <td data-testid={`pf-prob-portfolio-${i}`}>
                  {f.probabilityByPortfolioTarget === null
                    ? '—'
                    : fmt.chance(f.probabilityByPortfolioTarget)}
                </td>
              )}
              <td data-testid={`pf-status-${i}`}>
                <Status f={f} />
              </td>
              <td>
                <When iso={f.latestStart} testId={`pf-latest-${i}`} fmt={fmt} />
              </td>
              {cod && <td>{money(f.expectedDelayCost)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

type CostOfDelay = NonNullable<PortfolioResult['costOfDelay']>;

/** The CD3 order (cost of delay divided by duration) with a button that applies it. */
function Cd3Section({ cod, onApply }: { cod: CostOfDelay; onApply: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = (v: number | null) => (v === null ? '—' : fmt.money(v, cod.currency ?? 'USD'));
  return (
    <section aria-labelledby="pf-cd3-title">
      <h3 id="pf-cd3-title">{t('portfolio.cd3')}</h3>
      <ol data-testid="pf-cd3-order">
        {cod.suggestedOrder.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ol>
      <p>
        {t('portfolio.cd3Totals', {
          current: money(cod.totalExpectedDelayCost),
          suggested: money(cod.suggestedTotalExpectedDelayCost),
        })}
      </p>
      <button type="button" className="btn" onClick={onApply}>
        {t('portfolio.applyOrder')}
      </button>
    </section>
  );
}

function TeamsResultTable({ r }: { r: PortfolioResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <TableWrap label={t('portfolio.teamsResult')}>
      <table data-testid="pf-teams-result">
        <caption>{t('portfolio.teamsResult')}</caption>
        <TableHead columns={[t('portfolio.team'), 'P50', 'P85', 'P95']} />
        <tbody>
          {r.teams.map((team, i) => (
            <tr key={team.name}>
              <th scope="row">{team.name}</th>
              <td>
                <When iso={team.lastCompletionDates?.p50} testId={`pf-team-p50-${i}`} fmt={fmt} />
              </td>
              <td>
                <When iso={team.lastCompletionDates?.p85} testId={`pf-team-p85-${i}`} fmt={fmt} />
              </td>
              <td>
                <When iso={team.lastCompletionDates?.p95} testId={`pf-team-p95-${i}`} fmt={fmt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function PortfolioActions({ page, r }: { page: Page; r: PortfolioResult }) {
  const { t } = useTranslation();
  const dated = r.startDate ? ('date' as const) : ('weeks' as const);
  const at = (k: 'p50' | 'p85' | 'p95') => (f: PortfolioFeatureResult) =>
    r.startDate ? (f.completionDates?.[k] ?? null) : f.percentile_stats[k];
  const csv = csvOf(r.features, [
    [t('portfolio.feature'), 'text', (f) => f.name],
    [t('portfolio.targetDate'), 'date', (f) => f.targetDate],
    ['P50', dated, at('p50')],
    ['P85', dated, at('p85')],
    ['P95', dated, at('p95')],
    // As the screen: "> 99.9", not a 100.0 that reads as certainty.
    [
      t('csvExport.pct', { label: t('portfolio.probability') }),
      'chance',
      (f) => f.probabilityByTarget,
    ],
    [t('csvExport.inCutLine'), 'boolean', (f) => f.inCutLine],
  ]);
  return <PageResultActions kind="portfolio" page={page} result={r} csv={csv} />;
}
