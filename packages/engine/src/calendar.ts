/**
 * Working calendars: which days of a forecast's horizon a team works (weekdays, public
 * holidays, blackout days), compiled once per forecast into per-week capacity factors (weekly
 * model) or a list of working days (daily model), so a run never looks at a date.
 *
 * Holidays arrive here as dates: the schemas package resolves a country's holidays with a
 * holiday library before the engine runs, which keeps the engine free of dependencies and data.
 */
import { parseDate } from './dates';
import { EngineInputError } from './errors';
import { createDiscreteTable, tableProbabilities, type DiscreteTable } from './discrete-sampler';

export interface CalendarBlackout {
  from: string;
  to: string;
  note?: string;
  /** `year`: the same days every year (the range's month and day; `to` may fall next year). */
  every?: 'year';
}

/** A yearly blackout covers at most a year, or its repeats would overlap themselves. */
export const MAX_YEARLY_BLACKOUT_DAYS = 366;

export interface CalendarHoliday {
  date: string;
  name: string;
}

/** The `calendar` of a request, with the country's holidays already resolved to dates. */
export interface CalendarInput {
  /** ISO 3166-1 alpha-2; only echoed here (its holidays come in `holidays`). */
  country?: string;
  region?: string;
  /** ISO weekday numbers, 1 = Monday; default Monday–Friday. */
  workingDays?: number[];
  blackouts?: CalendarBlackout[];
  optionalHolidays?: 'exclude' | 'include' | string[];
  /** Non-working public holidays (optional ones already filtered by `optionalHolidays`). */
  holidays?: CalendarHoliday[];
}

/** `week`: samples are items per week (default); `day`: items per working day. */
export type Resolution = 'week' | 'day';

export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function epochDay(iso: string): number {
  return Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
      DAY_MS,
  );
}

export function isoOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday); 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** A calendar laid over a horizon of days from a start date. */
export interface CompiledCalendar {
  start: number;
  /** working[i] = 1 when start + i is a working day. */
  working: Uint8Array;
  /** Working days in a usual week (the number of working weekdays). */
  perWeek: number;
  /** Day offsets of the working days, in order. */
  workingOffsets: Int32Array;
  /** Non-working days in the horizon that fall on working weekdays, with why. */
  reasons: Map<number, string>;
}

function checkDate(s: unknown, field: string): number {
  const iso = typeof s === 'string' ? parseDate(s) : null;
  if (iso === null) throw new EngineInputError(`${field} is not a date`, field);
  return epochDay(iso);
}

/** Validates the calendar's own fields (the same rules as the request schema). */
export function checkCalendar(cal: CalendarInput): void {
  const wd = cal.workingDays ?? DEFAULT_WORKING_DAYS;
  if (!Array.isArray(wd) || wd.length === 0) {
    throw new EngineInputError(
      'calendar.workingDays needs at least one day',
      'calendar.workingDays',
    );
  }
  wd.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7) {
      throw new EngineInputError(
        `calendar.workingDays.${i} must be an ISO weekday from 1 to 7`,
        `calendar.workingDays.${i}`,
      );
    }
  });
  (cal.blackouts ?? []).forEach((b, i) => {
    const from = checkDate(b.from, `calendar.blackouts.${i}.from`);
    const to = checkDate(b.to, `calendar.blackouts.${i}.to`);
    if (to < from) {
      throw new EngineInputError(
        `calendar.blackouts.${i}.to must not precede from`,
        `calendar.blackouts.${i}.to`,
      );
    }
    if (b.every === 'year' && to - from + 1 > MAX_YEARLY_BLACKOUT_DAYS) {
      throw new EngineInputError(
        `calendar.blackouts.${i}.to: a yearly blackout covers at most ${MAX_YEARLY_BLACKOUT_DAYS} days`,
        `calendar.blackouts.${i}.to`,
      );
    }
  });
  (cal.holidays ?? []).forEach((h, i) => checkDate(h.date, `calendar.holidays.${i}.date`));
}

/**
 * The epoch-day ranges of a blackout that may touch [first, last]: the range itself, or for a
 * yearly one the same month and day in every year around the horizon (Feb 29 falls on Mar 1
 * in other years, as Date.UTC rolls it).
 */
