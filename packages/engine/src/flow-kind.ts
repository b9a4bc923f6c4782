/**
 * `flow` as a forecast kind: one request (items + options) → every flow view at once, plus
 * the history window the team's own weekly throughput calibrates best. The API, the CLI and
 * the web read this one result, so a number cannot differ between them.
 */
import { prepareFlowItems, type FlowItemInput, type PreparedFlowItems } from './flow-items';
import {
  flowMetricsAndWindow,
  type FlowMetricsOptions,
  type FlowMetricsResult,
} from './flow-metrics';
import type { HistoryWindowResult } from './flow-window';
import {
  compileCalendar,
  isoOfEpochDay,
  summariseCalendar,
  type CalendarInput,
  type CalendarSummary,
} from './calendar';

export interface FlowInput extends FlowMetricsOptions {
  items: FlowItemInput[];
  /** Marks the throughput series' days off and short weeks; the metrics stay as they are. */
  calendar?: CalendarInput;
}

/** The throughput series on a calendar: what the run chart shades and the weeks it marks. */
export interface FlowCalendarDays {
  /** Holidays and blackout days on working weekdays within the weekly series, with why. */
  daysOff: { date: string; reason: string }[];
  /** ISO weekdays the team works (the others are shaded too). */
  workingDays: number[];
  /** Working days of each week of `throughput.weekly`. */
  weekWorkingDays: number[];
  /** Mondays of the weeks with fewer working days than usual. */
  shortWeeks: string[];
}

export interface FlowResult extends FlowMetricsResult {
  /** The window a forecast should sample from, chosen by walk-forward calibration. */
  historyWindow: HistoryWindowResult;
  /** The calendar named, with its days off; null without one. */
  calendar: CalendarSummary | null;
  calendarDays?: FlowCalendarDays;
}

export function flowCalendarDays(
  cal: CalendarInput,
  weekly: readonly { weekStart: string }[],
): { summary: CalendarSummary; days: FlowCalendarDays } | null {
  if (weekly.length === 0) return null;
  const c = compileCalendar(cal, weekly[0].weekStart, weekly.length * 7);
  const weekWorkingDays = weekly.map((_, w) => {
    let n = 0;
    for (let i = w * 7; i < w * 7 + 7; i++) n += c.working[i];
    return n;
  });
  const daysOff = [...c.reasons.entries()]
    .sort(([a], [b]) => a - b)
    .map(([i, reason]) => ({ date: isoOfEpochDay(c.start + i), reason }));
  const last = weekly[weekly.length - 1].weekStart;
  return {
    summary: summariseCalendar(cal, c, last),
    days: {
      daysOff,
      workingDays: [...(cal.workingDays ?? [1, 2, 3, 4, 5])],
      weekWorkingDays,
      shortWeeks: weekly.filter((_, w) => weekWorkingDays[w] < c.perWeek).map((w) => w.weekStart),
    },
  };
}

/** `prepared`: the items already read by `prepareFlowItems(input.items, input)`, if they were. */
export function flowAnalysis(input: FlowInput, prepared?: PreparedFlowItems): FlowResult {
  const { items, calendar, ...options } = input;
  prepared ??= prepareFlowItems(items, options);
  const { metrics, historyWindow } = flowMetricsAndWindow(prepared.records, options, prepared);
  const onCalendar =
    calendar === undefined ? null : flowCalendarDays(calendar, metrics.throughput.weekly);
  return {
    ...metrics,
    historyWindow,
    calendar: onCalendar?.summary ?? null,
    ...(onCalendar !== null ? { calendarDays: onCalendar.days } : {}),
  };
}
