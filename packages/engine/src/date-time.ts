/**
 * Date-times as trackers export them (Jira, Azure DevOps, Linear, spreadsheets), normalized to
 * ISO strings the history code can read.
 *
 * A value with a time zone (`Z` or `±hh:mm`) is converted to UTC and keeps its `Z`
 * (`2025-03-06T17:15:00Z`); every other value is a "local" date-time taken exactly as written
 * (`2025-03-06T17:15:00`), never shifted by the machine's time zone, so the same export gives
 * the same weeks on a server in UTC and in a browser in São Paulo.
 *
 * Formats are patterns of tokens: `yyyy` `yy` (2000–2099), `MMM` (month abbreviation in
 * English, Portuguese or Spanish, any case, optional trailing dot), `MM`/`M`, `dd`/`d`,
 * `HH`/`H` (0–23), `hh`/`h` (1–12, needs `a`), `mm`, `ss`, `a` (AM/PM, also a.m./p.m.); any
 * other character must match literally. Numeric tokens accept one or two digits whether
 * padded or not. The time part (everything after the first space of the pattern) may be
 * missing from a value, seconds may follow minutes even when the pattern has no `ss`, and
 * seconds may carry a fraction.
 */

export const DATE_TIME_FORMATS = {
  /** ISO 8601 date or date-time, with or without a zone. */
  iso: 'iso',
  /** Jira CSV export, e.g. `06/Mar/25 5:15 PM`. */
  jira: 'dd/MMM/yy h:mm a',
  /** Azure DevOps (US), month first, e.g. `3/6/2025 5:15:00 PM`. */
  azureUs: 'M/d/yyyy h:mm:ss a',
  /** Day-first spreadsheets (pt-BR, most of Europe), e.g. `06/03/2025 17:15`. */
  dayFirst: 'dd/MM/yyyy HH:mm',
  /** Month-first US spreadsheets, e.g. `03/06/2025 17:15`. */
  monthFirst: 'MM/dd/yyyy HH:mm',
} as const;

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  ['jan', 'ene'],
  ['feb', 'fev'],
  ['mar'],
  ['apr', 'abr'],
  ['may', 'mai'],
  ['jun'],
  ['jul'],
  ['aug', 'ago'],
  ['sep', 'sept', 'set'],
  ['oct', 'out'],
  ['nov'],
  ['dec', 'dez', 'dic'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function format(p: Parts, zulu: boolean): string {
  const base = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  return base + (p.ms ? `.${pad(p.ms, 3)}` : '') + (zulu ? 'Z' : '');
}

function validParts(p: Parts): boolean {
  return (
    p.year >= 1 &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour <= 23 &&
    p.minute <= 59 &&
    p.second <= 59
  );
}

function fractionToMs(f: string | undefined): number {
  return f ? Math.floor(Number(`0.${f}`) * 1000 + 1e-9) : 0;
}

function parseIso(s: string): string | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const p: Parts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: fractionToMs(m[7]),
  };
  if (!validParts(p)) return null;
  const zone = m[8];
  if (!zone) return format(p, false);
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    if (zone[0] === '-') offsetMin = -offsetMin;
  }
  const utc = new Date(
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms) - offsetMin * 60_000,
  );
  return format(
    {
      year: utc.getUTCFullYear(),
      month: utc.getUTCMonth() + 1,
      day: utc.getUTCDate(),
      hour: utc.getUTCHours(),
      minute: utc.getUTCMinutes(),
      second: utc.getUTCSeconds(),
      ms: utc.getUTCMilliseconds(),
    },
    true,
  );
}

type Field =
  | 'year2'
  | 'year4'
  | 'monthName'
  | 'month'
  | 'day'
  | 'hour24'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'ampm';

const TOKENS: [string, Field, string][] = [
  ['yyyy', 'year4', '(\\d{4})'],
  ['yy', 'year2', '(\\d{2})'],
  ['MMM', 'monthName', '([A-Za-zÀ-ÿ]{3,4})\\.?'],
  ['MM', 'month', '(\\d{1,2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['dd', 'day', '(\\d{1,2})'],
  ['d', 'day', '(\\d{1,2})'],
  ['HH', 'hour24', '(\\d{1,2})'],
  ['H', 'hour24', '(\\d{1,2})'],
  ['hh', 'hour12', '(\\d{1,2})'],
  ['h', 'hour12', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})(?:[.,]\\d+)?'],
  ['a', 'ampm', '([AaPp]\\.?[Mm]\\.?)'],
];

interface CompiledPattern {
  re: RegExp;
  fields: Field[];
}

const compiled = new Map<string, CompiledPattern>();

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function compile(pattern: string): CompiledPattern {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  const fields: Field[] = [];
  let re = '';
  let timeOpened = false;
  const hasSeconds = pattern.includes('ss');
  for (let i = 0; i < pattern.length;) {
    if (pattern[i] === ' ' && !timeOpened) {
      // Everything from the first space on is the optional time part.
      re += '(?:\\s+';
      timeOpened = true;
      i++;
      continue;
    }
    const tok = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (tok) {
      fields.push(tok[1]);
      re += tok[2];
      i += tok[0].length;
      if (tok[1] === 'minute' && !hasSeconds) {
        // Spreadsheets add seconds to `HH:mm` columns now and then; accept them.
        fields.push('second');
        re += '(?::(\\d{2})(?:[.,]\\d+)?)?';
      }
    } else {
      re += pattern[i] === ' ' ? '\\s*' : escapeRe(pattern[i]);
      i++;
    }
  }
  if (timeOpened) re += ')?';
  const c = { re: new RegExp(`^${re}$`), fields };
  compiled.set(pattern, c);
  return c;
}

