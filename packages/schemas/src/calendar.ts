/**
 * The `calendar` and `resolution` request fields (spec calendars.md) and their resolution to
 * what the engine takes: a country's public holidays become dates here, before the engine runs.
 *
 * The holiday data (date-holidays, large) is not imported here, so the web bundle carries it
 * only when a country is chosen: an entry point installs it with `installHolidays()` from
 * `@flow-forecaster/schemas/holidays`. A request that already carries `calendar.holidays`
 * (a saved forecast, a share link, a job re-parsed on a worker thread) needs no provider and
 * gives the same dates anywhere.
 */
import { z } from 'zod';
import {
  MAX_YEARLY_BLACKOUT_DAYS,
  type CalendarHoliday,
  type CalendarInput,
  type Resolution,
} from '@flow-forecaster/engine';
import { dateField } from './dates';
import { int, report, shortText } from './fields';
import { LIMITS } from './limits';

/** Kinds of holiday a provider reports; only `public` ones are days off by default. */
export type HolidayType = 'public' | 'bank' | 'optional' | 'school' | 'observance';

export interface ProvidedHoliday {
  date: string;
  /** In the language asked for (the country's own when it has no translation). */
  name: string;
  type: HolidayType;
  /** Its names in the country's language and English, so `optionalHolidays` matches any. */
  aliases?: string[];
}

/** What `@flow-forecaster/schemas/holidays` installs: a holiday library behind three calls. */
export interface HolidayProvider {
  hasCountry(country: string): boolean;
  hasRegion(country: string, region: string): boolean;
  /** The holidays of one year, every type, ISO dates, named in `language` (ISO 639-1). */
  holidays(
    country: string,
    region: string | undefined,
    year: number,
    language?: string,
  ): ProvidedHoliday[];
}

let provider: HolidayProvider | null = null;

export function setHolidayProvider(p: HolidayProvider | null): void {
  provider = p;
}

export function holidayProvider(): HolidayProvider | null {
  return provider;
}

export const resolutionField = z.enum(['week', 'day']);

const holidayItem = z.object({ date: dateField, name: shortText });

export const calendarField = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  region: z.string().min(1).max(10).optional(),
  workingDays: z.array(int(1, 7)).min(1).max(7).optional(),
  blackouts: z
    .array(
      z.object({
        from: dateField,
        to: dateField,
        note: shortText.optional(),
        /** `year`: the same month and day every year (e.g. 24 Dec–1 Jan). */
        every: z.literal('year').optional(),
      }),
    )
    .max(LIMITS.blackouts.max)
    .optional(),
  optionalHolidays: z
    .union([z.enum(['exclude', 'include']), z.array(shortText).max(LIMITS.blackouts.max)])
    .optional(),
  /** Language of the holiday names (`pt`, `es`, `pt-BR`…); default English. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
  /** Resolved public holidays; filled from `country` when absent. */
  holidays: z.array(holidayItem).max(LIMITS.holidays.max).optional(),
});

export type CalendarBody = z.output<typeof calendarField>;

/** The fields every kind with a start date adds to its request object. */
export const calendarShape = {
  resolution: resolutionField.optional(),
  calendar: calendarField.optional(),
};

/** A range's end on or after its start; a yearly one within a year (it repeats). */
function checkBlackouts(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  blackouts: CalendarBody['blackouts'],
): void {
  (blackouts ?? []).forEach((b, i) => {
    if (b.to < b.from) {
      report(ctx, [...path, 'blackouts', i, 'to'], 'must_not_precede', { other: 'from' });
    } else if (
      b.every === 'year' &&
      (Date.parse(b.to) - Date.parse(b.from)) / 86_400_000 + 1 > MAX_YEARLY_BLACKOUT_DAYS
    ) {
      report(ctx, [...path, 'blackouts', i, 'to'], 'invalid', {
        reason: `a yearly blackout covers at most ${MAX_YEARLY_BLACKOUT_DAYS} days`,
      });
    }
  });
}

function isDayOff(h: ProvidedHoliday, optional: CalendarBody['optionalHolidays']): boolean {
  if (h.type === 'public') return true;
  if (h.type !== 'bank' && h.type !== 'optional') return false;
  if (optional === 'include') return true;
  if (!Array.isArray(optional)) return false;
  const wanted = new Set(optional.map((n) => n.toLowerCase()));
  return [h.name, ...(h.aliases ?? [])].some((n) => wanted.has(n.toLowerCase()));
}

/** The holiday library's language code for a request's `language` (`pt-BR` → `pt`). */
export function holidayLanguage(language: string | undefined): string {
  return (language ?? 'en').slice(0, 2).toLowerCase();
}

/**
 * Checks the calendar's cross-field rules and resolves its holidays, reporting under
 * `calendar.*`. `startDate` anchors the years resolved; without one a calendar is an error.
 */
