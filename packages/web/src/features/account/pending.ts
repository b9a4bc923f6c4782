/**
 * A forecast made before logging in, kept in sessionStorage across the login (and register)
 * pages so it can be saved afterwards without retyping. sessionStorage rather than
 * localStorage: it belongs to this tab's visit and must not surface for the next person on a
 * shared workshop laptop.
 */
export interface PendingForecast {
  kind: string;
  input: Record<string, unknown>;
  /** Kept only when small: the server recomputes the numbers from the input and seed anyway. */
  result?: unknown;
  createdAt: string;
}

const KEY = 'ff.pendingForecast';
const MAX_RESULT_CHARS = 200_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The input as the server should re-run it: with the seed the browser used, so the saved
 * numbers are the ones the user saw even when the seed field was left empty.
 */
export function inputWithSeed(input: unknown, result: unknown): Record<string, unknown> {
  const base = isRecord(input) ? { ...input } : {};
  if (base.seed === undefined && isRecord(result) && typeof result.seed === 'number') {
    base.seed = result.seed;
  }
  return base;
}

export function storePending(kind: string, input: unknown, result: unknown): void {
  const entry: PendingForecast = {
    kind,
    input: inputWithSeed(input, result),
    createdAt: new Date().toISOString(),
  };
  let text = JSON.stringify({ ...entry, result });
  if (text.length > MAX_RESULT_CHARS) text = JSON.stringify(entry);
  try {
    sessionStorage.setItem(KEY, text);
  } catch (_e) {
    sessionStorage.setItem(KEY, JSON.stringify(entry));
  }
}

export function readPending(): PendingForecast | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(KEY);
  } catch (_e) {
    return null;
  }
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (isRecord(v) && typeof v.kind === 'string' && isRecord(v.input)) {
      return {
        kind: v.kind,
        input: v.input,
        result: v.result,
        createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
      };
    }
  } catch (_e) {
    // A damaged entry is dropped below rather than breaking the login page.
  }
  clearPending();
  return null;
}

export function clearPending(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch (_e) {
    // Storage disabled: there is nothing to clear.
  }
}
