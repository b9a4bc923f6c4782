/** The calendar options of `ff` (spec calendars.md): the reference cases through the CLI. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ffInProcess } from '../test/run-in-process';
import { OFFSITE_BACKTEST } from '../../schemas/test/calendar-cases';

const ff = ffInProcess;

const daily = { tpSamples: [2], throughputModel: 'bootstrap', seed: 1 };

describe('ff calendar options', () => {
  it('--blackout and --resolution day: reference case 1 → 2026-04-14', async () => {
    const r = await ff(['when', '--resolution', 'day', '--blackout', '2026-04-07..2026-04-08'], {
      ...daily,
      backlog: 10,
      startDate: '2026-04-06',
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.completionDates.p50).toBe('2026-04-14');
    expect(out.completionDates.p95).toBe('2026-04-14');
    expect(out.workingDays.p85).toBe(5);
  });

  it('--blackout without years recurs every year (12-24..01-01)', async () => {
    const r = await ff(['when', '--resolution', 'day', '--blackout', '12-24..01-01'], {
      ...daily,
      tpSamples: [1],
      backlog: 10,
      startDate: '2027-12-20',
    });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    // Dec 20–23, then Jan 3–7 and 10, 2028: the 2027 year-end is off.
    expect(out.completionDates.p85).toBe('2028-01-10');
    expect(out.calendar.daysOff[0]).toEqual({ date: '2027-12-24', reason: 'blackout' });
    const bad = await ff(['when', '--blackout', '12-24..13-01'], {
      ...daily,
      backlog: 5,
      startDate: '2027-12-20',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('calendar.blackouts.0.to');
  });

  it('--country BR: Tiradentes skipped → 2026-04-27 (reference case 2)', async () => {
    const r = await ff(['when', '--country', 'BR', '--resolution', 'day'], {
      ...daily,
      tpSamples: [1],
      backlog: 5,
      startDate: '2026-04-20',
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.completionDates.p85).toBe('2026-04-27');
    expect(out.calendar.daysOff).toEqual([{ date: '2026-04-21', reason: "Tiradentes' Day" }]);
    const pt = await ff(
      ['when', '--country', 'BR', '--resolution', 'day', '--holiday-language', 'pt'],
      { ...daily, tpSamples: [1], backlog: 5, startDate: '2026-04-20' },
    );
    expect(JSON.parse(pt.stdout).calendar.daysOff[0].reason).toBe('Dia de Tiradentes');
  });

  it('weekly model, --country BR: P50 = P95 = 2026-05-15 (reference case 3)', async () => {
    const r = await ff(['when', '--country', 'BR', '--runs', '20000'], {
      tpSamples: [5],
      throughputModel: 'bootstrap',
      backlog: 10,
      startDate: '2026-04-27',
      seed: 5,
    });
    const out = JSON.parse(r.stdout);
    expect(out.completionDates.p50).toBe('2026-05-15');
    expect(out.completionDates.p95).toBe('2026-05-15');
    const share = out.histogram.find((h: { weeks: number }) => h.weeks === 2).count / 20000;
    const p = 0.8 ** 5;
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 20000));
  });

  it.each([
    [['--country', 'XX'], 'calendar.country'],
    [['--blackout', '2026-04-08..2026-04-07'], 'calendar.blackouts.0.to'],
    [['--working-days', '0,1'], 'calendar.workingDays.0'],
  ])('%j is a usage error naming %s', async (flags, field) => {
    const r = await ff(['when', ...flags], { ...daily, backlog: 5, startDate: '2026-04-06' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${field.replace(/\./g, '\\.')}:`));
  });

  it('backtest --blackout: the offsite week thins the folds ahead of it, dated forecasts', async () => {
    const body = OFFSITE_BACKTEST;
    const r = await ff(['backtest', '--blackout', '2026-03-16..2026-03-20'], body);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const fold = out.folds.find((f: { trainEnd: number }) => f.trainEnd === 10);
    expect(fold.forecasts['85']).toBe(3);
    expect(fold.forecastDates['85']).toBe('2026-04-03');
    const bad = await ff(['backtest', '--blackout', '2026-03-20..2026-03-16'], body);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: calendar\.blackouts\.0\.to:/);
  });

  it('offers the calendar options only to kinds whose request takes a calendar', async () => {
    expect((await ff(['when', '--help'], {})).stdout).toMatch(/--country CODE/);
    const other = await ff(['risks', '--country', 'BR'], {});
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/unknown option '--country'/);
  });

  it('history from a CSV with --country: short weeks marked, items per working day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ff-cal-'));
    try {
      const csv = join(dir, 'items.csv');
      writeFileSync(csv, 'Key,Done\nA-1,2026-04-20\nA-2,2026-04-22\nA-3,2026-04-28\n');
      const r = await ff(
        [
          'history',
          '--csv',
          csv,
          '--done-column',
          'Done',
          '--from',
          '2026-04-20',
          '--to',
          '2026-05-03',
          '--country',
          'BR',
        ],
        {},
      );
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      // Tiradentes (Apr 21) and Labour Day (May 1) make both weeks short.
      expect(out.shortWeeks).toEqual(['2026-04-20', '2026-04-27']);
      expect(out.weekWorkingDays).toEqual([4, 4]);
      expect(out.dailyThroughput).toEqual([1, 1, 0, 0, 0, 1, 0, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
