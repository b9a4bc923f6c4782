/**
 * The current team's flow metrics for the page's settings (as of, window, type), shared by
 * the four flow pages. The window is the team's setting, the one the forecast pages sample
 * from ("auto": the window its own history calibrates best), and changing it here changes it
 * there; a `w` in the URL (with `from`/`to` for a range) overrides it for that link. As of and
 * type live in the URL query, so a link or a reload shows the same view.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  flowMetricsAndWindow,
  prepareFlowItems,
  type FlowItemInput,
  type FlowMetricsResult,
  type FlowResult,
  type FlowWindowInput,
  type PreparedFlowItems,
  type HistoryWindowResult,
} from '@flow-forecaster/engine';
import { replaceQuery, useLocation } from '../../lib/router';
import { updateTeam, useTeams, type Team, type TeamWindow } from '../../lib/team-store';
import { runFlowInWorker } from '../../runner/flow-worker';

export type WindowChoice = 'auto' | 'all' | 'range' | number;

export interface FlowSettings {
  asOf: string;
  window: WindowChoice;
  from: string;
  to: string;
  type: string;
}

export const WINDOW_WEEKS = [8, 12, 26] as const;

function parseWindow(raw: string | null): WindowChoice {
  if (raw === 'all' || raw === 'range') return raw;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 520 ? n : 'auto';
}

type WindowPart = Pick<FlowSettings, 'window' | 'from' | 'to'>;

/** The URL query of the settings; the window only when it overrides the team's. */
export function settingsQuery(
  s: Omit<FlowSettings, 'window'> & { window: WindowChoice | null },
): Record<string, string> {
  const q: Record<string, string> = {};
  if (s.window !== null) q.w = String(s.window);
  if (s.asOf) q.asOf = s.asOf;
  if (s.window === 'range') {
    if (s.from) q.from = s.from;
    if (s.to) q.to = s.to;
  }
  if (s.type) q.type = s.type;
  return q;
}

export function windowOfTeam(w: TeamWindow | undefined): WindowPart {
  if (w === undefined || w === 'auto' || w === 'all')
    return { window: w ?? 'auto', from: '', to: '' };
  if ('weeks' in w) return { window: w.weeks, from: '', to: '' };
  return { window: 'range', from: w.from, to: w.to };
}

/** The team setting for a window; null for a range not yet complete (it stays in the URL). */
export function teamWindowOf(p: WindowPart): TeamWindow | null {
  if (p.window === 'range') {
    return p.from && p.to && p.from <= p.to ? { from: p.from, to: p.to } : null;
  }
  return typeof p.window === 'number' ? { weeks: p.window } : p.window;
}

export interface FlowView {
  team: Team | null;
  loaded: boolean;
  settings: FlowSettings;
  setSettings: (next: Partial<FlowSettings>) => void;
  /** The query the flow pages' links carry: as of, type, and a window overriding the team's. */
  query: Record<string, string>;
  /** The window the team's history recommends, and why. */
  recommended: HistoryWindowResult | null;
  metrics: FlowMetricsResult | null;
  error: string | null;
}

/** Above this many items the metrics run in the engine's Web Worker: the page stays responsive. */
export const WORKER_THRESHOLD = 5_000;

type Computed = Pick<FlowView, 'recommended' | 'metrics' | 'error'>;
const NOTHING: Computed = { recommended: null, metrics: null, error: null };

function baseOptions(s: FlowSettings) {
  return {
    ...(s.asOf ? { asOf: s.asOf } : {}),
    ...(s.type ? { types: [s.type] } : {}),
  };
}

function windowInput(s: FlowSettings): FlowWindowInput {
  if (s.window === 'auto' || s.window === 'all') return s.window;
  if (s.window === 'range') return rangeOf(s);
  return { weeks: s.window };
}

