import { describe, expect, it } from 'vitest';
import { BodyBuilder } from './body';
import { addCalendar, defaultCountry, initialCalendar, parseBlackouts } from './calendar';

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
