/**
 * CSV a person can hand on: headers in the reader's language (the caller translates them),
 * the reader's separator and decimal mark (pt-BR and es: `;` and `,`, since their
 * spreadsheets read a comma as the decimal mark; en: `,` and `.`), and each number rounded to
 * what it means (money to cents, weeks to one decimal, shares as percentages).
 */

/** How a column's values are written. */
export type CsvKind =
  | 'text'
  | 'integer'
  /** Up to two decimals. */
  | 'number'
  /** One decimal. */
  | 'weeks'
  /** Two decimals (cents). */
  | 'money'
  /** A share 0–1 written as a percentage with one decimal (header says %). */
  | 'percent'
  /**
   * A probability measured from runs, as 'percent' but with the screen's extremes (formatter
   * `chance`): "> 99.9" and "< 0.1", never a 100.0 or 0.0 that reads as certainty.
   */
  | 'chance'
  /** ISO yyyy-mm-dd in, the reader's date out. */
  | 'date'
  | 'boolean';

export interface CsvColumn {
  header: string;
  kind?: CsvKind;
}

export interface CsvTable {
  columns: CsvColumn[];
  rows: unknown[][];
}

export interface CsvConventions {
  separator: ',' | ';';
  decimal: '.' | ',';
  /** dd/mm/yyyy where the reader writes the day first; ISO otherwise. */
  dayFirst: boolean;
  yes: string;
  no: string;
}

export function csvConventions(
  language: string,
  words: { yes: string; no: string },
): CsvConventions {
  const comma = language.startsWith('pt') || language.startsWith('es');
  return {
    separator: comma ? ';' : ',',
    decimal: comma ? ',' : '.',
    dayFirst: comma,
    ...words,
  };
}

function fixed(v: number, digits: number, c: CsvConventions, trim: boolean): string {
  let s = (Math.round(v * 10 ** digits) / 10 ** digits).toFixed(digits);
  if (trim && s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return c.decimal === ',' ? s.replace('.', ',') : s;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function csvValue(value: unknown, kind: CsvKind, c: CsvConventions): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? c.yes : c.no;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    switch (kind) {
      case 'integer':
        return fixed(value, 0, c, false);
      case 'weeks':
        return fixed(value, 1, c, false);
      case 'money':
        return fixed(value, 2, c, false);
      case 'percent':
        return fixed(value * 100, 1, c, false);
      case 'chance':
        // The same thresholds as the formatter's chance, so the file says what the screen says.
        if (value >= 0.9995) return `> ${fixed(99.9, 1, c, false)}`;
        if (value < 0.0005) return `< ${fixed(0.1, 1, c, false)}`;
        return fixed(value * 100, 1, c, false);
      case 'number':
        return fixed(value, 2, c, true);
      default:
        return c.decimal === ',' ? String(value).replace('.', ',') : String(value);
    }
  }
  const s = String(value);
  if (kind === 'date') {
    const m = ISO_DATE.exec(s);
    if (m && c.dayFirst) return `${m[3]}/${m[2]}/${m[1]}`;
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return s;
}

function quoted(s: string, c: CsvConventions): string {
  return s.includes(c.separator) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The file's text: a byte-order mark (spreadsheets then read accents right), header, rows. */
export function toLocalizedCsv(table: CsvTable, c: CsvConventions): string {
  const lines = [
    table.columns.map((col) => quoted(col.header, c)).join(c.separator),
    ...table.rows.map((row) =>
      table.columns
        .map((col, i) => quoted(csvValue(row[i], col.kind ?? 'text', c), c))
        .join(c.separator),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
