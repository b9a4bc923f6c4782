import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { replaceQuery, useLocation } from '../../lib/router';
import { useForecastRun } from '../../runner/context';
import { useFormat } from '../../i18n/format';
import { decodeShare, encodeShare, shareUrl } from '../../lib/share';
import { fieldId, formField, translateIssues, type FieldErrors, type Issue } from './issues';
import { prepareCalendar } from './calendar';

export interface BuiltBody {
  body: Record<string, unknown>;
  /** Problems found while reading the form (e.g. "5, x, 7" in a number list). */
  issues: Issue[];
}

interface Options<F> {
  kind: string;
  path: string;
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

/**
 * Everything a forecast page does besides drawing: form state (restored from a share link),
 * validation with the shared schemas, running in the worker or on the server, and the share
 * link of the current result.
 */
export function useForecastPage<F extends object, R>(options: Options<F>) {
  const { kind, path, idPrefix, initial, toBody, seeded = true } = options;
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const location = useLocation();
  const sParam = location.query.get('s');
  const shared = useMemo(() => decodeShare<F>(sParam), [sParam]);
  const [form, setForm] = useState<F>(() => (shared ? { ...initial, ...shared.form } : initial));
  const [seed, setSeed] = useState<number | undefined>(shared?.seed);
  const [issues, setIssues] = useState<Issue[]>([]);
  const runner = useForecastRun<R>();
  const { run } = runner;
  const [ranForm, setRanForm] = useState<F | null>(null);
  const runState = runner.state;
  const errors: FieldErrors = useMemo(() => {
    const out = translateIssues(issues, t, fmt);
    // A field the server or the engine refused after validation passed (rare): show it there too.
    // The server names list elements (`tpSamples[1]`): show its reason beside the list's box.
    if (runState.status === 'error' && runState.field) {
      const { field } = formField(runState.field);
      if (!out[field]) out[field] = runState.message;
    }
    return out;
  }, [issues, t, fmt, runState]);

  // Fetch the schemas while the user types, so the first submit does not wait for them.
  useEffect(() => {
    const id = setTimeout(() => void import('../../lib/validate').catch(() => undefined), 800);
    return () => clearTimeout(id);
  }, []);

  const update = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  }, []);

  const submit = useCallback(
    async (formValue: F, fixedSeed?: number) => {
      const built = toBody(formValue);
      const body = { ...built.body };
      if (seeded && fixedSeed !== undefined) body.seed = fixedSeed;
      await prepareCalendar(body, i18n.language || 'en');
      const { validateRequest } = await import('../../lib/validate');
      const checked = validateRequest(kind, body);
      const all: Issue[] = [...built.issues, ...(checked.ok ? [] : checked.issues)];
      setIssues(all);
      if (all.length > 0) {
        // Focus the first field in error so keyboard users land where the fix is needed.
        const first = document.getElementById(fieldId(idPrefix, all[0].field));
        first?.focus();
        return;
      }
      setRanForm(formValue);
      await run(kind, checked.ok ? checked.value : body);
    },
    [kind, idPrefix, toBody, seeded, run, i18n],
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

  // A share link runs on arrival, with its seed, so the numbers match the sender's. The link
  // this page writes into the address bar itself is remembered so it does not run again.
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (shared && sParam !== handled.current) {
      handled.current = sParam;
      const restored = { ...initial, ...shared.form };
      setForm(restored);
      setSeed(shared.seed);
      void submit(restored, shared.seed);
    }
  }, [shared, sParam, submit, initial]);

  const result = runner.state.status === 'done' ? runner.state.result : null;
  // The trust rules: a result whose inputs have changed since (or that the form now refuses) is
  // marked out of date, never left on screen as if it answered the current inputs.
  const formChanged = ranForm !== null && JSON.stringify(form) !== JSON.stringify(ranForm);
  const stale: false | 'changed' | 'invalid' =
    result === null ? false : issues.length > 0 ? 'invalid' : formChanged ? 'changed' : false;
  const usedSeed = resultSeed(result);
  const shareLink =
    result && ranForm && (!seeded || usedSeed !== undefined)
      ? shareUrl(path, encodeShare(ranForm, usedSeed ?? 0))
      : undefined;

  // After a forecast, bring its headline into view: on a short screen or a phone the result
  // lands below the form, and a reader should not have to hunt for it.
  // A page whose results load lazily (When) shows its headline a moment later: look again.
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

  // Keep the address bar on the current result, so a bookmark or reload shows it again.
  useEffect(() => {
    if (result && ranForm && (!seeded || usedSeed !== undefined)) {
      const encoded = encodeShare(ranForm, usedSeed ?? 0);
      handled.current = encoded;
      replaceQuery(path, { s: encoded });
    }
  }, [result, ranForm, usedSeed, seeded, path]);

  return {
    form,
    setForm,
    update,
    seed,
    setSeed,
    errors,
    issues,
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
    id: (field: string) => fieldId(idPrefix, field),
  };
}