export function blackoutRanges(
  b: CalendarBlackout,
  first: number,
  last: number,
): [number, number][] {
  const from = epochDay(parseDate(b.from) ?? b.from);
  const to = epochDay(parseDate(b.to) ?? b.to);
  if (b.every !== 'year') return [[from, to]];
  const span = to - from;
  const iso = parseDate(b.from) ?? b.from;
  const month = Number(iso.slice(5, 7)) - 1;
  const day = Number(iso.slice(8, 10));
  const out: [number, number][] = [];
  const y0 = new Date(first * DAY_MS).getUTCFullYear() - 1;
  const y1 = new Date(last * DAY_MS).getUTCFullYear();
  for (let y = y0; y <= y1; y++) {
    const f = Math.round(Date.UTC(y, month, day) / DAY_MS);
    if (f + span >= first && f <= last) out.push([f, f + span]);
  }
  return out;
}

/**
 * The calendar over `horizonDays` days from `startIso`. Blackouts and holidays outside the
 * horizon are clipped, so the work is bounded by the horizon whatever the ranges.
 */
export function compileCalendar(
  cal: CalendarInput,
  startIso: string,
  horizonDays: number,
): CompiledCalendar {
  checkCalendar(cal);
  const start = epochDay(startIso);
  const weekdays = new Uint8Array(8);
  for (const d of cal.workingDays ?? DEFAULT_WORKING_DAYS) weekdays[d] = 1;
  let perWeek = 0;
  for (let d = 1; d <= 7; d++) perWeek += weekdays[d];
  const working = new Uint8Array(horizonDays);
  for (let i = 0; i < horizonDays; i++) working[i] = weekdays[isoWeekday(start + i)];
  const reasons = new Map<number, string>();
  const off = (i: number, why: string) => {
    if (i < 0 || i >= horizonDays) return;
    if (working[i] === 1) reasons.set(i, why);
    working[i] = 0;
  };
  for (const h of cal.holidays ?? []) off(epochDay(parseDate(h.date) ?? h.date) - start, h.name);
  for (const b of cal.blackouts ?? []) {
    for (const [f, t] of blackoutRanges(b, start, start + horizonDays - 1)) {
      const from = Math.max(f - start, 0);
      const to = Math.min(t - start, horizonDays - 1);
      for (let i = from; i <= to; i++) off(i, b.note ?? 'blackout');
    }
  }
  let n = 0;
  for (let i = 0; i < horizonDays; i++) n += working[i];
  const workingOffsets = new Int32Array(n);
  for (let i = 0, k = 0; i < horizonDays; i++) if (working[i] === 1) workingOffsets[k++] = i;
  return { start, working, perWeek, workingOffsets, reasons };
}

/** The same calendar seen from `days` days after its start (a backtest fold's future). */
export function shiftCalendar(c: CompiledCalendar, days: number): CompiledCalendar {
  const working = c.working.subarray(Math.min(days, c.working.length));
  const reasons = new Map<number, string>();
  for (const [i, why] of c.reasons) if (i >= days) reasons.set(i - days, why);
  const offsets: number[] = [];
  for (let i = 0; i < working.length; i++) if (working[i] === 1) offsets.push(i);
  return {
    start: c.start + days,
    working,
    perWeek: c.perWeek,
    workingOffsets: Int32Array.from(offsets),
    reasons,
  };
}

/**
 * Per simulated week, the chance that a drawn item survives: working days of that week over the
 * usual working days per week (binomial thinning, the spec's weekly model). Computed once per
 * forecast; a run only reads it.
 */
export function weekKeepFactors(c: CompiledCalendar, weeks: number): Float64Array {
  const f = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    let n = 0;
    for (let i = w * 7; i < w * 7 + 7 && i < c.working.length; i++) n += c.working[i];
    f[w] = Math.min(1, n / c.perWeek);
  }
  return f;
}

/** Outcomes a thinned table may have per capacity level; beyond, runs thin item by item. */
export const THIN_TABLE_MAX_OUTCOMES = 1 << 16;

/**
 * Precomputed once per forecast so a run costs what it costs without a calendar: for each
 * number of working days k ≤ perWeek, the alias table of a week's thinned throughput
 * (Binomial(X, k / perWeek) with X the weekly draw), all with the same column count and laid
 * end to end, and per simulated week the offset of its table. A week is then one draw, full
 * or short, with one extra array read.
 */
export interface ThinningPlan {
  /** Working days of each simulated week (its length is the week cap). */
  days: Uint8Array;
  perWeek: number;
  /** Weeks with fewer working days than usual. */
  shortWeeks: number;
  /** null when the thinned tables would exceed THIN_TABLE_MAX_OUTCOMES outcomes. */
  tables: {
    pairs: Float64Array;
    threshold: Int32Array;
    shift: number;
    lowMask: number;
    /** Column offset of week w's table. */
    weekBase: Int32Array;
  } | null;
}

