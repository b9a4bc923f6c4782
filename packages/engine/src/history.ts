/**
 * Work items from a tracker → the history the forecasts need: weekly throughput and lead times.
 *
 * - An item with a done date is done; without one but with a start date it is in progress;
 *   with neither it is not started (statuses are not read: dates are what every tracker has).
 * - Dates are parsed with `parseDateTime` (`dateFormat` if given, else ISO / Jira / day-first).
 *   The done *date* is the date as written for local values and the UTC date for values with a
 *   zone (`Z`, `+01:00`), so a Linear export (UTC) and a Jira export (local) of the same work
 *   give the same weeks.
 * - Weeks start on Monday. The range runs from the Monday on or before `from` (default the
 *   first done date) to the week holding `to` (default the last done date); weeks without a
 *   finished item count as 0. Done items outside [from, to] are counted in `outsideRange` and
 *   left out of throughput and lead times.
 * - Lead time = done − start in elapsed calendar days (weekends and nights included), with
 *   the fraction kept: 17 Feb 16:15 → 6 Mar 17:15 is 17.04 days. A date-only value is
 *   midnight. Items without a start, or whose start is after their done, get no lead time
 *   (counted and warned about). Lead times are listed in order of done date-time.
 * - A non-empty date that cannot be parsed makes the item invalid: it is counted, named in a
 *   warning (first few positions) and otherwise ignored.
 */
import { warning, warningFields, type EngineWarning } from './warnings';
import type { HistoryInput } from './inputs';
import { dateOfDateTime, dateTimeToMs, parseDateTime } from './date-time';
import { compileCalendar, summariseCalendar, type CalendarSummary } from './calendar';
import { EngineInputError } from './errors';

const DAY_MS = 86_400_000;

export interface HistoryCounts {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  invalid: number;
  /** Done items without a start date (no lead time). */
  doneWithoutStart: number;
  /** Done items whose start is after their done date-time (no lead time). */
  startAfterDone: number;
  /** Done items outside the requested range. */
  outsideRange: number;
}

export interface HistoryResult {
  /** Monday of each week, ISO date. */
  weekStarts: string[];
  /** Items finished in each week, zeros included: ready for `tpSamples`. */
  weeklyThroughput: number[];
  /** Days from start to done, fractional, in order of done: ready for `ltSamples`. */
  leadTimes: number[];
  counts: HistoryCounts;
  /** First and last day of the range actually used (Monday of the first week, Sunday of the last). */
  from: string | null;
  /** With a calendar: working days of each week of `weekStarts` (before any exclusion). */
  weekWorkingDays?: number[];
  /** With a calendar: the Mondays of the weeks with fewer working days than usual. */
  shortWeeks?: string[];
  /** With a calendar: items done on each working day of the range (days off left out). */
  dailyThroughput?: number[];
  /** With a calendar: the calendar named, with its days off within the range. */
  calendar?: CalendarSummary;
  to: string | null;
  warnings: string[];
  /** The same warnings as codes with parameters, in the same order. */
  warningCodes: EngineWarning[];
}

function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function isoOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Monday on or before an ISO date, as UTC midnight milliseconds. */
function mondayOf(iso: string): number {
  const ms = utcDay(iso);
  const dow = new Date(ms).getUTCDay(); // 0 = Sunday
  return ms - ((dow + 6) % 7) * DAY_MS;
}

function boundDate(
  value: string | undefined,
  field: 'from' | 'to',
  format?: string,
): string | null {
  if (value === undefined) return null;
  const parsed = parseDateTime(value, format) ?? parseDateTime(value);
  if (parsed === null) throw new EngineInputError(`${field} is not a date`, field);
  return dateOfDateTime(parsed);
}

interface DoneItem {
  date: string;
  ms: number;
  startMs: number | null;
  index: number;
}