/** One pass: the recommendation does not depend on the window, and `auto` is resolved in it. */
function computeHere(prepared: PreparedFlowItems, settings: FlowSettings): Computed {
  if (prepared.records.length === 0) return NOTHING;
  try {
    const { metrics, historyWindow } = flowMetricsAndWindow(
      prepared.records,
      { ...baseOptions(settings), window: windowInput(settings) },
      prepared,
    );
    return { recommended: historyWindow, metrics, error: null };
  } catch (err) {
    return { ...NOTHING, error: (err as Error).message };
  }
}

/**
 * The same numbers from the `flow` kind in the Web Worker (the registry's engine call), which
 * keeps the team's items: a settings change sends only the settings.
 */
async function computeInWorker(
  items: readonly FlowItemInput[],
  settings: FlowSettings,
  signal: AbortSignal,
): Promise<Computed> {
  const options = { ...baseOptions(settings), window: windowInput(settings) };
  const result = (await runFlowInWorker(items, options, signal)) as FlowResult;
  return { recommended: result.historyWindow, metrics: result, error: null };
}

function rangeOf(s: FlowSettings): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (s.from) range.from = s.from;
  if (s.to) range.to = s.to;
  return range;
}

export function useFlow(path: string): FlowView {
  const { current: team, loaded } = useTeams();
  const query = useLocation().query;
  const [local, setLocal] = useState(() => ({
    asOf: query.get('asOf') ?? '',
    type: query.get('type') ?? '',
  }));
  // A window in the link overrides the team's; a window changed here becomes the team's.
  const [override, setOverride] = useState<WindowPart | null>(() =>
    query.has('w')
      ? {
          window: parseWindow(query.get('w')),
          from: query.get('from') ?? '',
          to: query.get('to') ?? '',
        }
      : null,
  );
  const part = override ?? windowOfTeam(team?.settings?.window);
  const { asOf, type } = local;
  const { window, from, to } = part;
  // One object per distinct view, so a team saved with the same window computes nothing again.
  const settings = useMemo(
    () => ({ asOf, type, window, from, to }),
    [asOf, type, window, from, to],
  );
  const linkQuery = settingsQuery({ ...settings, ...(override ?? { window: null }) });
  const setSettings = (next: Partial<FlowSettings>) => {
    const merged = { ...settings, ...next };
    setLocal({ asOf: merged.asOf, type: merged.type });
    let nextOverride = override;
    if ('window' in next || 'from' in next || 'to' in next) {
      const wanted: WindowPart = { window: merged.window, from: merged.from, to: merged.to };
      const saved = team ? teamWindowOf(wanted) : null;
      nextOverride = saved ? null : wanted;
      // Shown at once; the team's copy takes over once saved, with the same numbers.
      setOverride(wanted);
      if (team && saved) {
        void updateTeam(team.id, { settings: { ...team.settings, window: saved } }).finally(() =>
          setOverride((o) => (o === wanted ? null : o)),
        );
      }
    }
    replaceQuery(path, settingsQuery({ ...merged, ...(nextOverride ?? { window: null }) }));
  };

  const inWorker = team !== null && team.items.length > WORKER_THRESHOLD;
  // Prepared once per team: switching window or day re-uses the records.
  const items = team?.items ?? null;
  const prepared = useMemo(
    () => (items && !inWorker ? prepareFlowItems(items) : null),
    [items, inWorker],
  );
  const here = useMemo(
    () => (prepared ? computeHere(prepared, settings) : null),
    [prepared, settings],
  );
  const [remote, setRemote] = useState<Computed | null>(null);
  useEffect(() => {
    if (!items || !inWorker) return;
    const abort = new AbortController();
    computeInWorker(items, settings, abort.signal).then(
      (r) => {
        if (!abort.signal.aborted) setRemote(r);
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setRemote({ ...NOTHING, error: (err as Error).message });
      },
    );
    return () => abort.abort();
  }, [items, inWorker, settings]);
  const computed = (inWorker ? remote : here) ?? NOTHING;

  return { team, loaded, settings, setSettings, query: linkQuery, ...computed };
}