/** P(Binomial(n, p) = j) for j = 0..n, in log space so large n do not underflow. */
function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  if (p >= 1 || p <= 0) {
    out[p >= 1 ? n : 0] = 1;
    return out;
  }
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  let lc = 0;
  for (let j = 0; j <= n; j++) {
    out[j] = Math.exp(lc + j * lp + (n - j) * lq);
    lc += Math.log(n - j) - Math.log(j + 1);
  }
  return out;
}

/** The distribution of a week's items kept with probability p; a fraction keeps p of itself. */
function thinnedDistribution(probs: Map<number, number>, p: number): Map<number, number> | null {
  const out = new Map<number, number>();
  for (const [v, pv] of probs) {
    const whole = Math.floor(v);
    if (out.size + whole + 1 > THIN_TABLE_MAX_OUTCOMES) return null;
    const frac = (v - whole) * p;
    const pmf = binomialPmf(whole, p);
    for (let j = 0; j <= whole; j++) {
      if (pmf[j] === 0) continue;
      out.set(j + frac, (out.get(j + frac) ?? 0) + pv * pmf[j]);
    }
  }
  return out;
}

/**
 * The alias table of a week with k working days, for each k < perWeek (index k), or null when
 * they would exceed THIN_TABLE_MAX_OUTCOMES outcomes. A full week draws from `table` itself, so
 * a run on a calendar uses one draw per week, as without one.
 */
export function thinnedLevelTables(table: DiscreteTable, perWeek: number): DiscreteTable[] | null {
  const probs = tableProbabilities(table);
  const out: DiscreteTable[] = [];
  for (let k = 0; k < perWeek; k++) {
    const d = thinnedDistribution(probs, k / perWeek);
    if (d === null) return null;
    out.push(createDiscreteTable([...d.keys()], [...d.values()]));
  }
  return out;
}

/** Working days of each of the first `weeks` weeks of a compiled calendar. */
export function weekWorkingDays(c: CompiledCalendar, weeks: number): Uint8Array {
  const days = new Uint8Array(weeks);
  for (let w = 0; w < weeks; w++) {
    let n = 0;
    for (let i = w * 7; i < w * 7 + 7 && i < c.working.length; i++) n += c.working[i];
    days[w] = n;
  }
  return days;
}

export function thinningPlan(
  c: CompiledCalendar,
  weeks: number,
  table: DiscreteTable,
): ThinningPlan {
  const days = new Uint8Array(weeks);
  let shortWeeks = 0;
  for (let w = 0; w < weeks; w++) {
    let n = 0;
    for (let i = w * 7; i < w * 7 + 7 && i < c.working.length; i++) n += c.working[i];
    days[w] = n;
    if (n < c.perWeek) shortWeeks++;
  }
  const probs = tableProbabilities(table);
  const levels: Map<number, number>[] = [];
  for (let k = 0; k <= c.perWeek; k++) {
    const d = k === c.perWeek ? probs : thinnedDistribution(probs, k / c.perWeek);
    if (d === null) return { days, perWeek: c.perWeek, shortWeeks, tables: null };
    levels.push(d);
  }
  let cols = 4;
  for (const d of levels) while (cols < d.size) cols *= 2;
  const built = levels.map((d) => {
    // Padding to one column count gives every level the same shift and mask.
    const values = new Float64Array(cols);
    const weights = new Float64Array(cols);
    let i = 0;
    for (const [v, pv] of d) {
      values[i] = v;
      weights[i++] = pv;
    }
    return createDiscreteTable(values, weights);
  });
  const pairs = new Float64Array(2 * cols * built.length);
  const threshold = new Int32Array(cols * built.length);
  built.forEach((t, k) => {
    pairs.set(t.pairs, 2 * cols * k);
    threshold.set(t.threshold, cols * k);
  });
  const weekBase = new Int32Array(weeks);
  for (let w = 0; w < weeks; w++) weekBase[w] = days[w] * cols;
  return {
    days,
    perWeek: c.perWeek,
    shortWeeks,
    tables: { pairs, threshold, shift: built[0].shift, lowMask: built[0].lowMask, weekBase },
  };
}

/** The last working day of week `w` (1-based) as an ISO date; the week's end when it has none. */
export function lastWorkingDayOfWeek(c: CompiledCalendar, w: number): string {
  if (w <= 0) return isoOfEpochDay(c.start);
  for (let i = Math.min(w * 7, c.working.length) - 1; i >= (w - 1) * 7; i--) {
    if (c.working[i] === 1) return isoOfEpochDay(c.start + i);
  }
  return isoOfEpochDay(c.start + w * 7 - 1);
}

