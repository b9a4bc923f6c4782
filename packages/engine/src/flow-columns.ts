/**
 * CSV rows of a tracker export → flow work items. `guessFlowColumns` maps headers of the
 * common exports (Jira, Azure DevOps, Linear, Portuguese and Spanish spreadsheets) to the item
 * fields; any other CSV works once its columns are named. The date format is decided from all
 * date columns together, never per value (`2/3/2025` alone is ambiguous).
 */
import {
  CANDIDATE_DATE_TIME_FORMATS,
  dateOfDateTime,
  detectDateTimeFormat,
  parseDateTime,
} from './date-time';
import { assertFlowSize, type FlowItemInput } from './flow-items';

export type FlowField = 'id' | 'type' | 'created' | 'started' | 'done' | 'state';
export type FlowColumns = Partial<Record<FlowField, string>>;

// Headers compared without case, accents or punctuation; the first match per field wins.
const KNOWN: Record<FlowField, string[]> = {
  id: ['issue key', 'key', 'id', 'chave', 'clave', 'identificador', 'issue id', 'ticket'],
  type: ['issue type', 'work item type', 'type', 'tipo', 'item type'],
  created: [
    'created',
    'created date',
    'created at',
    'criado',
    'criado em',
    'data de criacao',
    'creado',
    'fecha de creacion',
  ],
  started: [
    'custom field start date',
    'start date',
    'activated date',
    'started',
    'started at',
    'in progress date',
    'data de inicio',
    'inicio',
    'iniciado em',
    'fecha de inicio',
    'inicio',
  ],
  done: [
    'resolved',
    'resolution date',
    'closed date',
    'completed',
    'completed at',
    'done',
    'done date',
    'finished',
    'data de conclusao',
    'conclusao',
    'concluido em',
    'fecha de finalizacion',
    'fecha de cierre',
  ],
  state: ['status', 'state', 'situacao', 'estado', 'workflow state'],
};

function normalise(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Which column holds which field, from the headers alone. */
export function guessFlowColumns(headers: readonly string[]): FlowColumns {
  const byName = new Map<string, string>();
  for (const h of headers) if (!byName.has(normalise(h))) byName.set(normalise(h), h);
  const columns: FlowColumns = {};
  const used = new Set<string>();
  for (const field of Object.keys(KNOWN) as FlowField[]) {
    for (const name of KNOWN[field]) {
      const h = byName.get(name);
      if (h !== undefined && !used.has(h)) {
        columns[field] = h;
        used.add(h);
        break;
      }
    }
  }
  return columns;
}

export interface FlowRowsOptions {
  /** Column per field; missing fields are guessed from the headers. */
  columns?: FlowColumns;
  /** A date pattern (see `parseDateTime`); default detected from the date columns. */
  dateFormat?: string;
}

export interface FlowRowsResult {
  /** Items with dates rewritten as ISO dates, ready for `flowMetrics` and storage. */
  items: FlowItemInput[];
  columns: FlowColumns;
  /** The pattern the dates were read with, null when no dates were found. */
  dateFormat: string | null;
  /** Other patterns that read every date differently (day- vs month-first): ask the user. */
  ambiguousFormats: string[];
  /** Rows whose date could not be read in that format: field path and the raw text. */
  unreadable: { field: string; value: string }[];
}

function chooseFormat(values: string[]): { format: string | null; ambiguous: string[] } {
  if (values.length === 0) return { format: null, ambiguous: [] };
  const detection = detectDateTimeFormat(values);
  if (detection.format !== null) return { format: detection.format, ambiguous: [] };
  if (detection.candidates.length > 1) {
    return { format: detection.candidates[0], ambiguous: detection.candidates.slice(1) };
  }
  // No format reads every value: take the one that reads most and report the rest per row.
  const sample =
    values.length > 2000
      ? values.filter((_, i) => i % Math.ceil(values.length / 2000) === 0)
      : values;
  let best: string | null = null;
  let bestCount = 0;
  for (const f of CANDIDATE_DATE_TIME_FORMATS) {
    let count = 0;
    for (const v of sample) if (parseDateTime(v, f) !== null) count++;
    if (count > bestCount) {
      best = f;
      bestCount = count;
    }
  }
  return { format: best, ambiguous: [] };
}

const DATE_FIELDS = ['created', 'started', 'done'] as const;

export function flowItemsFromRows(
  rows: readonly Record<string, string | undefined>[],
  options: FlowRowsOptions = {},
): FlowRowsResult {
  assertFlowSize(rows.length);
  const headers = rows.length > 0 ? Object.keys(rows[0]) : [];
  const columns: FlowColumns = { ...guessFlowColumns(headers), ...options.columns };
  const cell = (row: Record<string, string | undefined>, field: FlowField): string | null => {
    const col = columns[field];
    const v = col === undefined ? undefined : row[col];
    const t = typeof v === 'string' ? v.trim() : '';
    return t === '' ? null : t;
  };
  const dateValues: string[] = [];
  for (const row of rows) {
    for (const f of DATE_FIELDS) {
      const v = cell(row, f);
      if (v !== null) dateValues.push(v);
    }
  }
  const { format, ambiguous } =
    options.dateFormat !== undefined
      ? { format: options.dateFormat, ambiguous: [] }
      : chooseFormat(dateValues);
  const unreadable: { field: string; value: string }[] = [];
  const items = rows.map((row, index): FlowItemInput => {
    const item: FlowItemInput = {
      id: cell(row, 'id') ?? (columns.id === undefined ? String(index + 1) : null),
    };
    const type = cell(row, 'type');
    const state = cell(row, 'state');
    if (type !== null) item.type = type;
    if (state !== null) item.state = state;
    for (const f of DATE_FIELDS) {
      const v = cell(row, f);
      if (v === null) continue;
      const parsed = format === null ? null : parseDateTime(v, format);
      if (parsed === null) {
        unreadable.push({ field: `items.${index}.${f}`, value: v });
        // Kept as written so preparing the items reports it with its path.
        item[f] = v;
      } else item[f] = dateOfDateTime(parsed);
    }
    return item;
  });
  return { items, columns, dateFormat: format, ambiguousFormats: ambiguous, unreadable };
}
