import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { parseBody } from '@flow-forecaster/schemas';
import { useFormat } from '../../i18n/format';
import { ApiError } from '../../lib/api';
import { translateIssues, type Issue } from '../shared/issues';
import { useErrorText } from './ui';

function fieldValue(body: unknown, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      body,
    );
}

/**
 * Form state for the account forms: validates with the server's own zod schema before sending,
 * puts each problem beside its field (also the server's `field` errors), and anything else in
 * one alert at the top.
 */
export function useAccountForm<S extends z.ZodType>(schema: S, prefix: string) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorText = useErrorText();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [sent, setSent] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useMemo(() => {
    const out = translateIssues(issues, t, fmt);
    for (const issue of issues) {
      // Text typed into a number box reads better quoted back than as a type name.
      const typed = fieldValue(sent, issue.field);
      if (issue.code === 'wrong_type' && typeof typed === 'string') {
        out[issue.field] = t('errors.not_a_number', { value: typed });
        continue;
      }
      // The schemas report a short string as too few "items"; here every such field is text.
      if (issue.code !== 'too_few_items' || out[issue.field] === undefined) continue;
      const min = Number(issue.params.minimum);
      out[issue.field] =
        min <= 1 ? t('errors.required') : t('account.fields.tooShort', { min: fmt.integer(min) });
    }
    return out;
  }, [issues, sent, t, fmt]);

  const id = useCallback((field: string) => `${prefix}-${field}`, [prefix]);

  /**
   * Validates `body`; when it passes (and the page has no problem of its own, `blocked`), runs
   * `send` with the parsed value. `describe` turns an API error into a page-specific message.
   */
  const submit = useCallback(
    async (
      body: unknown,
      send: (value: z.output<S>) => Promise<void>,
      options: { describe?: (err: ApiError) => string | null; blocked?: string } = {},
    ): Promise<boolean> => {
      const { describe, blocked } = options;
      setFormError(null);
      setSent(body);
      const parsed = parseBody(schema, body);
      if (!parsed.ok) {
        setIssues(parsed.issues);
        document.getElementById(id(parsed.issues[0].field))?.focus();
        return false;
      }
      setIssues([]);
      if (blocked) {
        document.getElementById(id(blocked))?.focus();
        return false;
      }
      setBusy(true);
      try {
        await send(parsed.value);
        return true;
      } catch (err) {
        const special = err instanceof ApiError && describe ? describe(err) : null;
        if (special) setFormError(special);
        else if (err instanceof ApiError && err.status === 400 && err.field) {
          setIssues([{ field: err.field, code: 'invalid', params: { reason: err.message } }]);
        } else setFormError(errorText(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [schema, id, errorText],
  );

  return { errors, formError, setFormError, busy, submit, id };
}
