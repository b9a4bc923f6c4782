/**
 * The weeks of a team's throughput a forecast samples from, for the team's window setting:
 * the window its own history calibrates best (`auto`), the last N weeks, all of it, or a date
 * range. The note that comes with them travels in the request (`historyWindow`), so a saved
 * forecast or a share link shows the same window again.
 */
import {
  addDays,
  chooseHistoryWindow,
  flowMetrics,
  lastWeeksRange,
  type HistoryWindowNote,
  type HistoryWindowResult,
} from '@flow-forecaster/engine';
import type { Team, TeamWindow } from '../../lib/team-store';

const DAY_MS = 86_400_000;

export interface TeamWeeks {
  /** Every week of the team, oldest first, with its Monday when the history has dates. */
  weekly: number[];
  weekStarts: string[] | null;
  recommended: HistoryWindowResult;
  /** Days between the newest completion and today (null for pasted weeks). */
  staleDays: number | null;
  /** The day the weeks run up to (the newest date of the items); null for pasted weeks. */
  asOf: string | null;
}

export function teamWeeks(team: Team, today = new Date()): TeamWeeks | null {
  if (team.items.length === 0) {
    if (team.throughput.length === 0) return null;
    return {
      weekly: team.throughput,
      weekStarts: null,
      recommended: chooseHistoryWindow(team.throughput),
      staleDays: null,
      asOf: null,
    };
  }
  const m = flowMetrics(team.items, { window: 'all' });
  if (m.throughput.weekly.length === 0) return null;
  const weekly = m.throughput.weekly.map((w) => w.count);
  const last = m.stale.lastDone;
  const utcToday = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return {
    weekly,
    weekStarts: m.throughput.weekly.map((w) => w.weekStart),
    recommended: chooseHistoryWindow(weekly),
    staleDays:
      last === null ? null : Math.round((utcToday - Date.parse(`${last}T00:00:00Z`)) / DAY_MS),
    asOf: m.asOf,
  };
}

/** The window to use: a date range needs dates, so pasted weeks fall back to the choice. */
export function effectiveWindow(weeks: TeamWeeks, window: TeamWindow | undefined): TeamWindow {
  const w = window ?? 'auto';
  return typeof w === 'object' && 'from' in w && weeks.weekStarts === null ? 'auto' : w;
}

/**
 * The weeks taken and the note describing them. A date range takes the weeks (Monday to
 * Sunday) that overlap it; `whole` (backtest, process behaviour) always takes every week.
 */
export function pickWeeks(
  weeks: TeamWeeks,
  window: TeamWindow | undefined,
  teamName: string,
  whole = false,
): { used: number[]; note: HistoryWindowNote } {
  const w: TeamWindow = whole ? 'all' : effectiveWindow(weeks, window);
  const n = weeks.weekly.length;
  let start = 0;
  let end = n;
  let noteWindow: HistoryWindowNote['window'];
  let auto = false;
  if (w === 'auto') {
    auto = true;
    const rec = weeks.recommended.window;
    noteWindow = rec === 'all' ? 'all' : { weeks: rec };
    if (rec !== 'all') start = Math.max(0, n - rec);
  } else if (w === 'all') {
    noteWindow = 'all';
  } else if ('weeks' in w) {
    noteWindow = { weeks: w.weeks };
    start = Math.max(0, n - w.weeks);
  } else {
    noteWindow = { from: w.from, to: w.to };
    const starts = weeks.weekStarts ?? [];
    const firstMonday = addDays(w.from, -6);
    start = starts.findIndex((s) => s > firstMonday);
    if (start < 0) start = n;
    end = start;
    while (end < n && starts[end] <= w.to) end++;
  }
  const used = weeks.weekly.slice(start, end);
  const note: HistoryWindowNote = { team: teamName, window: noteWindow, weeks: used.length };
  if (auto) {
    note.auto = true;
    note.reason = weeks.recommended.reason;
  }
  if (weeks.weekStarts && weeks.asOf && used.length > 0) {
    Object.assign(note, weeksSpan(weeks.weekStarts, start, end, weeks.asOf, noteWindow));
  }
  return { used, note };
}

/**
 * The dates of the weeks taken, as the flow pages show the same window: "the last N weeks"
 * from the engine's `lastWeeksRange` (whole weeks from Monday, the newest ending on the day
 * the items run up to), other windows from their first Monday, never past that day.
 */
function weeksSpan(
  starts: string[],
  start: number,
  end: number,
  asOf: string,
  window: HistoryWindowNote['window'],
): { from: string; to: string } {
  const lastDay = addDays(starts[end - 1], 6);
  const to = lastDay < asOf ? lastDay : asOf;
  if (typeof window === 'object' && 'weeks' in window && end === starts.length) {
    const range = lastWeeksRange(asOf, window.weeks);
    return { from: range.from > starts[start] ? range.from : starts[start], to: range.to };
  }
  return { from: starts[start], to };
}
