import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** What a weeks result says about its runs stopped at maxWeeks (engine `RunsFinished`). */
export interface StoppedRunsView {
  maxWeeks: number;
  finishedShare: number;
  numberOfSimulations: number;
  beyondMaxWeeks: Record<'p10' | 'p25' | 'p50' | 'p75' | 'p85' | 'p90' | 'p95', boolean>;
}

/**
 * The trust rules' wording for a cap: "More than 10 years (none of the 10,000 runs finished)"
 * for the headline, "> 520" for a figure, never a date.
 */
export function useBeyondMaxWeeks() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const span = (maxWeeks: number) =>
    maxWeeks % 52 === 0
      ? t('when.years', { count: maxWeeks / 52 })
      : t('when.weeksSpan', { count: fmt.integer(maxWeeks) });
  return {
    span,
    /** In place of a date the cap never gives: "> 10 years", so it never reads as a result. */
    dateBeyond: (maxWeeks: number) => t('when.beyondValue', { weeks: span(maxWeeks) }),
    headline(r: StoppedRunsView): string {
      const finished = Math.round(r.finishedShare * r.numberOfSimulations);
      const params = {
        span: span(r.maxWeeks),
        runs: fmt.integer(r.numberOfSimulations),
        share: fmt.percent(r.finishedShare, 1),
      };
      return finished === 0
        ? t('when.beyondHeadline', params)
        : t('when.beyondHeadlineSome', params);
    },
    /**
     * Beside a headline that some runs did answer: the share that did not, said as such (a
     * "More than 10 years" line under "85 % within 489 weeks" would read as a contradiction).
     */
    notice(r: StoppedRunsView): string {
      return t('when.beyondNotice', {
        span: span(r.maxWeeks),
        runs: fmt.integer(r.numberOfSimulations),
        share: fmt.percent(1 - r.finishedShare, 1),
      });
    },
    /** A percentile's weeks, or "> maxWeeks" when it is the cap. */
    weeks(r: StoppedRunsView, level: keyof StoppedRunsView['beyondMaxWeeks'], value: number) {
      return r.beyondMaxWeeks[level]
        ? t('when.beyondValue', { weeks: fmt.integer(r.maxWeeks) })
        : fmt.number(value);
    },
    /** The same with its unit, singular or plural by the language's rules ("1 week"). */
    weeksWithUnit(
      r: StoppedRunsView,
      level: keyof StoppedRunsView['beyondMaxWeeks'],
      value: number,
    ): string {
      const beyond = r.beyondMaxWeeks[level];
      return t('common.weeksCount', {
        count: beyond ? r.maxWeeks : value,
        n: beyond ? t('when.beyondValue', { weeks: fmt.integer(r.maxWeeks) }) : fmt.number(value),
      });
    },
  };
}

/** The engine found no work at all (an empty backlog): "nothing left to do", not "within 0 weeks". */
export function isEmptyBacklog(r: { warningCodes?: readonly { code: string }[] }): boolean {
  return (r.warningCodes ?? []).some((w) => w.code === 'emptyBacklog');
}
