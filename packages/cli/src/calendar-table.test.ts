/** `--format table` names the calendar a result was computed on, for every kind that takes one. */
import { describe, expect, it } from 'vitest';
import { ffInProcess } from '../test/run-in-process';
import { LABOUR_DAY_PORTFOLIO } from '../../schemas/test/calendar-cases';

const ff = ffInProcess;

const CAL = ['--country', 'BR', '--blackout', '2026-04-07..2026-04-09'];
const week = { tpSamples: [3, 4, 5, 6], throughputModel: 'bootstrap', seed: 1 };
const flowBody = {
  items: [
    { id: 'A-1', started: '2026-03-30', done: '2026-04-02' },
    { id: 'A-2', started: '2026-04-01', done: '2026-04-14' },
    { id: 'A-3', started: '2026-04-13', done: '2026-04-24' },
    { id: 'A-4', started: '2026-04-20' },
  ],
  asOf: '2026-04-26',
  window: 'all',
};

describe('ff --format table names the calendar', () => {
  it.each([
    ['when', { ...week, backlog: 20, startDate: '2026-04-06', numberOfSimulations: 500 }],
    ['how-many', { ...week, days: 28, startDate: '2026-04-06', numberOfSimulations: 500 }],
    [
      'deadline',
      {
        ...week,
        backlog: 20,
        startDate: '2026-04-06',
        deadlineDate: '2026-06-01',
        numberOfSimulations: 500,
      },
    ],
  ])('%s: "calendar: Brazil + 3 blackout days" and the days off', async (kind, body) => {
    const r = await ff([kind, ...CAL, '--format', 'table'], body);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^calendar: Brazil \+ 3 blackout days$/m);
    expect(r.stdout).toMatch(/^days off: 2026-04-07 /m);
    expect(r.stdout).toContain("2026-04-21 Tiradentes' Day");
    // Without a calendar there is no calendar line.
    const plain = await ff([kind, '--format', 'table'], body);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/^calendar:/m);
  });

  it('says how far the days off moved P85, from the result’s own date (when, deadline)', async () => {
    for (const [kind, extra] of [
      ['when', {}],
      ['deadline', { deadlineDate: '2026-06-01' }],
    ] as const) {
      const body = {
        ...week,
        backlog: 20,
        startDate: '2026-04-06',
        numberOfSimulations: 500,
        ...extra,
      };
      const json = JSON.parse((await ff([kind, ...CAL], body)).stdout);
      const p85 = json.completionDates.p85 as string;
      const before = (json.calendar.daysOff as { date: string }[]).filter((d) => d.date <= p85);
      expect(before.length).toBeGreaterThan(0);
      const r = await ff([kind, ...CAL, '--format', 'table'], body);
      expect(r.stdout).toMatch(
        new RegExp(
          `^holidays and days off move P85 by ${before.length} working days: \\d{4}-\\d{2}-\\d{2} → ${p85}$`,
          'm',
        ),
      );
    }
    // How many has no P85 date to move.
    const hm = await ff(['how-many', ...CAL, '--format', 'table'], {
      ...week,
      days: 28,
      startDate: '2026-04-06',
      numberOfSimulations: 500,
    });
    expect(hm.stdout).not.toMatch(/move P85/);
  });

  it('names working weekdays that are not Monday–Friday, and a region', async () => {
    const r = await ff(
      ['when', '--country', 'BR', '--region', 'SP', '--working-days', '1,2,3,4,5,6', '-f', 'table'],
      { ...week, backlog: 20, startDate: '2026-04-06', numberOfSimulations: 500 },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^calendar: Brazil \(SP\), working Mon Tue Wed Thu Fri Sat$/m);
  });

  it('without a country: "calendar: no public holidays + 1 blackout day"', async () => {
    const r = await ff(['when', '--blackout', '2026-04-07', '--format', 'table'], {
      ...week,
      backlog: 20,
      startDate: '2026-04-06',
      numberOfSimulations: 500,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^calendar: no public holidays \+ 1 blackout day$/m);
  });

  it('backtest and the full simulation name it too', async () => {
    const bt = await ff(['backtest', ...CAL, '--format', 'table'], {
      tpSamples: Array.from({ length: 16 }, (_, i) => 3 + (i % 4)),
      backlog: 10,
      throughputModel: 'bootstrap',
      minTrainSize: 6,
      numberOfSimulations: 500,
      seed: 4,
      startDate: '2026-01-05',
    });
    expect(bt.code, bt.stderr).toBe(0);
    expect(bt.stdout).toMatch(/^calendar: Brazil \+ 3 blackout days$/m);
    const sim = await ff(['simulate', ...CAL, '--format', 'table'], {
      tpSamples: [3, 4, 5],
      ltSamples: [2, 3, 4],
      numberOfTasks: 20,
      totalContributors: 2,
      minContributors: 1,
      maxContributors: 2,
      sCurveSize: 20,
      startDate: '2026-04-06',
      nSimulations: 500,
      seed: 1,
    });
    expect(sim.code, sim.stderr).toBe(0);
    expect(sim.stdout).toMatch(/^calendar: Brazil \+ 3 blackout days$/m);
  });

  it('ff flow --country keeps the calendar (it was dropped with the flow flags)', async () => {
    const r = await ff(['flow', '--country', 'BR', '--as-of', '2026-04-26'], flowBody);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.calendar).toMatchObject({ country: 'BR' });
    expect(out.calendarDays.shortWeeks).toContain('2026-04-20');
    const table = await ff(['flow', '--country', 'BR', '--format', 'table'], flowBody);
    expect(table.stdout).toMatch(/^calendar: Brazil$/m);
    const bad = await ff(['flow', '--blackout', '2026-04-09..2026-04-01'], flowBody);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: calendar\.blackouts\.0\.to:/);
  });

  it('history names the calendar over its range', async () => {
    const r = await ff(['history', '--country', 'BR', '--format', 'table'], {
      items: [
        { start: '2026-04-14', done: '2026-04-20' },
        { start: '2026-04-15', done: '2026-04-28' },
      ],
      from: '2026-04-20',
      to: '2026-05-03',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^calendar: Brazil$/m);
    expect(r.stdout).toContain('2026-05-01 Labour Day');
  });

  it('ff portfolio --country BR: the feature moves past Labour Day, the table names Brazil', async () => {
    const body = LABOUR_DAY_PORTFOLIO;
    const r = await ff(['portfolio', '--country', 'BR'], body);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).features[0].completionDates.p85).toBe('2026-05-15');
    const table = await ff(['portfolio', '--country', 'BR', '--format', 'table'], body);
    expect(table.stdout).toMatch(/^calendar: Brazil$/m);
    expect(table.stdout).toContain('2026-05-01 Labour Day');
    const bad = await ff(['portfolio', '--blackout', '2026-05-08..2026-05-07'], body);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: calendar\.blackouts\.0\.to:/);
  });
});
