/**
 * A calendar's days off on a chart whose x axis counts weeks of work (the When page's
 * burn-down): a week of work is the calendar's working weekdays, so a day off sits where the
 * work stops for it — after the working days done before it — and is one working day wide.
 */
import { epochDay, isoOfEpochDay, isoWeekday, type CalendarSummary } from '@flow-forecaster/engine';

export interface WorkWeekDayOff {
  /** Weeks of work done before the day off. */
  week: number;
  /** One working day, in weeks of work. */
  width: number;
  date: string;
  reason: string;
}

export function daysOffOnWorkWeeks(calendar: CalendarSummary, startIso: string): WorkWeekDayOff[] {
  const weekdays = new Set(calendar.workingDays);
  const perWeek = weekdays.size;
  if (perWeek === 0) return [];
  const off = new Set(calendar.daysOff.map((d) => d.date));
  const start = epochDay(startIso);
  const out: WorkWeekDayOff[] = [];
  let worked = 0;
  let day = start;
  for (const d of [...calendar.daysOff].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const at = epochDay(d.date);
    if (at < start) continue;
    // Working days between the previous day off and this one.
    for (; day < at; day++) {
      if (weekdays.has(isoWeekday(day)) && !off.has(isoOfEpochDay(day))) worked++;
    }
    out.push({ week: worked / perWeek, width: 1 / perWeek, date: d.date, reason: d.reason });
  }
  return out;
}