/** Counts the items by state and returns the done ones; unreadable dates become a warning. */
function readDoneItems(
  input: HistoryInput,
  counts: HistoryCounts,
  warnings: EngineWarning[],
): DoneItem[] {
  const format = input.dateFormat;
  const invalidAt: number[] = [];
  const done: DoneItem[] = [];

  input.items.forEach((item, index) => {
    const hasDone = typeof item.done === 'string' && item.done.trim() !== '';
    const hasStart = typeof item.start === 'string' && item.start.trim() !== '';
    const doneAt = hasDone ? parseDateTime(item.done, format) : null;
    const startAt = hasStart ? parseDateTime(item.start, format) : null;
    if ((hasDone && doneAt === null) || (hasStart && startAt === null)) {
      counts.invalid++;
      invalidAt.push(index);
      return;
    }
    if (doneAt !== null) {
      counts.done++;
      done.push({
        date: dateOfDateTime(doneAt),
        ms: dateTimeToMs(doneAt),
        startMs: startAt !== null ? dateTimeToMs(startAt) : null,
        index,
      });
    } else if (startAt !== null) counts.inProgress++;
    else counts.notStarted++;
  });
  if (invalidAt.length > 0) {
    const shown = invalidAt.slice(0, 5).map((i) => i + 1);
    warnings.push(
      warning('unreadableDates', {
        count: invalidAt.length,
        items: shown.join(', ') + (invalidAt.length > 5 ? ', …' : ''),
      }),
    );
  }
  return done;
}

export function historyFromItems(input: HistoryInput): HistoryResult {
  const format = input.dateFormat;
  const counts: HistoryCounts = {
    total: input.items.length,
    done: 0,
    inProgress: 0,
    notStarted: 0,
    invalid: 0,
    doneWithoutStart: 0,
    startAfterDone: 0,
    outsideRange: 0,
  };
  const warnings: EngineWarning[] = [];
  const done = readDoneItems(input, counts, warnings);

  const from = boundDate(input.from, 'from', format);
  const to = boundDate(input.to, 'to', format);
  const inRange = done.filter(
    (d) => (from === null || d.date >= from) && (to === null || d.date <= to),
  );
  counts.outsideRange = done.length - inRange.length;
  const dates = inRange.map((d) => d.date).sort();
  const first = from ?? dates[0];
  const last = to ?? dates[dates.length - 1];
  if (first === undefined || last === undefined || last < first) {
    return {
      weekStarts: [],
      weeklyThroughput: [],
      leadTimes: [],
      counts,
      from: null,
      to: null,
      ...warningFields(warnings),
    };
  }

  const start = mondayOf(first);
  const weeks = Math.floor((mondayOf(last) - start) / (7 * DAY_MS)) + 1;
  const weeklyThroughput = new Array<number>(weeks).fill(0);
  const weekStarts = Array.from({ length: weeks }, (_, k) => isoOfMs(start + k * 7 * DAY_MS));
  for (const d of inRange) weeklyThroughput[Math.floor((utcDay(d.date) - start) / (7 * DAY_MS))]++;

  inRange.sort((a, b) => a.ms - b.ms || a.index - b.index);
  const leadTimes: number[] = [];
  for (const d of inRange) {
    if (d.startMs === null) counts.doneWithoutStart++;
    else if (d.startMs > d.ms) counts.startAfterDone++;
    else leadTimes.push((d.ms - d.startMs) / DAY_MS);
  }
  if (counts.doneWithoutStart > 0) {
    warnings.push(warning('doneWithoutStart', { count: counts.doneWithoutStart }));
  }
  if (counts.startAfterDone > 0) {
    warnings.push(warning('startAfterDone', { count: counts.startAfterDone }));
  }

  const range = { from: weekStarts[0], to: isoOfMs(start + (weeks * 7 - 1) * DAY_MS) };
  if (input.calendar !== undefined) {
    const c = compileCalendar(input.calendar, weekStarts[0], weeks * 7);
    const perDay = new Array<number>(weeks * 7).fill(0);
    for (const d of inRange) perDay[Math.round((utcDay(d.date) - start) / DAY_MS)]++;
    const weekWorkingDays = weekStarts.map((_, k) => {
      let n = 0;
      for (let i = k * 7; i < k * 7 + 7; i++) n += c.working[i];
      return n;
    });
    const short = weekWorkingDays.map((n) => n < c.perWeek);
    const keep = (k: number) => !(input.excludeShortWeeks && short[k]);
    return {
      weekStarts: weekStarts.filter((_, k) => keep(k)),
      weeklyThroughput: weeklyThroughput.filter((_, k) => keep(k)),
      leadTimes,
      counts,
      ...range,
      weekWorkingDays,
      shortWeeks: weekStarts.filter((_, k) => short[k]),
      dailyThroughput: Array.from(c.workingOffsets, (i) => perDay[i]),
      calendar: summariseCalendar(input.calendar, c, range.to),
      ...warningFields(warnings),
    };
  }
  return {
    weekStarts,
    weeklyThroughput,
    leadTimes,
    counts,
    ...range,
    ...warningFields(warnings),
  };
}
