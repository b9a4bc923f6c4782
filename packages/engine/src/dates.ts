/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, with all arithmetic in UTC so a forecast made in
 * São Paulo and one made in Lisbon give the same completion dates.
 */

/** Listed in error messages so a user sees which spellings we understand. */
export const ACCEPTED_DATE_FORMATS =
  'YYYY-MM-DD (ISO 8601), DD/MM/YYYY, DD/MM/YY, DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD';

const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Checked by hand rather than through Date, which silently turns 31/02 into 3 March.
function valid(y: number, m: number, d: number): string | null {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return format(y, m, d);
}

/**
 * The ISO date of `s`, or null when it is not a real calendar date in an accepted format.
 * Day-first formats win over month-first because our users write dates that way; two-digit
 * years are 2000–2099 (forecasts are about the present and future).
 */
export function parseDate(s: string): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim();
  let m = ISO.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YMD_SLASH.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(t);
  if (m) {
    // DD-MM-YY would be ambiguous with too many other conventions; only '/' takes 2-digit years.
    if (m[4].length === 2 && m[2] !== '/') return null;
    const year = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    return valid(year, Number(m[3]), Number(m[1]));
  }
  return null;
}

function toUtcMs(iso: string): number {
  const parsed = parseDate(iso);
  if (parsed === null) throw new RangeError(`not a date: ${iso}`);
  return Date.UTC(
    Number(parsed.slice(0, 4)),
    Number(parsed.slice(5, 7)) - 1,
    Number(parsed.slice(8, 10)),
  );
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `iso` plus `n` whole days (n is rounded half-up to a whole day). */
export function addDays(iso: string, n: number): string {
  return fromUtcMs(toUtcMs(iso) + Math.round(n) * DAY_MS);
}

/** `iso` plus `w` weeks; fractional weeks become whole days (2.1 weeks → 15 days). */
export function addWeeks(iso: string, w: number): string {
  return addDays(iso, Math.round(w * 7 + 1e-9));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Today's date in UTC, for callers that want a default start (not used inside the maths). */
export function todayIso(now: Date = new Date()): string {
  return format(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
