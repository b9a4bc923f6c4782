/** `--name value` / `--name=value` options for load scenarios, with numeric defaults. */
export function parseOptions(
  args: string[],
  defaults: Record<string, number | string>,
): Record<string, number | string> {
  const out: Record<string, number | string> = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) throw new Error(`unexpected argument ${args[i]}`);
    const key = m[1];
    if (!(key in defaults)) throw new Error(`unknown option --${key}`);
    const raw = m[2] ?? args[++i];
    if (raw === undefined) throw new Error(`--${key} needs a value`);
    out[key] = typeof defaults[key] === 'number' ? Number(raw) : raw;
    if (typeof defaults[key] === 'number' && !Number.isFinite(out[key])) {
      throw new Error(`--${key} must be a number`);
    }
  }
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

export function summary(label: string, values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    measure: label,
    count: s.length,
    'p50 ms': r(percentile(s, 0.5)),
    'p95 ms': r(percentile(s, 0.95)),
    'p99 ms': r(percentile(s, 0.99)),
    'max ms': r(s[s.length - 1] ?? NaN),
  };
}
