/**
 * The team's working calendar on the flow pages: kept in the team's settings (and with it in a
 * project), so the run charts shade the team's weekends, holidays and days off, and the weeks
 * with fewer working days.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowCalendarDays, type FlowCalendarDays } from '@flow-forecaster/engine';
import {
  describeIssues,
  resolveSavedCalendar,
  savedCalendarSchema,
  type SavedCalendar,
} from '@flow-forecaster/schemas';
import { useFormat } from '../../i18n/format';
import { updateTeam, type Team } from '../../lib/team-store';
import { CalendarSection } from '../shared/CalendarSection';
import { calendarOfForm, formOfCalendar, type CalendarForm } from '../shared/calendar';
import { translateIssues, type FieldErrors } from '../shared/issues';

/**
 * The days off of a team's weekly series on its saved calendar (holidays in `language`), or
 * null without a calendar or while the country's holiday data loads.
 */
export function useTeamCalendarDays(
  saved: SavedCalendar | undefined,
  weekly: readonly { weekStart: string }[],
  language: string,
): FlowCalendarDays | null {
  const [days, setDays] = useState<FlowCalendarDays | null>(null);
  const first = weekly[0]?.weekStart;
  useEffect(() => {
    setDays(null);
    if (saved === undefined || first === undefined) return;
    let live = true;
    const load = saved.country
      ? import('../../lib/holidays').then((h) => h.installCountry(saved.country ?? ''))
      : Promise.resolve();
    load
      .then(() => {
        const cal = resolveSavedCalendar(saved, first, language);
        if (live && cal !== null) setDays(flowCalendarDays(cal, weekly)?.days ?? null);
      })
      .catch(() => live && setDays(null));
    return () => {
      live = false;
    };
    // The series is read when its first week or length changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved, first, weekly.length, language]);
  return days;
}

/** The calendar section, saved into the team when the user says so. */
export function TeamCalendarEditor({ team }: { team: Team }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const language = i18n.language || 'en';
  const saved = team.settings?.calendar;
  const [form, setForm] = useState<CalendarForm>(() => formOfCalendar(saved, language));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  useEffect(() => setForm(formOfCalendar(saved, language)), [saved, language]);
  const update = <K extends keyof CalendarForm>(key: K, value: CalendarForm[K]) => {
    setDone(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const save = async () => {
    let calendar: SavedCalendar | undefined;
    if (form.calendarOn) {
      if (form.country) {
        const { installCountry } = await import('../../lib/holidays');
        await installCountry(form.country);
      }
      const body = calendarOfForm(form);
      const r = savedCalendarSchema.safeParse(body);
      if (!r.success) {
        const issues = describeIssues(r.error.issues, body).map((i) => ({
          ...i,
          field: `calendar.${i.field}`,
        }));
        setErrors(translateIssues(issues, t, fmt));
        return;
      }
      calendar = r.data;
    }
    setErrors({});
    const { calendar: _old, ...rest } = team.settings ?? {};
    await updateTeam(team.id, { settings: calendar ? { ...rest, calendar } : rest });
    setDone(true);
  };
  return (
    <div className="flow-calendar" data-testid="team-calendar">
      <CalendarSection
        form={form}
        update={update}
        errors={errors}
        id={(field) => `flow-${field.replace(/\./g, '-')}`}
      />
      <button type="button" className="btn btn--small" onClick={() => void save()}>
        {t('flow.calendar.save')}
      </button>
      {done && (
        <span role="status" className="field__hint">
          {' '}
          {t('flow.calendar.saved')}
        </span>
      )}
    </div>
  );
}
