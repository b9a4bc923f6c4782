/**
 * The calendar part of a forecast form (spec calendars.md), shared by the date pages: its form
 * fields, the request's `calendar` built from them, and the lazy load of the holiday data.
 */
import type { CalendarBlackout } from '@flow-forecaster/engine';
import { yearlyBlackout } from '@flow-forecaster/engine';
import type { SavedCalendar } from '@flow-forecaster/schemas';
import type { BodyBuilder } from './body';

export interface CalendarForm {
  /** Off by default: a page's dates stay calendar weeks until the user asks for working days. */
  calendarOn: boolean;
  country: string;
  region: string;
  includeOptional: boolean;
  /** Optional holidays switched on one by one (when not all of them are). */
  optionalNames: string[];
  blackoutText: string;
  /** ISO weekdays worked (1 = Monday); none is refused, so the forecast cannot run. */
  workingDays: number[];
}

/** Monday to Friday: the calendar a request without `workingDays` means. */
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

function isDefaultWeek(days: readonly number[]): boolean {
  return (
    days.length === DEFAULT_WORKING_DAYS.length &&
    DEFAULT_WORKING_DAYS.every((d) => days.includes(d))
  );
}

/**
 * Short weekday names in `language`, indexed by ISO weekday (1 = Monday; index 0 unused), from
 * the browser itself. pt's "seg." loses its dot so a span reads "seg–qui".
 */
