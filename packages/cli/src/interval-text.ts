/**
 * Trust rules: a percentile's 95 % sampling interval as the table shows it ("22–23", or "22"
 * when both ends agree), from the runs' order statistics.
 */
type Obj = Record<string, unknown>;

export interface IntervalLike {
  low: number;
  high: number | null;
}

function isInterval(v: unknown): v is IntervalLike {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Obj;
  return typeof o.low === 'number' && (typeof o.high === 'number' || o.high === null);
}

/** One interval's text; a null high (runs unfinished at that rank) reads "low+". */
export function intervalText(v: unknown, scale = 1): string | undefined {
  if (!isInterval(v)) return undefined;
  const low = Math.round(v.low * scale * 10) / 10;
  if (v.high === null) return `${low}+`;
  const high = Math.round(v.high * scale * 10) / 10;
  return low === high ? String(low) : `${low}–${high}`;
}

/** Every key of a map of intervals as text; undefined without a map. */
export function intervalsText(all: unknown, scale = 1): Obj | undefined {
  if (typeof all !== 'object' || all === null) return undefined;
  const out: Obj = {};
  for (const [k, v] of Object.entries(all as Obj)) {
    const text = intervalText(v, scale);
    if (text !== undefined) out[k] = text;
  }
  return out;
}

/** True when an interval spans more than one unit, so more runs would steady the figure. */
export function widerThanOneUnit(v: unknown): boolean {
  return isInterval(v) && (v.high === null || v.high - v.low > 1);
}

/** The line offering more runs when `key`'s interval spans more than one unit. */
export function moreRunsLine(v: unknown, label: string, unit: string): string[] {
  return widerThanOneUnit(v)
    ? [`${label} could move by more than one ${unit} with other draws: run more (--runs).`]
    : [];
}
