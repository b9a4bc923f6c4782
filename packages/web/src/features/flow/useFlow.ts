/**
 * The current team's flow metrics for the page's settings (as of, window, type), shared by
 * the four flow pages. The settings live in the URL query, so a link or a reload shows the
 * same window; "auto" is the window the team's own history calibrates best.
 */
import { useMemo, useState } from 'react';
import {
  chooseHistoryWindow,
  flowMetricsOfRecords,
  prepareFlowItems,
  type FlowMetricsResult,
  type FlowWindowInput,
  type HistoryWindowResult,
} from '@flow-forecaster/engine';
import { replaceQuery, useLocation } from '../../app/router';
import { useTeams, type Team } from '../../lib/team-store';

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

function resolveWindow(choice: WindowChoice, s: FlowSettings, rec: HistoryWindowResult) {
  const w = choice === 'auto' ? rec.window : choice;
  if (w === 'all') return 'all' as const;
  if (w === 'range') {
    const range: { from?: string; to?: string } = {};
    if (s.from) range.from = s.from;
    if (s.to) range.to = s.to;
    return range;
  }
  return { weeks: w };
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

  // Prepared once per team: switching window or day re-uses the records.
  const prepared = useMemo(() => (team ? prepareFlowItems(team.items) : null), [team]);

  const computed = useMemo((): Pick<FlowView, 'recommended' | 'metrics' | 'error'> => {
    if (!prepared || prepared.records.length === 0) {
      return { recommended: null, metrics: null, error: null };
    }
    try {
      const base = {
        ...(settings.asOf ? { asOf: settings.asOf } : {}),
        ...(settings.type ? { types: [settings.type] } : {}),
      };
      const all = flowMetricsOfRecords(prepared.records, { ...base, window: 'all' }, prepared);
      const recommended = chooseHistoryWindow(all.throughput.weekly.map((w) => w.count));
      const window: FlowWindowInput = resolveWindow(settings.window, settings, recommended);
      const metrics =
        window === 'all'
          ? all
          : flowMetricsOfRecords(prepared.records, { ...base, window }, prepared);
      return { recommended, metrics, error: null };
    } catch (err) {
      return { recommended: null, metrics: null, error: (err as Error).message };
    }
  }, [prepared, settings]);

  return { team, loaded, settings, setSettings, ...computed };
}
