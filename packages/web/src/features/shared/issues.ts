import type { TFunction } from 'i18next';
import type { Formatter } from '../../i18n/format';

/** A problem with one field, as the schemas report it (or as the form finds it first). */
export interface Issue {
  field: string;
  code: string;
  params: Readonly<Record<string, unknown>>;
}

export type FieldErrors = Record<string, string>;

/** Fractions the forms ask for in percent; their limits are shown in percent too. */
const PERCENT_FIELDS = /(^|\.)(teamFocus|onTimeProbability)$/;

/**
 * The form field a problem belongs to. Lists of numbers are one text box, but the schemas and
 * the server name the bad element (`tpSamples.1`, `tpSamples[1]`): without this the message
 * had no field to stand beside and the user saw nothing at all.
 */
export function formField(path: string): { field: string; index?: number } {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1');
  const m = /^(.*)\.(\d+)$/.exec(dotted);
  return m ? { field: m[1], index: Number(m[2]) } : { field: dotted };
}

/** Turns schema issues into messages in the user's language, one per field (the first wins). */
export function translateIssues(
  issues: readonly Issue[],
  t: TFunction,
  fmt: Formatter,
): FieldErrors {
  const out: FieldErrors = {};
  for (const raw of issues) {
    const { field, index } = formField(raw.field);
    const issue = { ...raw, field };
    if (out[issue.field] !== undefined) continue;
    const params: Record<string, string> = {};
    const scale = PERCENT_FIELDS.test(issue.field) ? 100 : 1;
    for (const [k, v] of Object.entries(issue.params)) {
      if (typeof v === 'number')
        params[k] = fmt.number(v * (k === 'minimum' || k === 'maximum' ? scale : 1), 6);
      else if (Array.isArray(v)) params[k] = v.join(', ');
      else params[k] = String(v);
    }
    if (params.other)
      params.other = t(`fieldNames.${params.other}`, { defaultValue: params.other });
    // A string too short is counted in characters, not values (a token, a name).
    const key =
      issue.code === 'too_few_items' && issue.params.unit === 'character'
        ? 'errors.too_few_characters'
        : `errors.${issue.code}`;
    const message = t(key, { ...params, defaultValue: t('errors.invalid', { reason: '' }) });
    out[issue.field] =
      index === undefined ? message : t('errors.atItem', { n: fmt.integer(index + 1), message });
  }
  return out;
}

/** Element id of a field path: `risks.0.likelihood` → `when-risks-0-likelihood`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}
