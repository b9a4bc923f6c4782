/**
 * A tracker CSV export → the engine's history request: work items `{done, start}` with the
 * raw date strings, plus the one date format that reads them all.
 *
 * The format is decided from the WHOLE file (done and start columns together), never per
 * value: `2/3/2025` alone is ambiguous, and guessing it silently would move items between
 * weeks. Parsing and detection are the engine's, so the web importer reads files the same way.
 */
import Papa from 'papaparse';
import {
  CANDIDATE_DATE_TIME_FORMATS,
  detectDateTimeFormat,
  parseDateTime,
} from '@flow-forecaster/engine';
import type { WorkItemInput } from '@flow-forecaster/engine';
import { usageError } from './errors';
import type { DateFormatOption } from './options';

export interface CsvHistoryOptions {
  doneColumn: string;
  startColumn?: string;
  /** One of the named choices, or an engine pattern such as `dd/MM/yyyy HH:mm`. */
  dateFormat: DateFormatOption | string;
  delimiter?: string;
}

export interface CsvItems {
  items: WorkItemInput[];
  /** The engine pattern the dates were read with. */
  dateFormat: string;
  rows: number;
}

function isMonthFirst(f: string): boolean {
  return f.startsWith('M');
}

/** Which engine patterns each `--date-format` choice may use. */
export function candidatesFor(choice: string): readonly string[] {
  const all = CANDIDATE_DATE_TIME_FORMATS;
  switch (choice) {
    case 'auto':
      return all;
    case 'iso':
      return ['iso'];
    case 'jira':
      return all.filter((f) => f.includes('MMM'));
    case 'dmy':
      return all.filter((f) => f.startsWith('d') && !f.includes('MMM'));
    case 'mdy':
      return all.filter(isMonthFirst);
    default:
      return [choice];
  }
}

function column(fields: readonly string[], name: string, flag: string): string {
  if (fields.includes(name)) return name;
  // Spreadsheets often pad headers or change their case; accept that, but nothing fuzzier.
  const relaxed = fields.find((f) => f.trim().toLowerCase() === name.trim().toLowerCase());
  if (relaxed !== undefined) return relaxed;
  throw usageError(`no column '${name}' in the CSV; its columns are: ${fields.join(', ')}`, flag);
}

function chooseFormat(values: readonly string[], choice: string): string {
  const candidates = candidatesFor(choice);
  const detection = detectDateTimeFormat(values, candidates);
  if (detection.format !== null) return detection.format;
  if (detection.candidates.length > 1) {
    const dayFirst = detection.candidates.some((f) => f.startsWith('d'));
    const monthFirst = detection.candidates.some(isMonthFirst);
    const hint =
      dayFirst && monthFirst
        ? 'no day above 12 settles day-first vs month-first; pass --date-format dmy or mdy'
        : `several formats fit (${detection.candidates.join(' | ')}); pass one with --date-format`;
    throw usageError(`cannot tell the date format: ${hint}`, '--date-format');
  }
  const unreadable = values.find((v) => !candidates.some((f) => parseDateTime(v, f) !== null));
  const what = choice === 'auto' ? 'a date format we know' : `in the ${choice} format`;
  throw usageError(
    `cannot read the dates: '${unreadable ?? values[0]}' is not ${what}`,
    '--date-format',
  );
}

/** The rows of a CSV file by header; a file that cannot be read is a usage error on `--csv`. */
export function readCsvRows(
  text: string,
  delimiter?: string,
): { rows: Record<string, string>[]; fields: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    ...(delimiter ? { delimiter } : {}),
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) {
    const row = fatal.row === undefined ? '' : ` (row ${fatal.row + 2})`;
    throw usageError(`the CSV could not be read${row}: ${fatal.message}`, '--csv');
  }
  return { rows: parsed.data, fields: parsed.meta.fields ?? [] };
}

export function itemsFromCsv(text: string, options: CsvHistoryOptions): CsvItems {
  const parsed = readCsvRows(text, options.delimiter);
  const fields = parsed.fields;
  const done = column(fields, options.doneColumn, '--done-column');
  const start =
    options.startColumn === undefined
      ? undefined
      : column(fields, options.startColumn, '--start-column');

  const items = parsed.rows.map((row): WorkItemInput => {
    const d = (row[done] ?? '').trim();
    const s = start === undefined ? '' : (row[start] ?? '').trim();
    return { done: d === '' ? null : d, start: s === '' ? null : s };
  });
  const values = items.flatMap((i) => [i.done, i.start]).filter((v): v is string => !!v);
  if (values.length === 0) throw usageError(`no dates in column '${done}'`, '--done-column');
  return { items, dateFormat: chooseFormat(values, options.dateFormat), rows: items.length };
}
