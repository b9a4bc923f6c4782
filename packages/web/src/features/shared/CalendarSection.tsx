import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarMove, type CalendarSummary } from '@flow-forecaster/engine';
import { Field } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { useLocation } from '../../lib/router';
import { useTeams } from '../../lib/team-store';
import {
  COMMON_COUNTRIES,
  DEFAULT_WORKING_DAYS,
  formOfCalendar,
  weekdayNames,
  workingDaysLabel,
  loadOptionalHolidays,
  type CalendarForm,
  type HistoryCalendarForm,
} from './calendar';
import { registerCalendarTranslations } from './calendar-i18n';
import type { FieldErrors } from './issues';

registerCalendarTranslations();

/** Country names in the UI language from the browser itself: no list to download. */
function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language || 'en'], { type: 'region' });
    return (code: string) => names.of(code) ?? code;
  }, [i18n.language]);
}

/** The optional holidays of the chosen country, loaded with the holiday data when shown. */
function useOptionalHolidays(on: boolean, country: string, region: string): string[] {
  const [names, setNames] = useState<string[]>([]);
  const { i18n } = useTranslation();
  const language = i18n.language || 'en';
  useEffect(() => {
    if (!on || !country) {
      setNames([]);
      return;
    }
    let live = true;
    loadOptionalHolidays(country, region, new Date().getFullYear(), language)
      .then((n) => live && setNames(n))
      .catch(() => live && setNames([]));
    return () => {
      live = false;
    };
  }, [on, country, region, language]);
  return names;
}

const ISO_WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Seven toggles for the working weekdays (Monday first), named by the browser in the reader's
 * language. With none on, the error says so at once: the request would be refused anyway.
 */