/** The date of the k-th working day (1-based); the start for k = 0, the last one past the end. */
export function workingDayDate(c: CompiledCalendar, k: number): string {
  if (k <= 0 || c.workingOffsets.length === 0) return isoOfEpochDay(c.start);
  const i = Math.min(k, c.workingOffsets.length) - 1;
  return isoOfEpochDay(c.start + c.workingOffsets[i]);
}

/** What a result shows of its calendar: the non-working weekdays up to `untilIso`, with why. */
export interface CalendarSummary {
  country: string | null;
  region: string | null;
  workingDays: number[];
  blackoutDays: number;
  /** Non-working days on working weekdays between the start and the last date shown (≤ 366). */
  daysOff: { date: string; reason: string }[];
}

export function summariseCalendar(
  cal: CalendarInput,
  c: CompiledCalendar,
  untilIso: string,
): CalendarSummary {
  const until = epochDay(untilIso) - c.start;
  const daysOff: { date: string; reason: string }[] = [];
  const offsets = [...c.reasons.keys()].sort((a, b) => a - b);
  for (const i of offsets) {
    if (i > until || daysOff.length >= 366) break;
    daysOff.push({ date: isoOfEpochDay(c.start + i), reason: c.reasons.get(i) ?? '' });
  }
  let blackoutDays = 0;
  for (const b of cal.blackouts ?? []) {
    blackoutDays += epochDay(parseDate(b.to) ?? b.to) - epochDay(parseDate(b.from) ?? b.from) + 1;
  }
  return {
    country: cal.country ?? null,
    region: cal.region ?? null,
    workingDays: [...(cal.workingDays ?? DEFAULT_WORKING_DAYS)],
    blackoutDays,
    daysOff,
  };
}

/**
 * Dates of "weeks of work" on a calendar (the full simulation): w weeks are w × perWeek
 * working days of capacity, and the date is the working day on which they are used up, so a
 * holiday or a blackout pushes every later date by one working day.
 */
export function calendarDates<K extends string>(
  cal: CalendarInput,
  startIso: string,
  weeks: Record<K, number>,
): { dates: Record<K, string>; summary: CalendarSummary; compiled: CompiledCalendar } {
  let most = 0;
  for (const k in weeks) most = Math.max(most, weeks[k]);
  // Room for the longest date plus any blackouts: twice the span and a year, within 100 years.
  const horizon = Math.min(36_500, Math.ceil(most * 14) + 366);
  const c = compileCalendar(cal, startIso, horizon);
  const dates = {} as Record<K, string>;
  let last = startIso;
  for (const k in weeks) {
    dates[k] = workingDayDate(c, Math.ceil(weeks[k] * c.perWeek - 1e-9));
    if (dates[k] > last) last = dates[k];
  }
  return { dates, summary: summariseCalendar(cal, c, last), compiled: c };
}

/** How far a calendar moved a date: the same working capacity on working weekdays alone. */
export interface CalendarMove {
  /** The date on working weekdays alone (no holidays, no blackouts). */
  from: string;
  /** The date with the calendar (the result's own date). */
  to: string;
  /** Days off on working weekdays stepped over between the start and `to`. */
  workingDays: number;
}

/**
 * The move a calendar made to a result's date, read from the result alone (no second run, so
 * no second sample to disagree with the first): every day off on a working weekday up to the
 * date pushed it by one working day, so without them it falls that many working weekdays
 * earlier. Null when no day off comes before the date.
 */
export function calendarMove(summary: CalendarSummary, dateIso: string): CalendarMove | null {
  let off = 0;
  for (const d of summary.daysOff) if (d.date <= dateIso) off++;
  const weekdays = new Uint8Array(8);
  let any = false;
  for (const d of summary.workingDays) {
    if (Number.isInteger(d) && d >= 1 && d <= 7) weekdays[d] = 1;
    any ||= weekdays[d] === 1;
  }
  if (off === 0 || !any) return null;
  let day = epochDay(dateIso);
  for (let left = off; left > 0;) {
    day--;
    if (weekdays[isoWeekday(day)] === 1) left--;
  }
  return { from: isoOfEpochDay(day), to: dateIso, workingDays: off };
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/**
 * "12-24".."01-01" written without a year (the CLI's `--blackout`, the web's days-off box):
 * the same days every year, anchored on 2000 (a leap year, so 02-29 is a date) and ending the
 * next year when the end's month-day comes before the start's; null when not month-days.
 */
export function yearlyBlackout(
  from: string,
  to: string,
): { from: string; to: string; every: 'year' } | null {
  if (!MONTH_DAY.test(from) || !MONTH_DAY.test(to)) return null;
  return { from: `2000-${from}`, to: `${to < from ? 2001 : 2000}-${to}`, every: 'year' };
}
