/**
 * Lists of numbers typed or pasted by people: "5 6 7", "5,6,7", a spreadsheet column (one per
 * line) or "1,5; 2,25" with decimal commas. With line breaks, tabs or semicolons present, a
 * comma is read as a decimal comma (pt-BR and es spreadsheets); otherwise it separates values.
 */
export type ParsedList = { ok: true; values: number[] } | { ok: false; bad: string };

export function parseNumberList(text: string): ParsedList {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, values: [] };
  const decimalComma = /[\n\t;]/.test(trimmed);
  const tokens = decimalComma
    ? trimmed.split(/[\s;]+/).map((t) => t.replace(',', '.'))
    : trimmed.split(/[\s,]+/);
  const values: number[] = [];
  for (const token of tokens) {
    if (!token) continue;
    const n = Number(token);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(token) || !Number.isFinite(n)) {
      return { ok: false, bad: token };
    }
    values.push(n);
  }
  return { ok: true, values };
}

/** A number field: empty stays undefined (the schema decides whether that is allowed). */
export function parseOptionalNumber(text: string): number | undefined | 'invalid' {
  const t = text.trim().replace(',', '.');
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
}