export function resolveCalendar(
  ctx: z.RefinementCtx,
  cal: CalendarBody | undefined,
  resolution: Resolution | undefined,
  startDate: string | undefined,
): { calendar?: CalendarInput; resolution?: Resolution } {
  if (cal === undefined && resolution !== 'day') return resolution ? { resolution } : {};
  if (startDate === undefined) {
    report(ctx, ['startDate'], 'required', { when: 'a calendar or resolution "day" is given' });
    return {};
  }
  const c = cal ?? {};
  const days = c.workingDays ?? [];
  if (new Set(days).size !== days.length) {
    report(ctx, ['calendar', 'workingDays'], 'invalid', { reason: 'a weekday is listed twice' });
  }
  checkBlackouts(ctx, ['calendar'], c.blackouts);
  const country = c.country?.toUpperCase();
  let holidays: CalendarHoliday[] | undefined = c.holidays;
  if (country !== undefined && holidays === undefined) {
    holidays = resolveHolidays(ctx, country, c, startDate);
  } else if (country === undefined && c.region !== undefined) {
    report(ctx, ['calendar', 'country'], 'required', { when: 'a region is given' });
  }
  const out: CalendarInput = {};
  if (country !== undefined) out.country = country;
  if (c.region !== undefined) out.region = c.region.toUpperCase();
  if (c.workingDays !== undefined) out.workingDays = c.workingDays;
  if (c.blackouts !== undefined) out.blackouts = c.blackouts;
  if (c.optionalHolidays !== undefined) out.optionalHolidays = c.optionalHolidays;
  if (holidays !== undefined) out.holidays = holidays;
  return { calendar: out, ...(resolution ? { resolution } : {}) };
}

function resolveHolidays(
  ctx: z.RefinementCtx,
  country: string,
  c: CalendarBody,
  startDate: string,
): CalendarHoliday[] | undefined {
  const p = provider;
  if (p === null) {
    report(ctx, ['calendar', 'country'], 'invalid', {
      reason: 'holiday data is not loaded here; send calendar.holidays instead',
    });
    return undefined;
  }
  if (!p.hasCountry(country)) {
    report(ctx, ['calendar', 'country'], 'invalid', { reason: `unknown country code ${country}` });
    return undefined;
  }
  const reg = c.region?.toUpperCase();
  const language = holidayLanguage(c.language);
  if (reg !== undefined && !p.hasRegion(country, reg)) {
    report(ctx, ['calendar', 'region'], 'invalid', {
      reason: `unknown region ${reg} of ${country}`,
    });
    return undefined;
  }
  const first = Number(startDate.slice(0, 4));
  const out: CalendarHoliday[] = [];
  for (let y = first; y < first + LIMITS.holidayYears.max; y++) {
    for (const h of p.holidays(country, reg, y, language)) {
      if (h.date >= startDate && isDayOff(h, c.optionalHolidays)) {
        out.push({ date: h.date, name: h.name });
      }
    }
  }
  return out;
}

/** Whether a request schema takes `calendar` (the CLI's calendar options, the web section). */
export function acceptsCalendar(schema: z.ZodType): boolean {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const props: unknown = json.properties;
  return typeof props === 'object' && props !== null && 'calendar' in props;
}

/**
 * A calendar kept for later forecasts (a team's): the request's calendar without resolved
 * holidays or their language, which each forecast resolves from its own start date.
 */
export const savedCalendarField = calendarField.omit({ holidays: true, language: true });

export type SavedCalendar = z.output<typeof savedCalendarField>;

/**
 * The saved calendar's own rules, reported under `path` (e.g. `settings.calendar.blackouts.0.to`):
 * the same as a forecast's, so a saved calendar never makes a later forecast fail. The country
 * and region are checked where holiday data is loaded (the server).
 */
export function checkSavedCalendar(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  c: SavedCalendar,
): void {
  const days = c.workingDays ?? [];
  if (new Set(days).size !== days.length) {
    report(ctx, [...path, 'workingDays'], 'invalid', { reason: 'a weekday is listed twice' });
  }
  checkBlackouts(ctx, path, c.blackouts);
  const country = c.country?.toUpperCase();
  if (country === undefined) {
    if (c.region !== undefined)
      report(ctx, [...path, 'country'], 'required', { when: 'a region is given' });
    return;
  }
  const p = provider;
  if (p === null) return;
  if (!p.hasCountry(country)) {
    report(ctx, [...path, 'country'], 'invalid', { reason: `unknown country code ${country}` });
  } else if (c.region !== undefined && !p.hasRegion(country, c.region.toUpperCase())) {
    report(ctx, [...path, 'region'], 'invalid', {
      reason: `unknown region ${c.region.toUpperCase()} of ${country}`,
    });
  }
}

const savedResolver = z
  .object({ calendar: calendarField, startDate: dateField })
  .transform((v, ctx) => resolveCalendar(ctx, v.calendar, undefined, v.startDate).calendar);

/**
 * A saved calendar as the engine takes it, holidays resolved from `startDate` in `language`
 * (the web's flow charts of a team); null when it does not resolve (unknown country, or the
 * holiday data is not loaded here).
 */
export function resolveSavedCalendar(
  cal: SavedCalendar,
  startDate: string,
  language?: string,
): CalendarInput | null {
  const r = savedResolver.safeParse({
    calendar: { ...cal, ...(language ? { language } : {}) },
    startDate,
  });
  return r.success ? (r.data ?? null) : null;
}

/** A saved calendar on its own, every rule checked (the web's team calendar form). */
export const savedCalendarSchema = savedCalendarField.superRefine((c, ctx) =>
  checkSavedCalendar(ctx, [], c),
);

// Pure, so the web's first page can use it without zod: it lives in the engine.
export { yearlyBlackout } from '@flow-forecaster/engine';
