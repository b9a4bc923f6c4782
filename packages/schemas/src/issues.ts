/**
 * Turning zod issues into the one error shape of the API, plus a stable (field, code, params)
 * form the web app can translate. The English sentences are built here from the same code and
 * params, so the translated and the English message never say different things.
 */
import type { z } from 'zod';

/** Every code an issue can carry; the web app keeps one translation per code. */
export const ISSUE_CODES = [
  'required',
  'wrong_type',
  'not_integer',
  'too_small',
  'too_big',
  'too_few_items',
  'too_many_items',
  'too_long',
  'invalid_option',
  'invalid_date',
  'invalid_format',
  'all_zero',
  'must_exceed',
  'must_not_exceed',
  'must_be_between',
  'must_follow',
  'must_not_precede',
  'alias_conflict',
  'length_mismatch',
  'needs_one_of',
  'not_both',
  'not_enough_history',
  'invalid',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParam = string | number | boolean | readonly string[];
export type IssueParams = Readonly<Record<string, IssueParam>>;

/** One problem with a request, ready for translation (`code` + `params`) or display (`message`). */
export interface FieldIssue {
  /** Dotted path of the offending value (`risks.0.likelihood`); '' for the body itself. */
  field: string;
  code: IssueCode;
  params: IssueParams;
  message: string;
}

export interface ValidationError {
  code: 'FF_ERR_VALIDATION';
  message: string;
  field?: string;
}

export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; error: ValidationError; issues: FieldIssue[] };

/** Marker a schema puts in a custom issue's params so we know which code it means. */
export const FF_CODE = 'ffCode';

export function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** What the user sent, in words ("a string", "NaN"). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return 'a number';
  }
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true/false';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const EXPECTED_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'email address',
  guid: 'id (a UUID)',
  uuid: 'id (a UUID)',
};

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

function quoteList(items: readonly string[]): string {
  return items.map((s) => `'${s}'`).join(', ');
}

function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The English sentence for an issue; the web app builds its own from `code` and `params`. */
export function englishMessage(field: string, code: IssueCode, params: IssueParams): string {
  const name = field === '' ? 'The request body' : field;
  const p = params;
  switch (code) {
    case 'required': {
      const aliases = p.aliases as readonly string[] | undefined;
      const also = aliases?.length ? ` (also accepted as ${aliases.join(' or ')})` : '';
      const when = p.when ? ` when ${String(p.when)}` : '';
      return `${name} is required${when}${also}.`;
    }
    case 'wrong_type':
      return `${name} must be ${EXPECTED_WORDS[String(p.expected)] ?? String(p.expected)}, not ${String(p.received)}.`;
    case 'not_integer':
      return `${name} must be a whole number.`;
    case 'too_small':
      return p.inclusive
        ? `${name} must be at least ${formatNumber(Number(p.minimum))}.`
        : `${name} must be greater than ${formatNumber(Number(p.minimum))}.`;
    case 'too_big':
      return p.inclusive
        ? `${name} must be at most ${formatNumber(Number(p.maximum))}.`
        : `${name} must be less than ${formatNumber(Number(p.maximum))}.`;
    case 'too_few_items':
      return p.unit === 'character'
        ? `${name} must be at least ${plural(Number(p.minimum), 'character')} long.`
        : `${name} must have at least ${plural(Number(p.minimum), 'item')}.`;
    case 'too_many_items':
      return `${name} must have at most ${plural(Number(p.maximum), 'item')}.`;
    case 'too_long':
      return `${name} must be at most ${plural(Number(p.maximum), 'character')} long.`;
    case 'invalid_option':
      return `${name} must be one of ${quoteList(p.options as readonly string[])}.`;
    case 'invalid_date':
      return `${name} is not a date we can read (${JSON.stringify(p.value)}); use one of ${(p.formats as readonly string[]).join(', ')}.`;
    case 'invalid_format':
      return `${name} must be a valid ${FORMAT_WORDS[String(p.format)] ?? String(p.format)}.`;
    case 'all_zero':
      return `${name} must contain at least one value above zero, or no forecast can finish.`;
    case 'must_exceed':
      return `${name} must be greater than ${String(p.other)}.`;
    case 'must_not_exceed':
      return `${name} must not be greater than ${String(p.other)}.`;
    case 'must_be_between':
      return `${name} must lie between ${String(p.low)} and ${String(p.high)}.`;
    case 'must_follow':
      return `${name} must be after ${String(p.other)}.`;
    case 'must_not_precede':
      return `${name} must not be before ${String(p.other)}.`;
    case 'alias_conflict':
      return `${name} and ${String(p.other)} mean the same thing but have different values; give only one.`;
    case 'length_mismatch':
      return `${name} must have as many items as ${String(p.other)}.`;
    case 'needs_one_of':
      return `${name} is missing: give ${(p.fields as readonly string[]).join(' or ')}.`;
    case 'not_both':
      return `${name} and ${String(p.other)} ask the same question two ways; give only one.`;
    case 'not_enough_history':
      return `${name} must have at least ${plural(Number(p.minimum), 'week')} (${String(p.reason)}).`;
    case 'invalid':
      return `${name} is not valid${p.reason ? `: ${String(p.reason)}` : ''}.`;
  }
}

