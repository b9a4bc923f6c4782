/**
 * The current team's flow metrics for the page's settings (as of, window, type), shared by
 * the four flow pages. The settings live in the URL query, so a link or a reload shows the
 * same window; "auto" is the window the team's own history calibrates best.
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
import { useTeams, type Team } from '../../lib/team-store';
import { runInWorker } from '../../runner/runner';

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

export function settingsQuery(s: FlowSettings): Record<string, string> {
  const q: Record<string, string> = {};
  if (s.window !== 'auto') q.w = String(s.window);
  if (s.asOf) q.asOf = s.asOf;
  if (s.window === 'range') {
    if (s.from) q.from = s.from;
    if (s.to) q.to = s.to;
  }
  if (s.type) q.type = s.type;
  return q;
}

export interface FlowView {
  team: Team | null;
  loaded: boolean;
  settings: FlowSettings;
  setSettings: (next: Partial<FlowSettings>) => void;
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

/** The same numbers from the `flow` kind in the Web Worker (the registry's engine call). */
async function computeInWorker(
  items: readonly FlowItemInput[],
  settings: FlowSettings,
  signal: AbortSignal,
): Promise<Computed> {
  const input = { items, ...baseOptions(settings), window: windowInput(settings) };
  const result = (await runInWorker('flow', input, { signal })) as FlowResult;
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
  const [settings, setState] = useState<FlowSettings>(() => ({
    asOf: query.get('asOf') ?? '',
    window: parseWindow(query.get('w')),
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    type: query.get('type') ?? '',
  }));
  const setSettings = (next: Partial<FlowSettings>) => {
    const merged = { ...settings, ...next };
    setState(merged);
    replaceQuery(path, settingsQuery(merged));
  };

  const inWorker = team !== null && team.items.length > WORKER_THRESHOLD;
  // Prepared once per team: switching window or day re-uses the records.
  const prepared = useMemo(
    () => (team && !inWorker ? prepareFlowItems(team.items) : null),
    [team, inWorker],
  );
  const here = useMemo(
    () => (prepared ? computeHere(prepared, settings) : null),
    [prepared, settings],
  );
  const [remote, setRemote] = useState<Computed | null>(null);
  useEffect(() => {
    if (!team || !inWorker) return;
    const abort = new AbortController();
    computeInWorker(team.items, settings, abort.signal).then(
      (r) => {
        if (!abort.signal.aborted) setRemote(r);
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setRemote({ ...NOTHING, error: (err as Error).message });
      },
    );
    return () => abort.abort();
  }, [team, inWorker, settings]);
  const computed = (inWorker ? remote : here) ?? NOTHING;

  return { team, loaded, settings, setSettings, ...computed };
}
