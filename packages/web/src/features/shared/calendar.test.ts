import { describe, expect, it } from 'vitest';
import { BodyBuilder } from './body';
import {
  addCalendar,
  addHistoryCalendar,
  calendarOfForm,
  defaultCountry,
  initialCalendar,
  formOfCalendar,
  initialHistoryCalendar,
  mondayWeeksAgo,
  parseBlackouts,
  workingDaysLabel,
} from './calendar';

describe('working weekdays', () => {
  it('names a week other than Monday–Friday in the reader’s language', () => {
    expect(workingDaysLabel([1, 2, 3, 4, 5], 'en')).toBeNull();
    expect(workingDaysLabel([1, 2, 3, 4], 'en')).toBe('Mon–Thu');
    expect(workingDaysLabel([1, 2, 3, 4], 'pt-BR')).toBe('seg–qui');
    expect(workingDaysLabel([1, 2, 3, 4], 'es')).toBe('lun–jue');
    expect(workingDaysLabel([5, 1, 3], 'en')).toBe('Mon, Wed, Fri');
    expect(workingDaysLabel([1, 2, 3, 4, 5, 6], 'en')).toBe('Mon–Sat');
    expect(workingDaysLabel([6, 7], 'en')).toBe('Sat, Sun');
  });

  it('writes working days only when they differ from the default, and reads them back', () => {
    const form = { ...initialCalendar('en'), calendarOn: true };
    expect(calendarOfForm(form)).not.toHaveProperty('workingDays');
    const monThu = { ...form, workingDays: [4, 1, 2, 3] };
    expect(calendarOfForm(monThu).workingDays).toEqual([1, 2, 3, 4]);
    // None is sent as it is, for the schema to refuse beside the field.
    expect(calendarOfForm({ ...form, workingDays: [] }).workingDays).toEqual([]);
    // A team's saved week survives the form: saving it again keeps it.
    const team = formOfCalendar({ workingDays: [1, 2, 3, 4] }, 'en');
    expect(team.workingDays).toEqual([1, 2, 3, 4]);
    expect(calendarOfForm(team).workingDays).toEqual([1, 2, 3, 4]);
    expect(formOfCalendar({ country: 'BR' }, 'en').workingDays).toEqual([1, 2, 3, 4, 5]);
  });

  it('opens a form saved before working days existed as Monday–Friday', () => {
    const { workingDays: _dropped, ...old } = { ...initialCalendar('en'), calendarOn: true };
    // A share link's form is spread over the page's initial form, as useOpenShareLink does.
    const restored = { ...initialCalendar('en'), ...old };
    expect(restored.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(calendarOfForm(restored)).not.toHaveProperty('workingDays');
  });
});

describe('calendar form', () => {
  it('defaults the country from the UI language', () => {
    expect(defaultCountry('pt-BR')).toBe('BR');
    expect(defaultCountry('es')).toBe('ES');
    expect(defaultCountry('en')).toBe('');
  });

  it('reads team days off one per line, ranges with .., and notes', () => {
    expect(parseBlackouts('2026-12-24..2027-01-01 year-end break\n\n2026-04-07')).toEqual([
      { from: '2026-12-24', to: '2027-01-01', note: 'year-end break' },
      { from: '2026-04-07', to: '2026-04-07' },
    ]);
  });

  it('reads a range without years as yearly, and writes it back the same way', () => {
    const text = '12-24..01-01 year-end\n05-01\n2026-04-07..2026-04-08 offsite';
    const blackouts = parseBlackouts(text);
    expect(blackouts).toEqual([
      { from: '2000-12-24', to: '2001-01-01', every: 'year', note: 'year-end' },
      { from: '2000-05-01', to: '2000-05-01', every: 'year' },
      { from: '2026-04-07', to: '2026-04-08', note: 'offsite' },
    ]);
    expect(formOfCalendar({ blackouts }, 'en').blackoutText).toBe(text);
  });

  it('adds the calendar only when it is switched on', () => {
    const off = new BodyBuilder();
    addCalendar(off, { ...initialCalendar('pt-BR'), blackoutText: '2026-04-07' });
    expect(off.build().body.calendar).toBeUndefined();

    const on = new BodyBuilder();
    addCalendar(on, {
      ...initialCalendar('pt-BR'),
      calendarOn: true,
      region: ' sp ',
      includeOptional: true,
      blackoutText: '2026-04-07..2026-04-08 offsite',
    });
    expect(on.build().body.calendar).toEqual({
      country: 'BR',
      region: 'sp',
      optionalHolidays: 'include',
      blackouts: [{ from: '2026-04-07', to: '2026-04-08', note: 'offsite' }],
    });
  });
});

describe('history calendar (backtest)', () => {
  it('starts on a Monday and sends startDate and the short-week switch only when on', () => {
    expect(mondayWeeksAgo(0, new Date(2026, 3, 9))).toBe('2026-04-06');
    expect(mondayWeeksAgo(2, new Date(2026, 3, 6))).toBe('2026-03-23');
    const off = new BodyBuilder();
    addHistoryCalendar(off, initialHistoryCalendar('pt-BR', 4));
    expect(off.build().body).toEqual({});
    const on = new BodyBuilder();
    addHistoryCalendar(on, {
      ...initialHistoryCalendar('pt-BR', 4),
      calendarOn: true,
      historyStart: '2026-01-05',
      excludeShortWeeks: true,
    });
    expect(on.build().body).toEqual({
      startDate: '2026-01-05',
      excludeShortWeeks: true,
      calendar: { country: 'BR' },
    });
  });
});