function parseWithPattern(s: string, pattern: string): string | null {
  const { re, fields } = compile(pattern);
  const m = re.exec(s);
  if (!m) return null;
  const p: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, ms: 0 };
  let hour12: number | null = null;
  let pm: boolean | null = null;
  for (let k = 0; k < fields.length; k++) {
    const v = m[k + 1];
    if (v === undefined) continue;
    switch (fields[k]) {
      case 'year4':
        p.year = Number(v);
        break;
      case 'year2':
        p.year = 2000 + Number(v);
        break;
      case 'monthName': {
        const month = MONTHS[v.toLowerCase()];
        if (!month) return null;
        p.month = month;
        break;
      }
      case 'month':
        p.month = Number(v);
        break;
      case 'day':
        p.day = Number(v);
        break;
      case 'hour24':
        p.hour = Number(v);
        break;
      case 'hour12':
        hour12 = Number(v);
        break;
      case 'minute':
        p.minute = Number(v);
        break;
      case 'second':
        p.second = Number(v);
        break;
      case 'ampm':
        pm = v[0].toLowerCase() === 'p';
        break;
    }
  }
  if (hour12 !== null) {
    if (hour12 < 1 || hour12 > 12 || pm === null) return null;
    p.hour = (hour12 % 12) + (pm ? 12 : 0);
  }
  const frac = /[.,](\d+)$/.exec(s);
  if (frac && fields.includes('second')) p.ms = fractionToMs(frac[1]);
  return validParts(p) ? format(p, false) : null;
}

/**
 * `s` as an ISO date-time string (see the module note), or null when it is not a real date
 * in the format. Without a format: ISO first, then Jira's month-name form, then day-first
 * `dd/MM/yyyy [HH:mm]` — month-first values must name their format (or be detected from the
 * whole column with `detectDateTimeFormat`).
 */
export function parseDateTime(s: string | null | undefined, format?: string): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim();
  if (t === '') return null;
  if (format === undefined) {
    return (
      parseIso(t) ??
      parseWithPattern(t, DATE_TIME_FORMATS.jira) ??
      parseWithPattern(t, 'dd/MMM/yyyy h:mm a') ??
      parseWithPattern(t, DATE_TIME_FORMATS.dayFirst) ??
      parseWithPattern(t, 'dd/MM/yyyy h:mm a')
    );
  }
  if (format === 'iso') return parseIso(t);
  return parseWithPattern(t, format);
}

/** The date part (`YYYY-MM-DD`) of a normalized date-time: the UTC date for `Z` values. */
export function dateOfDateTime(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}

/**
 * Milliseconds of a normalized date-time on one timeline: local values are read as if they
 * were UTC, so differences between two local values are wall-clock differences.
 */
export function dateTimeToMs(isoDateTime: string): number {
  const m = ISO_RE.exec(isoDateTime);
  if (!m) return NaN;
  return Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    fractionToMs(m[7]),
  );
}

/** Formats worth trying on an unknown column, most specific first. */
export const CANDIDATE_DATE_TIME_FORMATS: readonly string[] = [
  'iso',
  DATE_TIME_FORMATS.jira,
  'dd/MMM/yyyy h:mm a',
  'd/M/yyyy h:mm:ss a',
  DATE_TIME_FORMATS.azureUs,
  'd/M/yyyy H:mm:ss',
  'M/d/yyyy H:mm:ss',
  DATE_TIME_FORMATS.dayFirst,
  DATE_TIME_FORMATS.monthFirst,
  'dd.MM.yyyy HH:mm',
  'dd-MM-yyyy HH:mm',
  'yyyy/MM/dd HH:mm',
];

export interface DateTimeDetection {
  /** The one format that reads every non-empty value, or null when none or several do. */
  format: string | null;
  /** Every candidate that reads all values. Several means the column is ambiguous: ask. */
  candidates: string[];
}

/**
 * Which format a whole column is in. `2/3/2025` fits both day- and month-first; a value with
 * a day above 12 rules one out. Candidates that agree on every value (e.g. `M/d/yyyy` with and
 * without seconds) are not counted as ambiguous; the first is returned.
 */
export function detectDateTimeFormat(
  values: readonly (string | null | undefined)[],
  candidates: readonly string[] = CANDIDATE_DATE_TIME_FORMATS,
): DateTimeDetection {
  const present = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (present.length === 0) return { format: null, candidates: [] };
  const fits: { format: string; parsed: string[] }[] = [];
  for (const f of candidates) {
    const parsed: string[] = [];
    let ok = true;
    for (const v of present) {
      const p = parseDateTime(v, f);
      if (p === null) {
        ok = false;
        break;
      }
      parsed.push(p);
    }
    if (ok) fits.push({ format: f, parsed });
  }
  const distinct = fits.filter(
    (f, i) => !fits.slice(0, i).some((g) => g.parsed.every((x, k) => x === f.parsed[k])),
  );
  return {
    format: distinct.length === 1 ? distinct[0].format : null,
    candidates: fits.map((f) => f.format),
  };
}