function WorkingDaysField({
  days,
  onChange,
  error,
  id,
}: {
  days: readonly number[];
  onChange: (days: number[]) => void;
  error: string | undefined;
  id: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language || 'en';
  const names = useMemo(() => weekdayNames(language), [language]);
  const long = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
    return ISO_WEEK.map((d) => fmt.format(new Date(Date.UTC(2024, 0, d))));
  }, [language]);
  const message = days.length === 0 ? t('calendar.noWorkingDays') : error;
  const errorId = message ? `${id}-error` : undefined;
  const toggle = (day: number, on: boolean) => {
    const rest = days.filter((d) => d !== day);
    onChange((on ? [...rest, day] : rest).sort((a, b) => a - b));
  };
  return (
    <fieldset
      className={`calendar-weekdays${message ? ' field--error' : ''}`}
      data-testid="working-days"
      aria-describedby={errorId}
    >
      <legend>{t('calendar.workingDays')}</legend>
      {ISO_WEEK.map((day, i) => (
        <label key={day} className="check" title={long[i]}>
          <input
            id={i === 0 ? id : undefined}
            type="checkbox"
            aria-label={long[i]}
            aria-invalid={message ? true : undefined}
            checked={days.includes(day)}
            onChange={(e) => toggle(day, e.target.checked)}
          />{' '}
          {names[day]}
        </label>
      ))}
      {message && (
        <p className="field__error" id={errorId} role="alert" data-field-error={id}>
          {message}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The current team's saved calendar for a forecast form: filled in once when the page opens
 * untouched (not from a share link, whose calendar is the sender's), and offered again with a
 * button when the form's calendar differs from it.
 */
function useTeamCalendar<F extends CalendarForm>(
  form: F,
  update: <K extends keyof F>(key: K, value: F[K]) => void,
): { name: string; same: boolean; apply: () => void } | null {
  const { i18n } = useTranslation();
  const { current } = useTeams();
  const shareLink = useLocation().query.has('s');
  const saved = current?.settings?.calendar;
  const language = i18n.language || 'en';
  const team = useMemo(
    () => (saved === undefined ? null : formOfCalendar(saved, language)),
    [saved, language],
  );
  const apply = () => {
    if (team === null) return;
    for (const key of Object.keys(team) as (keyof CalendarForm)[]) {
      update(key, team[key] as F[typeof key]);
    }
  };
  const done = useRef(false);
  useEffect(() => {
    if (done.current || team === null || shareLink) return;
    done.current = true;
    if (!form.calendarOn && form.blackoutText === '') apply();
    // Once, when the team's calendar is first known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [team, shareLink]);
  if (team === null || current === null) return null;
  const same = (Object.keys(team) as (keyof CalendarForm)[]).every(
    (k) => JSON.stringify(team[k]) === JSON.stringify(form[k]),
  );
  return { name: current.name, same, apply };
}

/** "The calendar saved with Team A", or a button to use it when the form's differs. */
function TeamCalendarLine({
  name,
  same,
  apply,
}: {
  name: string;
  same: boolean;
  apply: () => void;
}) {
  const { t } = useTranslation();
  return (
    <p className="field__hint" data-testid="calendar-team">
      {same ? (
        t('calendar.fromTeam', { team: name })
      ) : (
        <button type="button" className="btn btn--small" onClick={apply}>
          {t('calendar.useTeam', { team: name })}
        </button>
      )}
    </p>
  );
}

export function CalendarSection<F extends CalendarForm>({
  form,
  update,
  errors,
  id,
}: {
  form: F;
  update: <K extends keyof F>(key: K, value: F[K]) => void;
  errors: FieldErrors;
  id: (field: string) => string;
}) {
  const { t } = useTranslation();
  const fromTeam = useTeamCalendar(form, update);
  const optional = useOptionalHolidays(form.calendarOn, form.country, form.region);
  const toggle = (name: string, on: boolean) => {
    const rest = form.optionalNames.filter((n) => n !== name);
    update('optionalNames', (on ? [...rest, name] : rest) as F['optionalNames']);
  };
  const countryName = useCountryName();
  const codes: string[] = [...COMMON_COUNTRIES];
  if (form.country && !codes.includes(form.country)) codes.unshift(form.country);
  return (
    <details className="fieldset" open={form.calendarOn || undefined}>
      <summary>{t('calendar.legend')}</summary>
      <p className="field__hint">{t('calendar.hint')}</p>
      {fromTeam && <TeamCalendarLine {...fromTeam} />}
      <Check
        checked={form.calendarOn}
        onChange={(v) => update('calendarOn', v as F['calendarOn'])}
        label={t('calendar.use')}
      />
      {form.calendarOn && (
        <>
          <div className="row">
            <Field
              id={id('calendar.country')}
              label={t('calendar.country')}
              error={errors['calendar.country']}
            >
              <select
                value={form.country}
                onChange={(e) => update('country', e.target.value as F['country'])}
              >
                <option value="">{t('calendar.none')}</option>
                {codes.map((c) => (
                  <option key={c} value={c}>
                    {countryName(c)} ({c})
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={id('calendar.region')}
              label={t('calendar.region')}
              error={errors['calendar.region']}
            >
              <input
                value={form.region}
                onChange={(e) => update('region', e.target.value as F['region'])}
                disabled={!form.country}
              />
            </Field>
          </div>
          <WorkingDaysField
            id={id('calendar.workingDays')}
            days={form.workingDays ?? DEFAULT_WORKING_DAYS}
            onChange={(days) => update('workingDays', days as F['workingDays'])}
            error={errors['calendar.workingDays']}
          />
          <Check
            checked={form.includeOptional}
            onChange={(v) => update('includeOptional', v as F['includeOptional'])}
            label={t('calendar.optional')}
          />
          {!form.includeOptional && optional.length > 0 && (
            <fieldset className="calendar-optional" data-testid="optional-holidays">
              <legend>{t('calendar.optionalOneByOne')}</legend>
              {optional.map((name) => (
                <label key={name} className="check">
                  <input
                    type="checkbox"
                    checked={form.optionalNames.includes(name)}
                    onChange={(e) => toggle(name, e.target.checked)}
                  />{' '}
                  {name}
                </label>
              ))}
            </fieldset>
          )}
          <Field
            id={id('calendar.blackouts')}
            label={t('calendar.blackouts')}
            hint={t('calendar.blackoutsHint')}
            error={
              errors['calendar.blackouts'] ??
              Object.entries(errors).find(([k]) => k.startsWith('calendar.blackouts.'))?.[1]
            }
          >
            <textarea
              value={form.blackoutText}
              onChange={(e) => update('blackoutText', e.target.value as F['blackoutText'])}
              rows={2}
              spellCheck={false}
            />
          </Field>
        </>
      )}
    </details>
  );
}

/**
 * The calendar of a weekly history (backtest, flow throughput): the calendar itself, the date
 * its first week starts and the switch that leaves short weeks out of the samples.
 */
export function HistoryCalendarSection<F extends HistoryCalendarForm>(props: {
  form: F;
  update: <K extends keyof F>(key: K, value: F[K]) => void;
  errors: FieldErrors;
  id: (field: string) => string;
  /** Whether the page samples weeks (the short-week switch applies). */
  samples?: boolean;
}) {
  const { t } = useTranslation();
  const { form, update, errors, id } = props;
  return (
    <>
      <CalendarSection form={form} update={update} errors={errors} id={id} />
      {form.calendarOn && (
        <div className="row">
          <Field id={id('startDate')} label={t('calendar.historyStart')} error={errors.startDate}>
            <input
              type="date"
              value={form.historyStart}
              onChange={(e) => update('historyStart', e.target.value as F['historyStart'])}
            />
          </Field>
          {props.samples !== false && (
            <label className="check">
              <input
                type="checkbox"
                checked={form.excludeShortWeeks}
                onChange={(e) =>
                  update('excludeShortWeeks', e.target.checked as F['excludeShortWeeks'])
                }
              />{' '}
              {t('calendar.excludeShort')}
            </label>
          )}
        </div>
      )}
    </>
  );
}

/** How many weeks of a history had fewer working days than the calendar's usual week. */
export function ShortWeeksNote({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <p className="field__hint" data-testid="short-weeks">
      {t('calendar.shortWeeks', { count })}
    </p>
  );
}

/**
 * "Calendar: Brazil + 3 blackout days", how far it moved P85 and the days off the forecast
 * stepped over. The move is read from the result's own P85 date and days off (no second run).
 */
export function CalendarNote({
  calendar,
  p85Date,
  windowWorkingDays,
}: {
  calendar: CalendarSummary | null | undefined;
  /** The result's P85 date on the calendar (dated kinds). */
  p85Date?: string | null;
  /** The working days left in a fixed window (How many): its days off are what it lost. */
  windowWorkingDays?: number;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const countryName = useCountryName();
  if (!calendar) return null;
  const move = p85Date ? calendarMove(calendar, p85Date) : null;
  const lost = windowWorkingDays === undefined ? 0 : calendar.daysOff.length;
  // Working days other than Monday–Friday are named: "Brazil + Mon–Thu", or "Mon–Thu" alone.
  const week = workingDaysLabel(calendar.workingDays, i18n.language || 'en');
  const parts = [
    calendar.country ? countryName(calendar.country) : (week ?? t('calendar.weekdaysOnly')),
  ];
  if (calendar.country && week) parts.push(week);
  if (calendar.blackoutDays > 0)
    parts.push(t('calendar.blackoutDays', { count: calendar.blackoutDays }));
  const list = calendar.daysOff
    .slice(0, 12)
    .map((d) => `${fmt.shortDate(d.date)} (${d.reason})`)
    .join(', ');
  return (
    <div className="calendar-note" data-testid="calendar-note">
      <p>{t('calendar.named', { name: parts.join(' + ') })}</p>
      {move && (
        <p data-testid="calendar-moves">
          {t('calendar.moves', {
            count: move.workingDays,
            from: fmt.shortDate(move.from),
            to: fmt.shortDate(move.to),
          })}
        </p>
      )}
      {/* A week other than Monday–Friday keeps the samples' weekly throughput: say so, or
          unticking Friday (dates one day earlier) reads as the calendar making the team faster. */}
      {week && <p data-testid="calendar-same-throughput">{t('calendar.sameThroughput')}</p>}
      {windowWorkingDays !== undefined && lost > 0 && (
        <p data-testid="calendar-window">
          {t('calendar.window', {
            count: lost,
            left: windowWorkingDays,
            all: windowWorkingDays + lost,
          })}
        </p>
      )}
      {list && <p className="field__hint">{t('calendar.daysOff', { list })}</p>}
    </div>
  );
}

/** A switch of the calendar form: a checkbox before its label. */
function Check({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {label}
    </label>
  );
}
