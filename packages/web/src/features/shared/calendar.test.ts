import { describe, expect, it } from 'vitest';
import { BodyBuilder } from './body';
import {
  addCalendar,
  addHistoryCalendar,
  defaultCountry,
  initialCalendar,
  formOfCalendar,
  initialHistoryCalendar,
  mondayWeeksAgo,
  parseBlackouts,
} from './calendar';

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
