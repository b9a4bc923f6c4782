import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForecastRun, type RunState } from '../../runner/context';
import { useFormat } from '../../i18n/format';
import { fieldId, formField, translateIssues, type FieldErrors, type Issue } from './issues';
import { defaultCurrency } from '../../i18n/languages';
import { defaultCountry, prepareCalendar } from './calendar';
import { useOpenShareLink, useWriteShareLink } from './useShareLink';

export interface BuiltBody {
  body: Record<string, unknown>;
  /** Problems found while reading the form (e.g. "5, x, 7" in a number list). */
  issues: Issue[];
}

interface Options<F> {
  kind: string;
  /** The page's route, which its share links open; `/<kind>` unless said. */
  path?: string;
  /** Prefix of the page's element ids (fields, the results title). */
  idPrefix: string;
  initial: F;
  toBody: (form: F) => BuiltBody;
  /** Some pages (risks, accuracy…) compute without a seed. */
  seeded?: boolean;
}

function resultSeed(result: unknown): number | undefined {
  if (typeof result === 'object' && result !== null && 'seed' in result) {
    const s = (result as { seed: unknown }).seed;
    if (typeof s === 'number') return s;
  }
  return undefined;
}

/** The form's issues in the reader's language, plus a field the run itself refused. */
function useFieldErrors(issues: Issue[], runState: RunState<unknown>): FieldErrors {
  const { t } = useTranslation();
  const fmt = useFormat();
  return useMemo(() => {
    const out = translateIssues(issues, t, fmt);
    // A field the server or the engine refused after validation passed (rare): show it there too.
    // The server names list elements (`tpSamples[1]`): show its reason beside the list's box.
    if (runState.status === 'error' && runState.field) {
      const { field } = formField(runState.field);
      if (!out[field]) out[field] = runState.message;
    }
    return out;
  }, [issues, t, fmt, runState]);
}

/**
 * After a forecast, bring its headline into view: on a short screen or a phone the result
 * lands below the form, and a reader should not have to hunt for it. A page whose results
 * load lazily (When) shows its headline a moment later: look again.
 */
function useHeadlineIntoView(result: unknown): void {
  useEffect(() => {
    if (result === null) return;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bring = () => {
      const headline = document.querySelector<HTMLElement>('[data-testid="headline"]');
      if (headline) headline.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
      else if (++tries < 40) timer = setTimeout(bring, 50);
    };
    bring();
    return () => clearTimeout(timer);
  }, [result]);
}

/**
 * The refusals no field on the page shows (a problem with the request as a whole, or with a
 * field the form has no box for), as one message for beside the run button: a Forecast button
 * that does nothing with nothing said is the worst answer a form can give.
 */
function useUnplacedRefusal(
  issues: Issue[],
  errors: FieldErrors,
  idPrefix: string,
  checkFailed: string | null,
): string | null {
  const { t } = useTranslation();
  return useMemo(() => {
    if (checkFailed !== null) return t('common.checkFailed', { message: checkFailed });
    const messages: string[] = [];
    for (const issue of issues) {
      const { field } = formField(issue.field);
      const message = errors[field];
      const shown = field !== '' && document.getElementById(fieldId(idPrefix, field)) !== null;
      if (!shown && message !== undefined && !messages.includes(message)) messages.push(message);
    }
    return messages.length === 0 ? null : t('common.formRefused', { message: messages.join(' ') });
  }, [issues, errors, idPrefix, checkFailed, t]);
}

/** Fetch the schemas while the user types, so the first submit does not wait for them. */
function usePrefetchValidation(): void {
  useEffect(() => {
    const id = setTimeout(() => void import('../../lib/validate').catch(() => undefined), 800);
    return () => clearTimeout(id);
  }, []);
}

/**
 * The trust rules: a result whose inputs have changed since (or that the form now refuses) is
 * marked out of date, never left on screen as if it answered the current inputs. A result
 * opened from a code without the page's form is not described by the form either.
 */
function staleness(
  shown: boolean,
  formRefused: boolean,
  formDiffers: boolean,
): false | 'changed' | 'invalid' {
  if (!shown) return false;
  if (formRefused) return 'invalid';
  return formDiffers ? 'changed' : false;
}

/** The request a form makes and its issues: the form's own, then the request schema's. */
function useCheckForm<F>(kind: string, toBody: (form: F) => BuiltBody, seeded: boolean) {
  const { i18n } = useTranslation();
  return useCallback(
    async (formValue: F, fixedSeed?: number) => {
      const built = toBody(formValue);
      const body = { ...built.body };
      if (seeded && fixedSeed !== undefined) body.seed = fixedSeed;
      await prepareCalendar(body, i18n.language || 'en');
      const { validateRequest } = await import('../../lib/validate');
      const checked = validateRequest(kind, body);
      const all: Issue[] = [...built.issues, ...(checked.ok ? [] : checked.issues)];
      return { body, checked, all };
    },
    [kind, toBody, seeded, i18n],
  );
}

/**
 * A form the last run refused is checked again on each edit (nothing runs), so a corrected
 * field's message goes at once instead of staying until the next run; the result on screen is
 * then out of date because the form changed.
 */