export function weekdayNames(language: string): string[] {
  const fmt = new Intl.DateTimeFormat(language || 'en', { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const names = [''];
  for (let d = 1; d <= 7; d++) {
    names.push(fmt.format(new Date(Date.UTC(2024, 0, d))).replace(/\.$/, ''));
  }
  return names;
}

/**
 * The working weekdays as the calendar label names them: runs of three or more days as a span
 * ("Mon–Thu"), others one by one ("Mon, Wed, Fri"); null for the default Monday–Friday.
 */
export function workingDaysLabel(days: readonly number[], language: string): string | null {
  if (days.length === 0 || isDefaultWeek(days)) return null;
  const names = weekdayNames(language);
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${names[sorted[i]]}–${names[sorted[j]]}`);
    else for (let k = i; k <= j; k++) parts.push(names[sorted[k]]);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Default country from the UI language (pt-BR → Brazil, es → Spain, en → none). */
export function defaultCountry(language: string): string {
  if (language.startsWith('pt')) return 'BR';
  if (language.startsWith('es')) return 'ES';
  return '';
}

export function initialCalendar(language: string): CalendarForm {
  return {
    calendarOn: false,
    country: defaultCountry(language),
    region: '',
    includeOptional: false,
    optionalNames: [],
    blackoutText: '',
    workingDays: [...DEFAULT_WORKING_DAYS],
  };
}

/** A calendar over a weekly history: where its first week starts, and the short-week switch. */
export interface HistoryCalendarForm extends CalendarForm {
  historyStart: string;
  excludeShortWeeks: boolean;
}

/** The Monday `weeks` weeks before `today` (a history's usual first week). */
export function mondayWeeksAgo(weeks: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const back = ((d.getUTCDay() + 6) % 7) + weeks * 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

export function initialHistoryCalendar(language: string, weeks: number): HistoryCalendarForm {
  return {
    ...initialCalendar(language),
    historyStart: mondayWeeksAgo(weeks),
    excludeShortWeeks: false,
  };
}

/** The calendar of a weekly history: its start date and the switch ride along with it. */
export function addHistoryCalendar(b: BodyBuilder, form: HistoryCalendarForm): void {
  if (!form.calendarOn) return;
  b.text('startDate', form.historyStart);
  if (form.excludeShortWeeks) b.set('excludeShortWeeks', true);
  addCalendar(b, form);
}

/** Countries offered first; any code date-holidays knows can be typed in the request. */
export const COMMON_COUNTRIES = [
  'BR',
  'PT',
  'ES',
  'AR',
  'MX',
  'CL',
  'CO',
  'PE',
  'UY',
  'PY',
  'BO',
  'EC',
  'VE',
  'US',
  'CA',
  'GB',
  'IE',
  'DE',
  'FR',
  'IT',
  'NL',
  'IN',
] as const;

/**
 * "2026-12-24..2027-01-01 year-end" → { from, to, note }; a range without years ("12-24..01-01")
 * recurs every year; lines that are blank are skipped.
 */
export function parseBlackouts(text: string): CalendarBlackout[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line) => {
      const [range, ...rest] = line.split(/\s+/);
      const [from, to] = range.split('..');
      const note = rest.join(' ').trim();
      const dates = yearlyBlackout(from, to || from) ?? { from, to: to || from };
      return { ...dates, ...(note ? { note } : {}) };
    });
}

/** A blackout as the days-off box writes it (yearly ones without their anchor years). */
function blackoutLine(b: CalendarBlackout): string {
  const [from, to] = b.every === 'year' ? [b.from.slice(5), b.to.slice(5)] : [b.from, b.to];
  return `${from === to ? from : `${from}..${to}`}${b.note ? ` ${b.note}` : ''}`;
}

/** The request's `calendar` of the form's fields (without checking them). */
export function calendarOfForm(form: CalendarForm): SavedCalendar {
  const calendar: SavedCalendar = {};
  if (form.country) calendar.country = form.country;
  if (form.country && form.region.trim()) calendar.region = form.region.trim();
  if (form.includeOptional) calendar.optionalHolidays = 'include';
  else if (form.country && form.optionalNames.length > 0) {
    calendar.optionalHolidays = form.optionalNames;
  }
  // Only a week other than Monday–Friday is written, so requests (and the seed hashed from
  // them) of the default calendar stay as they were; none at all is sent for the schema to refuse.
  const days = form.workingDays ?? DEFAULT_WORKING_DAYS;
  if (!isDefaultWeek(days)) calendar.workingDays = [...days].sort((a, b) => a - b);
  const blackouts = parseBlackouts(form.blackoutText);
  if (blackouts.length > 0) calendar.blackouts = blackouts;
  return calendar;
}

/** The form fields of a saved calendar (a team's); off when there is none. */
export function formOfCalendar(saved: SavedCalendar | undefined, language: string): CalendarForm {
  if (saved === undefined) return initialCalendar(language);
  const optional = saved.optionalHolidays;
  return {
    calendarOn: true,
    country: saved.country ?? '',
    region: saved.region ?? '',
    includeOptional: optional === 'include',
    optionalNames: Array.isArray(optional) ? optional : [],
    blackoutText: (saved.blackouts ?? []).map(blackoutLine).join('\n'),
    workingDays: [...(saved.workingDays ?? DEFAULT_WORKING_DAYS)],
  };
}

export function addCalendar(b: BodyBuilder, form: CalendarForm): void {
  if (!form.calendarOn) return;
  b.set('calendar', calendarOfForm(form));
}

/**
 * Names the holidays in the UI language and loads the chosen country's holiday rules (a
 * chunk per country) before the shared schema resolves the country to dates; other forecasts
 * never download any.
 */
export async function prepareCalendar(
  body: Record<string, unknown>,
  language: string,
): Promise<void> {
  const cal = body.calendar;
  if (typeof cal !== 'object' || cal === null || Array.isArray(cal)) return;
  if (!('language' in cal)) body.calendar = { ...cal, language };
  if (!('country' in cal) || typeof cal.country !== 'string') return;
  const { installCountry } = await import('../../lib/holidays');
  await installCountry(cal.country);
}

/** The optional holidays a country's switches offer, in the UI language. */
export async function loadOptionalHolidays(
  country: string,
  region: string,
  year: number,
  language: string,
) {
  const { optionalHolidays } = await import('../../lib/holidays');
  return optionalHolidays(country, region, year, language);
}
