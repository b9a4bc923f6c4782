import { useEffect, useRef, useState } from 'react';
import { navigate, replaceQuery, useLocation } from '../../lib/router';
import { decodeShare, encodeShare, sharePagePath, shareUrl } from '../../lib/share';

interface Opening<F> {
  kind: string;
  initial: F;
  /** Runs a form with the given seed, as the Forecast button does. */
  submit: (form: F, seed?: number) => Promise<void>;
  /** Runs a request as it is: a code made without the page's form (e.g. by `/api/encode`). */
  runInput: (input: Record<string, unknown>) => Promise<void>;
  setForm: (form: F) => void;
  setSeed: (seed: number | undefined) => void;
  /** Marks a result opened without a form, which the (initial) form does not describe. */
  setInputsOnly: (inputsOnly: boolean) => void;
}

/**
 * Opening a share link (`?s=`): the link runs on arrival with its seed, so the numbers match
 * the sender's. A code of another kind moves to that kind's page. Returns `handled`, which the
 * writing side updates with the code it puts into the address bar, so that one does not run
 * again.
 */
export function useOpenShareLink<F extends object>(options: Opening<F>) {
  const sParam = useLocation().query.get('s');
  const handled = useRef<string | null>(null);
  // The latest callbacks, so a new `submit` (e.g. after a language switch) does not reopen.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (!sParam || sParam === handled.current) return;
    handled.current = sParam;
    void decodeShare<F>(sParam).then((opened) => {
      if (!opened) return;
      const { kind, initial, submit, runInput, setForm, setSeed, setInputsOnly } = latest.current;
      if (opened.kind !== undefined && opened.kind !== kind) {
        const other = sharePagePath(opened.kind);
        if (other) navigate(other, { s: sParam });
        return;
      }
      if (opened.form) {
        const restored = { ...initial, ...opened.form };
        setInputsOnly(false);
        setForm(restored);
        setSeed(opened.seed);
        void submit(restored, opened.seed);
      } else if (opened.input) {
        setInputsOnly(true);
        setSeed(opened.seed);
        void runInput(opened.input);
      }
    });
  }, [sParam]);

  return handled;
}

interface Writing<F> {
  kind: string;
  path: string;
  /** The request the shown result was run from (seed included), or null when none is shown. */
  request: Record<string, unknown> | null;
  /** The form it was run from; null for a result opened from a code without one. */
  ranForm: F | null;
  handled: { current: string | null };
}

/**
 * The share link of the shown result, kept in the address bar too, so a bookmark or reload
 * shows it again. Codes are compressed asynchronously, so the link appears a moment after the
 * result.
 */
export function useWriteShareLink<F extends object>(options: Writing<F>): string | undefined {
  const { kind, path, request, ranForm, handled } = options;
  const [link, setLink] = useState<string | undefined>(undefined);
  useEffect(() => {
    setLink(undefined);
    if (!request) return;
    let live = true;
    encodeShare(kind, request, ranForm ?? undefined)
      .then((code) => {
        if (!live) return;
        handled.current = code;
        replaceQuery(path, { s: code });
        setLink(shareUrl(path, code));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [kind, path, request, ranForm, handled]);
  return link;
}
