/**
 * Every option of `ff`, in ONE typed table: the argument parser, the value checks and both
 * levels of `--help` are generated from it, so an option cannot exist without being documented.
 */
import type { CalendarBlackout } from '@flow-forecaster/engine';
import { LIMITS, yearlyBlackout } from '@flow-forecaster/schemas';
import type { CommandSpec } from './commands';
import { usageError } from './errors';

export const DATE_FORMATS = ['auto', 'iso', 'dmy', 'mdy', 'jira'] as const;
export type DateFormatOption = (typeof DATE_FORMATS)[number];
export const OUTPUT_FORMATS = ['json', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CliOptions {
  help: boolean;
  version: boolean;
  input?: string;
  output?: string;
  format: OutputFormat;
  seed?: number;
  runs?: number;
  csv?: string;
  doneColumn?: string;
  startColumn?: string;
  /** A named choice, or an engine pattern such as `dd/MM/yyyy HH:mm`. */
  dateFormat: DateFormatOption | string;
  delimiter?: string;
  from?: string;
  to?: string;
  asOf?: string;
  window?: 'all' | number;
  /** Calendar overrides, merged into the request's `calendar`. */
  country?: string;
  region?: string;
  workingDays?: number[];
  blackouts?: CalendarBlackout[];
  optionalHolidays?: string | string[];
  holidayLanguage?: string;
  resolution?: 'week' | 'day';
}

/** Which commands an option belongs to. */
type Scope = 'global' | 'every' | 'seeded' | 'runs' | 'csv' | 'range' | 'flags' | 'calendar';

interface OptionSpec<K extends keyof CliOptions> {
  key: K;
  flag: string;
  short?: string;
  /** Placeholder shown in help; options without one are switches. */
  value?: string;
  description: string;
  scope: Scope;
  choices?: readonly string[];
  parse?: (raw: string, flag: string) => CliOptions[K];
}

type AnyOptionSpec = { [K in keyof CliOptions]-?: OptionSpec<K> }[keyof CliOptions];

function integer(min: number, max: number) {
  return (raw: string, flag: string): number => {
    const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw usageError(
        `must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got '${raw}')`,
        `--${flag}`,
      );
    }
    return n;
  };
}

function oneOf<T extends string>(choices: readonly T[]) {
  return (raw: string, flag: string): T => {
    if (!(choices as readonly string[]).includes(raw)) {
      throw usageError(`must be one of ${choices.join(', ')} (got '${raw}')`, `--${flag}`);
    }
    return raw as T;
  };
}

// A custom pattern needs a year token; anything else is most likely a typo of a choice.
function dateFormat(raw: string, flag: string): string {
  if ((DATE_FORMATS as readonly string[]).includes(raw) || /yy/.test(raw)) return raw;
  throw usageError(
    `must be one of ${DATE_FORMATS.join(', ')} or a pattern such as 'dd/MM/yyyy HH:mm' (got '${raw}')`,
    `--${flag}`,
  );
}

