import { describe, expect, it } from 'vitest';
import { runForecast } from '@flow-forecaster/engine';
import { parseRequest } from './requests';
import { saveTeamSchema } from './team';

const when = (blackout: Record<string, unknown>) => ({
  backlog: 10,
  tpSamples: [1],
  throughputModel: 'bootstrap',
  resolution: 'day',
  startDate: '2027-12-20',
  calendar: { blackouts: [blackout] },
});

describe('yearly blackouts in a request', () => {
  it('repeat every year: a range given for 2000 blocks Christmas week of 2027', () => {
    const r = parseRequest(
      'when',
      when({ from: '2000-12-24', to: '2001-01-01', note: 'year-end', every: 'year' }),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.calendar?.blackouts?.[0]).toMatchObject({ every: 'year' });
    const out = runForecast('when', r.value);
    // Dec 20–23 (4), then Jan 3–8, 2028 (6): the year-end is off.
    expect(out.completionDates?.p85).toBe('2028-01-10');
    expect(out.calendar?.daysOff[0]).toEqual({ date: '2027-12-24', reason: 'year-end' });
  });

  it('400s name the field: a yearly range over a year, an unknown repeat', () => {
    const long = parseRequest(
      'when',
      when({ from: '2026-01-01', to: '2027-01-05', every: 'year' }),
    );
    expect(long.ok ? null : long.error.field).toBe('calendar.blackouts.0.to');
    const weekly = parseRequest(
      'when',
      when({ from: '2026-01-01', to: '2026-01-01', every: 'week' }),
    );
    expect(weekly.ok ? null : weekly.error.field).toBe('calendar.blackouts.0.every');
    const team = saveTeamSchema.safeParse({
      name: 'T',
      source: 'throughput',
      throughput: [1],
      settings: {
        calendar: { blackouts: [{ from: '2026-01-01', to: '2027-06-01', every: 'year' }] },
      },
    });
    expect(team.success ? null : team.error.issues[0].path.join('.')).toBe(
      'settings.calendar.blackouts.0.to',
    );
  });
});
