import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunState } from '../runner/context';

/** The submit button, then progress with a cancel button while a forecast runs. */
export function RunControls<R>({
  state,
  onCancel,
  label,
  stale = false,
  refusal = null,
}: {
  state: RunState<R>;
  onCancel: () => void;
  label?: string;
  /** The result on screen no longer answers the form: never announce it as ready. */
  stale?: false | 'changed' | 'invalid';
  /** Why the last Forecast did not run, when no field of the form shows it. */
  refusal?: string | null;
}) {
  const { t } = useTranslation();
  const running = state.status === 'running';
  const pct = running ? Math.round(state.progress * 100) : 0;
  const wasRunning = useRef(false);
  useEffect(() => {
    // A run that just finished: its headline is what was asked for, so bring it into view
    // (on a phone the results sit below the form; on a desktop the form may be scrolled down).
    if (wasRunning.current && state.status === 'done') {
      const headline = document.querySelector('.layout section .headline');
      headline?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    }
    wasRunning.current = running;
  }, [state.status, running]);
  return (
    <div className="run-controls">
      <button type="submit" className="btn btn--primary" disabled={running}>
        {label ?? t('common.run')}
      </button>
      {running && (
        <div className="run-progress" aria-live="polite">
          <progress
            max={100}
            value={pct}
            aria-label={t('common.progress')}
            data-testid="run-progress"
          />
          <span>
            {t('common.percentDone', { pct })}{' '}
            {state.mode === 'server'
              ? t('common.onServer')
              : state.mode === 'browser'
                ? t('common.inBrowser')
                : ''}
          </span>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {/* Always present, so screen readers announce when its text changes. */}
      <p className="visually-hidden" aria-live="polite" data-testid="run-status">
        {state.status !== 'done'
          ? ''
          : stale === 'invalid'
            ? t('common.staleInvalid')
            : stale === 'changed'
              ? t('common.stale')
              : t('common.resultsReady')}
      </p>
      {refusal !== null && (
        <p className="notice notice--error" role="alert" data-testid="form-refusal">
          {refusal}
        </p>
      )}
      {state.status === 'cancelled' && (
        <p className="notice" role="status">
          {t('common.cancelled')}
        </p>
      )}
      {state.status === 'error' && (
        <p className="notice notice--error" role="alert">
          {t('common.failed', { message: state.message })}
        </p>
      )}
    </div>
  );
}
