/** Plain-text layout for `--format table`: aligned columns and key/value blocks. */

export type Cell = string | number | boolean | null | undefined;

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

export function pairs(entries: readonly [string, Cell][]): string {
  const shown = entries.filter(([, v]) => v !== undefined);
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${cell(v)}`).join('\n');
}

export function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

export function percent(fraction: unknown, decimals = 1): string {
  return typeof fraction === 'number' && Number.isFinite(fraction)
    ? `${(fraction * 100).toFixed(decimals)}%`
    : '–';
}
