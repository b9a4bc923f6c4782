import type { TFunction } from 'i18next';
import type { HistoryWindowResult } from '@flow-forecaster/engine';

/** "last 12 weeks: P85 held in 86% of 40 backtests", in the reader's language. */
export function windowReason(t: TFunction, rec: HistoryWindowResult, weeks: number): string {
  const label =
    rec.window === 'all' ? t('flow.controls.all') : t('flow.controls.weeks', { count: rec.window });
  if (rec.calibration === null) {
    return t('flow.window.tooShort', { count: weeks, weeks });
  }
  return t('flow.window.reason', {
    label,
    target: 85,
    rate: Math.round(rec.calibration.rate),
    folds: rec.calibration.folds,
  });
}
