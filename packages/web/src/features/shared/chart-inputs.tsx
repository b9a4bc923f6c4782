/**
 * The key inputs of a result (backlog, period or deadline, history window, runs, seed) as the
 * lines its downloaded charts and printed report carry.
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Formatter } from '../../i18n/format';
import { useFormat } from '../../i18n/format';
import { ChartNoteContext } from '../../components/chart-note';

type Obj = Record<string, unknown>;

const num = (o: Obj, ...keys: string[]): number | undefined => {
  for (const k of keys) if (typeof o[k] === 'number') return o[k] as number;
  return undefined;
};

export function keyInputLines(
  t: TFunction,
  fmt: Formatter,
  input: unknown,
  result: unknown,
): string[] {
  const i = (typeof input === 'object' && input !== null ? input : {}) as Obj;
  const r = (typeof result === 'object' && result !== null ? result : {}) as Obj;
  const parts: string[] = [];
  const backlog = num(i, 'numberOfTasks', 'backlog');
  if (backlog !== undefined)
    parts.push(t('chartNote.backlog', { count: backlog, items: fmt.integer(backlog) }));
  const days = num(i, 'days');
  if (days !== undefined)
    parts.push(t('chartNote.period', { count: days, days: fmt.integer(days) }));
  if (typeof i.deadlineDate === 'string')
    parts.push(t('chartNote.deadline', { date: fmt.date(i.deadlineDate) }));
  const window = i.historyWindow as { weeks?: number; from?: string; to?: string } | undefined;
  const tp = Array.isArray(i.tpSamples) ? i.tpSamples.length : undefined;
  const weeks = window?.weeks ?? tp;
  if (weeks !== undefined) {
    parts.push(
      window?.from && window.to
        ? t('chartNote.historyRange', {
            count: weeks,
            weeks: fmt.integer(weeks),
            from: fmt.date(window.from),
            to: fmt.date(window.to),
          })
        : t('chartNote.history', { count: weeks, weeks: fmt.integer(weeks) }),
    );
  }
  const runs = num(r, 'numberOfSimulations', 'nSimulations');
  if (runs !== undefined) parts.push(t('chartNote.runs', { runs: fmt.integer(runs) }));
  const seed = num(r, 'seed');
  if (seed !== undefined) parts.push(t('chartNote.seed', { seed: String(seed) }));
  return parts.length > 0 ? [parts.join(' · ')] : [];
}

/** Gives the charts inside a result its key inputs for their downloads. */
export function ChartInputs({
  input,
  result,
  children,
}: {
  input: unknown;
  result: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ChartNoteContext.Provider value={keyInputLines(t, fmt, input, result)}>
      {children}
    </ChartNoteContext.Provider>
  );
}
