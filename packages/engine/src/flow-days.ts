/**
 * Calendar days as integers (days since 1970-01-01) so flow metrics count and subtract days
 * without Date objects in their loops: a day is the date as written in the file (or the UTC
 * date of a value with a zone), never shifted by the machine's time zone.
 */
import { dateOfDateTime, parseDateTime } from './date-time';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Day number of an ISO date `YYYY-MM-DD` (anything after the tenth character is ignored), or
 * NaN when it is not a real date. Read by character codes: 100,000 items have 300,000 dates.
 */
export function dayOfIsoDate(iso: string): number {
  if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (!(y >= 1 && m >= 1 && m <= 12 && d >= 1)) return NaN;
  const dim = m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
  return d > dim ? NaN : daysFromCivil(y, m, d);
}

/** ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a day. 1970-01-01 was a Thursday. */
export function mondayOfDay(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * The days of "the last `weeks` weeks" up to `asOf`, the one definition every view uses: whole
 * weeks from Monday, as the weekly throughput counts them, the newest ending on `asOf` (only
 * part of a week when `asOf` is not a Sunday). The cycle-time window of the flow pages and the
 * weeks a forecast samples from a team are then the same days, with the same dates shown.
 */
export function lastWeeksDays(asOf: number, weeks: number): { from: number; to: number } {
  return { from: mondayOfDay(asOf) - 7 * (weeks - 1), to: asOf };
}

/** `lastWeeksDays` on ISO dates: `lastWeeksRange('2025-08-29', 12)` is 2025-06-09 … 2025-08-29. */
export function lastWeeksRange(asOf: string, weeks: number): { from: string; to: string } {
  const r = lastWeeksDays(dayOfIsoDate(asOf), weeks);
  return { from: isoOfDay(r.from), to: isoOfDay(r.to) };
}

/**
 * Day of a date or date-time value as trackers write it (`dateFormat` as in `parseDateTime`),
 * or NaN when unreadable. Plain ISO dates skip the general parser: they are what the API and
 * the web store send, and 100,000 items must be read in a few milliseconds.
 */
export function dayOfValue(value: string, dateFormat?: string): number {
  const t = value.length === 10 ? value : value.trim();
  if (t.length === 10) {
    const d = dayOfIsoDate(t);
    if (!Number.isNaN(d)) return d;
  }
  const parsed = parseDateTime(t, dateFormat) ?? (dateFormat ? null : parseDateTime(t, 'iso'));
  return parsed === null ? NaN : dayOfIsoDate(dateOfDateTime(parsed));
}