function useRecheck<F>(
  refused: boolean,
  form: F,
  seed: number | undefined,
  check: (form: F, seed?: number) => Promise<{ all: Issue[] }>,
  setIssues: (issues: Issue[]) => void,
): void {
  useEffect(() => {
    if (!refused) return;
    let live = true;
    void check(form, seed).then(({ all }) => {
      if (live) setIssues(all);
    });
    return () => {
      live = false;
    };
  }, [refused, form, seed, check, setIssues]);
}

/**
 * Everything a forecast page does besides drawing: form state (restored from a share link),
 * validation with the shared schemas, running in the worker or on the server, and the share
 * link of the current result.
 */
export function useForecastPage<F extends object, R>(options: Options<F>) {
  const { kind, path = `/${kind}`, idPrefix, initial, toBody, seeded = true } = options;
  const [form, setForm] = useState<F>(initial);
  const [seed, setSeed] = useState<number | undefined>(undefined);
  const [issues, setIssues] = useState<Issue[]>([]);
  const runner = useForecastRun<R>();
  const { run } = runner;
  const [ranForm, setRanForm] = useState<F | null>(null);
  /** The request as built from the form (before parsing), which a share code carries. */
  const [ranBody, setRanBody] = useState<Record<string, unknown> | null>(null);
  const [inputsOnly, setInputsOnly] = useState(false);
  const errors = useFieldErrors(issues, runner.state);
  /** Why the inputs could not even be checked (a holiday chunk that failed to download…). */
  const [checkFailed, setCheckFailed] = useState<string | null>(null);
  const refusal = useUnplacedRefusal(issues, errors, idPrefix, checkFailed);
  usePrefetchValidation();
  const update = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  }, []);

  const check = useCheckForm(kind, toBody, seeded);
  useRecheck(issues.length > 0, form, seed, check, setIssues);

  const submit = useCallback(
    async (formValue: F, fixedSeed?: number) => {
      let checkedForm: Awaited<ReturnType<typeof check>>;
      try {
        checkedForm = await check(formValue, fixedSeed);
      } catch (e) {
        setCheckFailed(e instanceof Error ? e.message : String(e));
        return;
      }
      setCheckFailed(null);
      const { body, checked, all } = checkedForm;
      setIssues(all);
      if (all.length > 0) {
        // Focus the first field in error so keyboard users land where the fix is needed.
        const first = document.getElementById(fieldId(idPrefix, all[0].field));
        first?.focus();
        return;
      }
      setInputsOnly(false);
      setRanForm(formValue);
      setRanBody(body);
      await run(kind, checked.ok ? checked.value : body);
    },
    [kind, idPrefix, check, run],
  );

  const runInput = useCallback(
    async (input: Record<string, unknown>) => {
      setIssues([]);
      setRanForm(null);
      setRanBody(input);
      await run(kind, input);
    },
    [kind, run],
  );

  const onSubmit = useCallback(
    (e: { preventDefault(): void }) => {
      e.preventDefault();
      void submit(form, seed);
    },
    [submit, form, seed],
  );

  // "Draw again": a new seed on purpose (without one, the seed is the hash of the inputs, so
  // clicking Forecast again gives the same numbers). The seed field shows the one drawn.
  const drawAgain = useCallback(() => {
    const fresh = globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
    setSeed(fresh);
    void submit(form, fresh);
  }, [submit, form]);

  const handled = useOpenShareLink({
    kind,
    initial,
    submit,
    runInput,
    setForm,
    setSeed,
    setInputsOnly,
  });

  const result = runner.state.status === 'done' ? runner.state.result : null;
  useHeadlineIntoView(result);
  const formChanged = ranForm !== null && JSON.stringify(form) !== JSON.stringify(ranForm);
  const stale = staleness(result !== null, issues.length > 0, formChanged || inputsOnly);
  const usedSeed = resultSeed(result);
  const request = useMemo(() => {
    if (result === null || ranBody === null || (seeded && usedSeed === undefined)) return null;
    return seeded ? { ...ranBody, seed: usedSeed } : ranBody;
  }, [result, ranBody, seeded, usedSeed]);
  const shareLink = useWriteShareLink({ kind, path, request, ranForm, handled });

  return {
    form,
    setForm,
    update,
    seed,
    setSeed,
    errors,
    issues,
    /** A refusal no field shows, said beside the run button (null when there is none). */
    refusal,
    onSubmit,
    drawAgain,
    state: runner.state,
    cancel: runner.cancel,
    result,
    stale,
    input: runner.state.status === 'done' ? runner.state.input : null,
    /** The form the shown result was run from (what the result panel describes). */
    ranForm: result ? ranForm : null,
    shareLink,
    idPrefix,
    id: (field: string) => fieldId(idPrefix, field),
  };
}

/**
 * A form's first values in the reader's language: the calendar's country (pt-BR → Brazil,
 * es → Spain) and the currency, each only where the form has one.
 */
export function useLanguageDefaults<F extends { country?: string; currency?: string }>(base: F): F {
  const { i18n } = useTranslation();
  const language = i18n.language || 'en';
  return useMemo(() => {
    const out = { ...base };
    if ('country' in base) Object.assign(out, { country: defaultCountry(language) });
    if ('currency' in base) Object.assign(out, { currency: defaultCurrency(language) });
    return out;
  }, [base, language]);
}