function windowWeeks(raw: string, flag: string): 'all' | number {
  if (raw === 'all') return 'all';
  return integer(1, LIMITS.maxWeeks.max)(raw, flag);
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

function weekdays(raw: string, flag: string): number[] {
  const days = list(raw).map(Number);
  if (days.length === 0 || days.some((d) => !Number.isInteger(d))) {
    throw usageError(`must be ISO weekday numbers like 1,2,3,4,5 (got '${raw}')`, `--${flag}`);
  }
  return days;
}

// Dates are checked by the request schema, which names the field (calendar.blackouts.0.to).
// A range without years ('12-24..01-01') recurs every year.
function blackouts(raw: string): CalendarBlackout[] {
  return list(raw).map((r) => {
    const [from, to] = r.split('..');
    return yearlyBlackout(from, to ?? from) ?? { from, to: to ?? from };
  });
}

function optionalHolidays(raw: string): string | string[] {
  return raw === 'include' || raw === 'exclude' ? raw : list(raw);
}

export const OPTIONS: readonly AnyOptionSpec[] = [
  { key: 'help', flag: 'help', short: 'h', description: 'show help', scope: 'global' },
  {
    key: 'version',
    flag: 'version',
    short: 'v',
    description: 'print the version',
    scope: 'global',
  },
  {
    key: 'input',
    flag: 'input',
    short: 'i',
    value: 'FILE',
    description: "request JSON file; '-' (or a pipe) reads stdin",
    scope: 'every',
  },
  {
    key: 'format',
    flag: 'format',
    short: 'f',
    value: 'FORMAT',
    description: 'json (the API response, default) or table (a readable summary)',
    scope: 'every',
    choices: OUTPUT_FORMATS,
    parse: oneOf(OUTPUT_FORMATS),
  },
  {
    key: 'output',
    flag: 'output',
    short: 'o',
    value: 'FILE',
    description: 'write the result to FILE instead of stdout',
    scope: 'every',
  },
  {
    key: 'seed',
    flag: 'seed',
    value: 'N',
    description: 'random seed (0–4294967295); same input + seed = same output',
    scope: 'seeded',
    parse: integer(LIMITS.seed.min, LIMITS.seed.max),
  },
  {
    key: 'runs',
    flag: 'runs',
    short: 'n',
    value: 'N',
    description: 'number of simulation runs (100–1,000,000)',
    scope: 'runs',
    parse: integer(LIMITS.simulations.min, LIMITS.simulations.max),
  },
  {
    key: 'csv',
    flag: 'csv',
    value: 'FILE',
    description: 'tracker CSV export (Jira, Azure DevOps, Linear, a spreadsheet)',
    scope: 'csv',
  },
  {
    key: 'doneColumn',
    flag: 'done-column',
    value: 'NAME',
    description: 'column with the done/resolved date (history: required with --csv; flow: guessed)',
    scope: 'csv',
  },
  {
    key: 'startColumn',
    flag: 'start-column',
    value: 'NAME',
    description: 'column with the start date, for lead and cycle times (flow: guessed)',
    scope: 'csv',
  },
  {
    key: 'dateFormat',
    flag: 'date-format',
    value: 'FORMAT',
    description:
      "auto (default: decided from the whole file), iso, dmy (day first), mdy (month first), jira (06/Mar/25 5:15 PM), or a pattern like 'dd/MM/yyyy HH:mm'",
    scope: 'csv',
    choices: DATE_FORMATS,
    parse: dateFormat,
  },
  {
    key: 'delimiter',
    flag: 'delimiter',
    value: 'CHAR',
    description: "CSV field separator (default: detected, e.g. ',' or ';')",
    scope: 'csv',
  },
  {
    key: 'from',
    flag: 'from',
    value: 'DATE',
    description: 'first day whose finished items count (default: first done date)',
    scope: 'range',
  },
  {
    key: 'to',
    flag: 'to',
    value: 'DATE',
    description: 'last day whose finished items count (default: last done date)',
    scope: 'range',
  },
  {
    key: 'asOf',
    flag: 'as-of',
    value: 'DATE',
    description: 'the day the metrics are as of (default: the latest date in the items)',
    scope: 'flags',
  },
  {
    key: 'window',
    flag: 'window',
    value: 'WEEKS',
    description: "done items counted: the last WEEKS weeks up to --as-of (default 12), or 'all'",
    scope: 'flags',
    parse: windowWeeks,
  },
  {
    key: 'country',
    flag: 'country',
    value: 'CODE',
    description:
      "country whose public holidays are days off (ISO code: BR, ES, US, …); merged into the request's calendar",
    scope: 'calendar',
  },
  {
    key: 'region',
    flag: 'region',
    value: 'CODE',
    description: 'region (state) of --country with its own holidays, e.g. SP',
    scope: 'calendar',
  },
  {
    key: 'workingDays',
    flag: 'working-days',
    value: 'DAYS',
    description: 'working weekdays, 1 = Monday … 7 = Sunday (default 1,2,3,4,5)',
    scope: 'calendar',
    parse: weekdays,
  },
  {
    key: 'blackouts',
    flag: 'blackout',
    value: 'RANGES',
    description:
      "team days off: dates or ranges, comma-separated, e.g. '2026-12-24..2027-01-01'; without years ('12-24..01-01') every year",
    scope: 'calendar',
    parse: blackouts,
  },
  {
    key: 'optionalHolidays',
    flag: 'holidays',
    value: 'WHICH',
    description:
      "optional and bank holidays: exclude (default: working days), include, or names, e.g. 'Carnaval'",
    scope: 'calendar',
    parse: optionalHolidays,
  },
  {
    key: 'holidayLanguage',
    flag: 'holiday-language',
    value: 'LANG',
    description: 'language of the holiday names shown (en default, pt, es, …)',
    scope: 'calendar',
  },
  {
    key: 'resolution',
    flag: 'resolution',
    value: 'UNIT',
    description: 'week (default: samples are items per week) or day (items per working day)',
    scope: 'calendar',
    choices: ['week', 'day'],
    parse: oneOf(['week', 'day'] as const),
  },
];

export function defaultOptions(): CliOptions {
  return { help: false, version: false, format: 'json', dateFormat: 'auto' };
}

/** The options a command accepts (all of them for `undefined`, i.e. before the command). */
export function optionsFor(command: CommandSpec | undefined): readonly AnyOptionSpec[] {
  if (command === undefined) return OPTIONS.filter((o) => o.scope === 'global');
  return OPTIONS.filter((o) => {
    switch (o.scope) {
      case 'global':
      case 'every':
        return true;
      case 'seeded':
        return command.seeded;
      case 'runs':
        return command.runsField !== undefined;
      case 'csv':
        return command.csv;
      case 'range':
        return command.kind === 'history' || command.flags;
      case 'flags':
        return command.flags;
      case 'calendar':
        return command.calendar;
    }
  });
}
