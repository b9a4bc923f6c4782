/**
 * Trust rules, sampling error: a percentile's 95 % interval from the runs' order statistics,
 * shown beside the figure, and a line offering more runs when it spans more than one unit.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

export interface SamplingInterval {
  low: number;
  /** Null when the runs at that rank did not finish (portfolio). */
  high: number | null;
}

type Format = (n: number) => string;

/** "22–23" (or "22" when both ends agree, "22+" with unfinished runs); "—" without one. */
export function useIntervalRange(): (
  iv: SamplingInterval | null | undefined,
  format?: Format,
) => string {
  const fmt = useFormat();
  return (iv, format = (n) => fmt.number(n)) =>
    !iv
      ? '—'
      : iv.high === null
        ? `${format(iv.low)}+`
        : iv.low === iv.high
          ? format(iv.low)
          : `${format(iv.low)}–${format(iv.high)}`;
}

/**
 * "P50 8–9 (95 % interval)" with the figure's label, else "95 % interval: 22–23"; undefined
 * without an interval. A single point says so ("P50 9, no sampling spread"), never "9–9" or a
 * bare "9" that reads as a second figure ("95 %: 9" read as "95 % → 9 weeks" beside a P95 of 12).
 */
export function useIntervalNote(): (
  iv: SamplingInterval | null | undefined,
  format?: Format,
  label?: string,
) => string | undefined {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (iv, format = (n) => fmt.number(n), label) => {
    if (!iv) return undefined;
    if (iv.high === iv.low) {
      const value = format(iv.low);
      return label === undefined
        ? t('common.interval95Exact', { value })
        : t('common.interval95ExactOf', { label, value });
    }
    const range = iv.high === null ? `${format(iv.low)}+` : `${format(iv.low)}–${format(iv.high)}`;
    return label === undefined
      ? t('common.interval95', { range })
      : t('common.interval95Of', { label, range });
  };
}

/** True when the interval spans more than `unit` (one week or item by default). */
export function widerThan(iv: SamplingInterval | null | undefined, unit = 1): boolean {
  if (!iv) return false;
  return iv.high === null || iv.high - iv.low > unit;
}

/** The offer of more runs, shown only when the headline figure's interval is wide. */
export function MoreRuns({ wide, unit }: { wide: boolean; unit: 'weeks' | 'items' | 'cost' }) {
  const { t } = useTranslation();
  if (!wide) return null;
  return (
    <p className="field__hint" data-testid="more-runs">
      {t(
        unit === 'weeks'
          ? 'common.moreRuns'
          : unit === 'items'
            ? 'common.moreRunsItems'
            : 'common.moreRunsCost',
      )}
    </p>
  );
}
