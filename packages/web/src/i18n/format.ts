import { useTranslation } from 'react-i18next';

/** Number and date formatting for the chosen language, through `Intl` only. */
export interface Formatter {
  locale: string;
  number(value: number, maxDigits?: number): string;
  integer(value: number): string;
  /**
   * Exactly `digits` decimals ("1.0", not "1"): for figures read together, a mean and its SD,
   * which a reader compares digit by digit.
   */
  fixed(value: number, digits: number): string;
  /** A fraction (0.85) as a percent; like `pct`, a nonzero share never reads 0, nor 1 − ε 100. */
  percent(fraction: number, maxDigits?: number): string;
  /**
   * A figure already in percent (0–100, or more: 120 % of the time used), in the locale's one
   * percent style ("85%" in en and pt-BR, "85 %" in es), never a hand-written " %". A share
   * that is not zero never reads 0: "< 1%" (or "< 0.1%" with one digit); one short of the
   * whole never reads 100: "> 99%" (or "> 99.9%"). Exactly 100 stays "100%" (a true count).
   */
  pct(value: number, maxDigits?: number): string;
  /** The same with its sign ("+9.1%", "−3%"): an error that can go either way. */
  signedPct(value: number, maxDigits?: number): string;
  /**
   * A probability measured from runs, one decimal: every run (or none) finishing is not
   * certainty, so the extremes read "> 99.9 %" and "< 0.1 %", never 100 % or 0 %.
   */
  chance(fraction: number): string;
  money(value: number, currency: string): string;
  /** An ISO `YYYY-MM-DD` date in long form ("14 de março de 2027"). */
  date(iso: string): string;
  shortDate(iso: string): string;
  /**
   * A date as a chart's axis tick: day and month only ("9 jun.", "Jun 9"), since the medium
   * form with its year ("9 de jun. de 2025") is too long for several ticks on a phone.
   */
  axisDate(iso: string): string;
}

const cache = new Map<string, Formatter>();

/**
 * A fraction in the locale's percent style. Rounding never reaches the ends it does not touch:
 * a nonzero share too small to show at `max` digits reads "< 1%" ("> -1%" below zero), since
 * 5 of 2,000 items is not 0 % of the scope, and a share short of the whole that would round up
 * to it reads "> 99%" ("> 99.9%" with one digit), since 9,960 of 10,000 runs is not certainty.
 * Exactly 1 stays "100%": it is a true count (every run finished, the whole scope is done),
 * and a figure beyond it (120 % of the time used) is not a share, so it rounds as usual.
 */
function percentOf(locale: string, fraction: number, max: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const nf = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: max });
  const step = 10 ** -max / 100;
  if (fraction !== 0 && Math.abs(fraction) < step / 2) {
    return fraction > 0 ? `< ${nf.format(step)}` : `> ${nf.format(-step)}`;
  }
  if (fraction < 1 && fraction >= 1 - step / 2) return `> ${nf.format(1 - step)}`;
  return nf.format(fraction);
}

export function formatterFor(locale: string): Formatter {
  const hit = cache.get(locale);
  if (hit) return hit;
  const nf = (max: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: max });
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const axis = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const f: Formatter = {
    locale,
    number: (v, max = 1) => (Number.isFinite(v) ? nf(max).format(v) : '—'),
    integer: (v) => (Number.isFinite(v) ? nf(0).format(Math.round(v)) : '—'),
    fixed: (v, digits) =>
      Number.isFinite(v)
        ? new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(v)
        : '—',
    percent: (fr, max = 0) => percentOf(locale, fr, max),
    pct: (v, max = 0) => percentOf(locale, v / 100, max),
    signedPct: (v, max = 0) =>
      Number.isFinite(v)
        ? new Intl.NumberFormat(locale, {
            style: 'percent',
            maximumFractionDigits: max,
            signDisplay: 'exceptZero',
          }).format(v / 100)
        : '—',
    chance: (fr) => {
      if (!Number.isFinite(fr)) return '—';
      const pct = (v: number) =>
        new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
      if (fr >= 0.9995) return `> ${pct(0.999)}`;
      if (fr < 0.0005) return `< ${pct(0.001)}`;
      return pct(fr);
    },
    money: (v, currency) => {
      try {
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          maximumFractionDigits: 0,
        }).format(v);
      } catch (_e) {
        return `${nf(0).format(v)} ${currency}`;
      }
    },
    date: (iso) => (iso ? long.format(toDate(iso)) : '—'),
    shortDate: (iso) => (iso ? short.format(toDate(iso)) : '—'),
    axisDate: (iso) => (iso ? axis.format(toDate(iso)) : '—'),
  };
  cache.set(locale, f);
  return f;
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return formatterFor(i18n.language || 'en');
}
