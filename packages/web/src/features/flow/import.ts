/**
 * A tracker export → a team's work items. Columns and the date format come from the engine
 * (`flowItemsFromRows`, the same reader as `ff flow --csv`); items the engine cannot use (no
 * id, a repeated id, an unreadable date) are listed with their reason and the rest still
 * imports, as the issue asks of the web import.
 */
import Papa from 'papaparse';
import { flowItemsFromRows, prepareFlowItems } from '@flow-forecaster/engine';
import type { FlowColumns, FlowItemInput } from '@flow-forecaster/engine';
import type { RejectedRow } from '../../lib/team-store';

export interface ImportedItems {
  items: FlowItemInput[];
  rejected: RejectedRow[];
  columns: FlowColumns;
  dateFormat: string | null;
  ambiguousFormats: string[];
  /** The first date cells, to show the user each candidate format's reading of them. */
  preview: { column: string; value: string }[];
}

/**
 * `dateFormat`: the user's answer when the file's dates fit several formats (03/04/2026 is
 * 3 April or March 4): without it such a file is read with no format chosen for the user.
 */
export function importCsv(text: string, dateFormat?: string): ImportedItems {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const read = flowItemsFromRows(parsed.data, dateFormat === undefined ? {} : { dateFormat });
  const preview: { column: string; value: string }[] = [];
  for (const row of parsed.data) {
    for (const field of ['started', 'done'] as const) {
      const column = read.columns[field];
      const value = column === undefined ? undefined : row[column]?.trim();
      if (column !== undefined && value) preview.push({ column, value });
    }
    if (preview.length >= 4) break;
  }
  const prepared = prepareFlowItems(read.items);
  const invalid = new Set<number>();
  const rejected: RejectedRow[] = [];
  for (const p of prepared.problems) {
    if (p.severity !== 'invalid') continue;
    invalid.add(p.index);
    rejected.push({ field: p.field, id: p.id, reason: p.code });
  }
  return {
    items: read.items.filter((_item, i) => !invalid.has(i)),
    rejected,
    columns: read.columns,
    dateFormat: read.dateFormat,
    ambiguousFormats: read.ambiguousFormats,
    preview,
  };
}

/** Weekly counts typed or pasted: numbers separated by commas, spaces or new lines. */
export function parseThroughput(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const values = parts.map(Number);
  return values.length > 0 && values.every((v) => Number.isFinite(v) && v >= 0) ? values : null;
}
