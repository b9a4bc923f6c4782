import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCEPTED_DATE_FORMATS, addDays, addWeeks, daysBetween, parseDate } from './dates';

describe('parseDate', () => {
  it.each([
    ['2025-10-01', '2025-10-01'],
    ['2025-10-01T13:45:00Z', '2025-10-01'],
    ['2025-10-01T23:59:59.123+02:00', '2025-10-01'],
    ['01/10/2025', '2025-10-01'],
    ['1/10/25', '2025-10-01'],
    ['01-10-2025', '2025-10-01'],
    ['01.10.2025', '2025-10-01'],
    ['2025/10/01', '2025-10-01'],
    ['29/02/2024', '2024-02-29'],
    [' 2025-01-31 ', '2025-01-31'],
  ])('reads %s', (s, iso) => {
    expect(parseDate(s)).toBe(iso);
  });

  it.each([
    '2025-02-30',
    '31/04/2025',
    '29/02/2025',
    '2025-13-01',
    '00/01/2025',
    'tomorrow',
    '',
    '2025-1-1x',
    '10-01-25',
  ])('rejects %s without rolling over', (s) => {
    expect(parseDate(s)).toBeNull();
  });

  it('names every accepted format', () => {
    for (const f of [
      'YYYY-MM-DD',
      'DD/MM/YYYY',
      'DD/MM/YY',
      'DD-MM-YYYY',
      'DD.MM.YYYY',
      'YYYY/MM/DD',
    ]) {
      expect(ACCEPTED_DATE_FORMATS).toContain(f);
    }
  });
});

describe('date arithmetic', () => {
  it('crosses months, leap days and DST dates in UTC', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('turns fractional weeks into whole days', () => {
    expect(addWeeks('2025-10-01', 2)).toBe('2025-10-15');
    expect(addWeeks('2025-10-01', 2.1)).toBe('2025-10-16');
    expect(addWeeks('2025-10-01', 0.5)).toBe('2025-10-05');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2025-10-01', '2025-10-16')).toBe(15);
    expect(daysBetween('2025-10-16', '2025-10-01')).toBe(-15);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 20000 }), (n) => {
        expect(daysBetween('2000-01-01', addDays('2000-01-01', n))).toBe(n);
      }),
    );
  });
});
