/** Plain-text layout for `--format table`: aligned columns and key/value blocks. */

export type Cell = string | number | boolean | null | undefined;

/** A JSON object of a result; the tables read results as JSON, tolerating missing parts. */
export type Obj = Record<string, unknown>;

/** `value` as an object, or undefined when it is anything else (a missing or odd part). */
export function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Obj)
    : undefined;
}

/** `value`'s items as objects (a non-object item reads as `{}`); [] when not an array. */
export function list(value: unknown): Obj[] {
  return Array.isArray(value) ? value.map((v) => obj(v) ?? {}) : [];
}

/** `value` as a table cell: scalars as they are, null as null, anything else undefined. */
export function val(value: unknown): Cell {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
    ? value
    : value === null
      ? null
      : undefined;
}

export function cell(value: Cell, decimals = 2): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value)
      ? value.toLocaleString('en-US')
      : value.toLocaleString('en-US', { maximumFractionDigits: decimals });
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** Columns: text left-aligned, numbers right-aligned. */
export function grid(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((r) => r.map((v) => cell(v)));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_h, i) => rows.every((r) => typeof r[i] !== 'string'));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

/**
 * A grid whose columns that hold one value in every row are folded into a line above it
 * ("items: 50 in every row"): a column that never changes reads as information it does not
 * carry. The first `labels` columns name the rows and always stay.
 */
export function foldedGrid(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  labels = 1,
): string {
  const constant = headers.map(
    (_h, i) =>
      i >= labels && rows.length > 1 && rows.every((r) => cell(r[i]) === cell(rows[0]?.[i])),
  );
  if (labels === 1 && rows.length > 1 && constant.slice(1).every(Boolean) && headers.length > 1) {
    // Every row says the same: one row, named by the first and last ("P50 to P95").
    const first = rows[0] ?? [];
    const names = `${cell(first[0])} to ${cell(rows[rows.length - 1]?.[0])}`;
    return grid(headers, [[names, ...first.slice(1)]]);
  }
  const folded = headers.flatMap((h, i) =>
    constant[i] ? [`${h}: ${cell(rows[0]?.[i])} in every row`] : [],
  );
  const keep = (_v: unknown, i: number) => !constant[i];
  const table = grid(
    headers.filter(keep),
    rows.map((r) => r.filter(keep)),
  );
  return [...folded, table].join('\n');
}

/**
 * Rows that say the same as the row above them once the first `labels` columns are set aside
 * are dropped (the first, strongest statement of each run stays).
 */
export function distinctRows(rows: readonly (readonly Cell[])[], labels = 1): Cell[][] {
  const key = (r: readonly Cell[]) =>
    r
      .slice(labels)
      .map((v) => cell(v))
      .join('\u0000');
  return rows.filter((r, i) => i === 0 || key(r) !== key(rows[i - 1] ?? [])).map((r) => [...r]);
}

export function pairs(entries: readonly [string, Cell][]): string {
  const shown = entries.filter(([, v]) => v !== undefined);
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${cell(v)}`).join('\n');
}

export function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

/**
 * A probability measured from runs: the extremes read "> 99.9%" and "< 0.1%", since every run
 * finishing (or none) is not certainty. Inputs and confidence levels use `percent`.
 */
export function chance(fraction: unknown, decimals = 1): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '–';
  if (fraction >= 0.9995) return '> 99.9%';
  if (fraction < 0.0005) return '< 0.1%';
  // Rounding must not turn 99.6 % into a "100%" that reads as certainty.
  const shown = (fraction * 100).toFixed(decimals);
  return Number(shown) >= 100 || Number(shown) <= 0
    ? `${(fraction * 100).toFixed(1)}%`
    : `${shown}%`;
}

/**
 * A share as the web's `fmt.pct` writes it in English: rounding never reaches an end the share
 * does not touch, so 99.6 % of runs at whole percents reads "> 99%" (not a "100%" that reads
 * as certainty) and 0.2 % reads "< 1%". Exactly 1 stays "100%": a true count (every run).
 */
export function percent(fraction: unknown, decimals = 1): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '–';
  const step = 10 ** -decimals;
  const shown = fraction * 100;
  if (shown > 0 && shown < step / 2) return `< ${step.toFixed(decimals)}%`;
  if (fraction < 1 && shown >= 100 - step / 2) return `> ${(100 - step).toFixed(decimals)}%`;
  return `${shown.toFixed(decimals)}%`;
}
