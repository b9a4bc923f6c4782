import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DATE_TIME_FORMATS,
  dateOfDateTime,
  dateTimeToMs,
  detectDateTimeFormat,
  parseDateTime,
} from './date-time';

describe('parseDateTime', () => {
  it('reads each tracker format to the same local date-time', () => {
    const want = '2025-03-06T17:15:00';
    expect(parseDateTime('06/Mar/25 5:15 PM', DATE_TIME_FORMATS.jira)).toBe(want);
    expect(parseDateTime('3/6/2025 5:15:00 PM', DATE_TIME_FORMATS.azureUs)).toBe(want);
    expect(parseDateTime('06/03/2025 17:15', DATE_TIME_FORMATS.dayFirst)).toBe(want);
    expect(parseDateTime('2025-03-06T17:15:00', 'iso')).toBe(want);
  });

  it('converts zoned ISO values to UTC and keeps the Z', () => {
    expect(parseDateTime('2025-03-06T17:15:00.000Z')).toBe('2025-03-06T17:15:00Z');
    expect(parseDateTime('2025-03-06T23:30:00-03:00')).toBe('2025-03-07T02:30:00Z');
    expect(parseDateTime('2025-03-07T01:30:00+0200')).toBe('2025-03-06T23:30:00Z');
    expect(parseDateTime('2025-03-06T17:15:00.250Z')).toBe('2025-03-06T17:15:00.250Z');
    expect(parseDateTime('2025-03-06')).toBe('2025-03-06T00:00:00');
  });

  it('handles 12 AM / 12 PM, missing time parts and other languages', () => {
    expect(parseDateTime('01/Jan/25 12:05 AM', DATE_TIME_FORMATS.jira)).toBe('2025-01-01T00:05:00');
    expect(parseDateTime('01/Jan/25 12:05 PM', DATE_TIME_FORMATS.jira)).toBe('2025-01-01T12:05:00');
    expect(parseDateTime('01/Jan/25', DATE_TIME_FORMATS.jira)).toBe('2025-01-01T00:00:00');
    expect(parseDateTime('15/fev/25 9:00 AM', DATE_TIME_FORMATS.jira)).toBe('2025-02-15T09:00:00');
    expect(parseDateTime('15/Dic./25 9:00 p.m.', DATE_TIME_FORMATS.jira)).toBe(
      '2025-12-15T21:00:00',
    );
    expect(parseDateTime('6/3/2025', DATE_TIME_FORMATS.dayFirst)).toBe('2025-03-06T00:00:00');
    expect(parseDateTime('06/03/2025 17:15:42', DATE_TIME_FORMATS.dayFirst)).toBe(
      '2025-03-06T17:15:42',
    );
    expect(parseDateTime('06/03/2025 17:15 PM', DATE_TIME_FORMATS.dayFirst)).toBeNull();
  });

  it('rejects impossible dates and values in another format', () => {
    expect(parseDateTime('31/02/2025 10:00', DATE_TIME_FORMATS.dayFirst)).toBeNull();
    expect(parseDateTime('2/17/2025 4:15:00 PM', 'd/M/yyyy h:mm:ss a')).toBeNull();
    expect(parseDateTime('13:00 PM 1/1/2025', DATE_TIME_FORMATS.azureUs)).toBeNull();
    expect(parseDateTime('1/1/2025 13:00:00 PM', DATE_TIME_FORMATS.azureUs)).toBeNull();
    expect(parseDateTime('06/Xyz/25 5:15 PM', DATE_TIME_FORMATS.jira)).toBeNull();
    expect(parseDateTime('2025-13-01')).toBeNull();
    expect(parseDateTime('')).toBeNull();
    expect(parseDateTime(null)).toBeNull();
  });

  it('defaults to day-first for slashed numeric dates', () => {
    expect(parseDateTime('02/03/2025 10:00')).toBe('2025-03-02T10:00:00');
    expect(parseDateTime('06/Mar/25 5:15 PM')).toBe('2025-03-06T17:15:00');
  });

  it('round-trips any valid local date-time through the day-first pattern (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        (d) => {
          const p = (n: number) => String(n).padStart(2, '0');
          const text = `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
          const iso = parseDateTime(text, DATE_TIME_FORMATS.dayFirst);
          expect(iso).not.toBeNull();
          const ms = dateTimeToMs(iso!);
          expect(ms).toBe(Math.floor(d.getTime() / 60_000) * 60_000);
          expect(dateOfDateTime(iso!)).toBe(d.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe('detectDateTimeFormat', () => {
  it('settles month-first from a value with a day above 12', () => {
    const r = detectDateTimeFormat(['2/3/2025 4:15:00 PM', '2/17/2025 9:00:00 AM', '']);
    expect(r.format).toBe(DATE_TIME_FORMATS.azureUs);
  });

  it('reports an ambiguous column instead of guessing', () => {
    const r = detectDateTimeFormat(['2/3/2025 4:15:00 PM', '5/6/2025 9:00:00 AM']);
    expect(r.format).toBeNull();
    expect(r.candidates).toContain(DATE_TIME_FORMATS.azureUs);
    expect(r.candidates).toContain('d/M/yyyy h:mm:ss a');
  });

  it('finds Jira, ISO and day-first columns', () => {
    expect(detectDateTimeFormat(['06/Mar/25 5:15 PM']).format).toBe(DATE_TIME_FORMATS.jira);
    expect(detectDateTimeFormat(['2025-03-06T17:15:00.000Z']).format).toBe('iso');
    expect(detectDateTimeFormat(['17/02/2025 16:15', '06/03/2025 17:15']).format).toBe(
      DATE_TIME_FORMATS.dayFirst,
    );
    expect(detectDateTimeFormat(['not a date']).format).toBeNull();
    expect(detectDateTimeFormat([]).candidates).toEqual([]);
  });
});
