import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowMetricsResult, HistoryWindowResult } from '@flow-forecaster/engine';
import { href } from '../../lib/router';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import type { Team } from '../../lib/team-store';
import { useFlow, WINDOW_WEEKS, type FlowSettings, type WindowChoice } from './useFlow';
import { SampleBadge } from './SampleBadge';
import { windowReason } from './text';
import './flow.css';

export const FLOW_PAGES = [
  { path: '/flow/cycle-time', key: 'cycleTime' },
  { path: '/flow/aging', key: 'aging' },
  { path: '/flow/throughput', key: 'throughput' },
  { path: '/flow/cfd', key: 'cfd' },
] as const;

type PageKey = (typeof FLOW_PAGES)[number]['key'];

const DAY_MS = 86_400_000;

function daysBeforeToday(iso: string): number {
  const today = new Date();
  const utcToday = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((utcToday - Date.parse(`${iso}T00:00:00Z`)) / DAY_MS);
}

function Controls({
  settings,
  setSettings,
  recommended,
  types,
}: {
  settings: FlowSettings;
  setSettings: (next: Partial<FlowSettings>) => void;
  recommended: HistoryWindowResult | null;
  types: string[];
}) {
  const { t } = useTranslation();
  const label = (w: WindowChoice) =>
    w === 'all'
      ? t('flow.controls.all')
      : typeof w === 'number'
        ? t('flow.controls.weeks', { count: w })
        : '';
  const auto = recommended ? label(recommended.window) : '';
  return (
    <div className="flow-controls">
      <Field id="flow-as-of" label={t('flow.controls.asOf')}>
        <input
          type="date"
          value={settings.asOf}
          onChange={(e) => setSettings({ asOf: e.target.value })}
        />
      </Field>
      <Field id="flow-window" label={t('flow.controls.window')}>
        <select
          value={String(settings.window)}
          onChange={(e) => {
            const v = e.target.value;
            setSettings({
              window: v === 'auto' || v === 'all' || v === 'range' ? v : Number(v),
            });
          }}
        >
          <option value="auto">{t('flow.controls.auto', { label: auto })}</option>
          {WINDOW_WEEKS.map((w) => (
            <option key={w} value={w}>
              {label(w)}
            </option>
          ))}
          <option value="all">{t('flow.controls.all')}</option>
          <option value="range">{t('flow.controls.range')}</option>
        </select>
      </Field>
      {settings.window === 'range' && (
        <>
          <Field id="flow-from" label={t('flow.controls.from')}>
            <input
              type="date"
              value={settings.from}
              onChange={(e) => setSettings({ from: e.target.value })}
            />
          </Field>
          <Field id="flow-to" label={t('flow.controls.to')}>
            <input
              type="date"
              value={settings.to}
              onChange={(e) => setSettings({ to: e.target.value })}
            />
          </Field>
        </>
      )}
      {types.length > 1 && (
        <Field id="flow-type" label={t('flow.controls.type')}>
          <select value={settings.type} onChange={(e) => setSettings({ type: e.target.value })}>
            <option value="">{t('flow.controls.allTypes')}</option>
            {types.map((ty) => (
              <option key={ty} value={ty}>
                {ty}
              </option>
            ))}
          </select>
        </Field>
      )}
    </div>
  );
}

/** Title, the four flow pages' tabs, the team and window controls, then the page's views. */
export function FlowLayout({
  page,
  children,
}: {
  page: PageKey;
  children: (metrics: FlowMetricsResult, team: Team) => ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const path = FLOW_PAGES.find((p) => p.key === page)?.path ?? '/flow/cycle-time';
  const view = useFlow(path);
  const { team, metrics, recommended, settings } = view;
  const { query } = view;
  let body: ReactNode;
  if (!view.loaded) body = <p className="page-loading">{t('common.loading')}</p>;
  else if (!team || (team.items.length === 0 && team.throughput.length === 0)) {
    body = (
      <p className="notice">
        {t('flow.needData')} <a href={href('/team')}>{t('flow.goToTeam')}</a>
      </p>
    );
  } else if (team.items.length === 0) {
    body = (
      <p className="notice">
        {t('flow.throughputOnly')} <a href={href('/team')}>{t('flow.goToTeam')}</a>
      </p>
    );
  } else if (view.error) {
    body = (
      <p className="notice notice--error" role="alert">
        {view.error}
      </p>
    );
  } else if (!metrics) {
    body = <p className="page-loading">{t('common.loading')}</p>;
  } else {
    const lastDone = metrics.stale.lastDone;
    const staleDays = lastDone ? daysBeforeToday(lastDone) : 0;
    body = (
      <>
        <Controls
          settings={settings}
          setSettings={view.setSettings}
          recommended={recommended}
          types={metrics.types}
        />
        <p className="flow-window" data-testid="flow-window">
          {t('flow.window.shown', {
            from: metrics.window.from ? fmt.shortDate(metrics.window.from) : t('flow.controls.all'),
            to: fmt.shortDate(metrics.window.to),
            n: fmt.integer(metrics.cycleTime.n),
          })}
        </p>
        {/* The reason is the recommended window's: shown only while that window is the one used. */}
        {recommended && settings.window === 'auto' && (
          <p className="flow-reason" data-testid="flow-window-reason">
            <strong>{t('flow.window.why')}:</strong>{' '}
            {windowReason(t, recommended, metrics.throughput.weekly.length)}
          </p>
        )}
        {lastDone && staleDays > 28 && (
          <p className="notice notice--warn" data-testid="flow-stale">
            {t('flow.stale', { date: fmt.shortDate(lastDone), days: fmt.integer(staleDays) })}
          </p>
        )}
        {children(metrics, team)}
      </>
    );
  }
  return (
    <div className="flow-page">
      <h1>{t(`flow.pages.${page}`)}</h1>
      <p className="lead">{t(`flow.leads.${page}`)}</p>
      <nav className="flow-tabs" aria-label={t('flow.nav.flow')}>
        <ul>
          {FLOW_PAGES.map((p) => (
            <li key={p.key}>
              <a href={href(p.path, query)} aria-current={p.key === page ? 'page' : undefined}>
                {t(`flow.pages.${p.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {team && (
        <p className="flow-team" data-testid="flow-team">
          {t('flow.team.current')}: <strong>{team.name}</strong> {team.sample && <SampleBadge />}{' '}
          <a href={href('/team')}>{t('flow.team.select')}</a>
        </p>
      )}
      {body}
    </div>
  );
}