function fromZod(issue: z.core.$ZodIssue, body: unknown): { code: IssueCode; params: IssueParams } {
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(body, issue.path);
      if (value === undefined) return { code: 'required', params: {} };
      if (issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value)) {
        return { code: 'not_integer', params: {} };
      }
      return {
        code: 'wrong_type',
        params: { expected: String(issue.expected), received: describeValue(value) },
      };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_few_items', params: { minimum } };
      }
      // The same code as for arrays (the web app words it per field), but said in characters.
      if (issue.origin === 'string') {
        return { code: 'too_few_items', params: { minimum, unit: 'character' } };
      }
      return { code: 'too_small', params: { minimum, inclusive: issue.inclusive ?? true } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_many_items', params: { maximum } };
      }
      if (issue.origin === 'string') return { code: 'too_long', params: { maximum } };
      return { code: 'too_big', params: { maximum, inclusive: issue.inclusive ?? true } };
    }
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: String(issue.format) } };
    case 'invalid_value':
      return { code: 'invalid_option', params: { options: issue.values.map((v) => String(v)) } };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, IssueParam>;
      const { [FF_CODE]: code, ...rest } = params;
      if (typeof code === 'string') return { code: code as IssueCode, params: rest };
      return { code: 'invalid', params: { reason: issue.message } };
    }
    default:
      return { code: 'invalid', params: { reason: issue.message } };
  }
}

/** Every issue of a failed parse, in the order zod found them (input key order). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], body: unknown): FieldIssue[] {
  // One issue per field: a value that breaks two rules (1e300 is neither ≤ 1,000,000 nor a
  // safe integer) gets the first, most telling one.
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    const { code, params } = fromZod(issue, body);
    out.push({ field, code, params, message: englishMessage(field, code, params) });
  }
  return out;
}

export function toValidationError(issue: FieldIssue): ValidationError {
  return issue.field === ''
    ? { code: 'FF_ERR_VALIDATION', message: issue.message }
    : { code: 'FF_ERR_VALIDATION', message: issue.message, field: issue.field };
}

/**
 * Reports a nested request's issues on the outer schema under `input.` (`input.tpSamples`),
 * keeping each issue's code and params: a saved forecast's body (account.ts, and a registry's
 * in registry/saved.ts) validates its `input` as a request of its `kind`.
 */
export function addInputIssues(ctx: z.RefinementCtx, issues: readonly FieldIssue[]): void {
  for (const issue of issues) {
    ctx.addIssue({
      code: 'custom',
      path: ['input', ...(issue.field === '' ? [] : issue.field.split('.'))],
      message: issue.message,
      params: { ...issue.params, [FF_CODE]: issue.code },
    });
  }
}
