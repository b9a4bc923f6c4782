/**
 * Calendars through the API (spec calendars.md): the reference cases on `when`, sync and on
 * the async route (the job carries the resolved holidays to the worker pool), and 400s naming
 * the calendar field.
 */
import { describe, expect, it } from 'vitest';
import { useAnonymousApp } from './helper';
import { pollTask } from './jobs-app';
import {
  BLACKOUT_CASE,
  LABOUR_DAY_PORTFOLIO,
  OFFSITE_BACKTEST,
} from '../../schemas/test/calendar-cases';

const case1 = BLACKOUT_CASE;

describe('calendars on the API', () => {
  const { app, post } = useAnonymousApp();

  it('reference case 1 (the spec request verbatim): done 2026-04-14 at every percentile', async () => {
    const res = await post('/api/forecast-when', case1);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.completionDates).toMatchObject({
      p50: '2026-04-14',
      p85: '2026-04-14',
      p95: '2026-04-14',
    });
    expect(body.calendar.daysOff).toHaveLength(2);
  });

  it('reference case 2: Brazil, Tiradentes skipped, done 2026-04-27, named on the result', async () => {
    const res = await post('/api/forecast-when', {
      backlog: 5,
      tpSamples: [1],
      throughputModel: 'bootstrap',
      resolution: 'day',
      startDate: '2026-04-20',
      calendar: { country: 'BR' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.completionDates.p50).toBe('2026-04-27');
    expect(body.calendar.country).toBe('BR');
    // No Accept-Language: holiday names in English.
    expect(body.calendar.daysOff).toEqual([{ date: '2026-04-21', reason: "Tiradentes' Day" }]);
  });

  it('holiday names follow Accept-Language unless calendar.language says otherwise', async () => {
    const reason = async (headers: Record<string, string>, calendar: Record<string, unknown>) => {
      const res = await app().inject({
        method: 'POST',
        url: '/api/forecast-when',
        headers,
        payload: {
          backlog: 5,
          tpSamples: [1],
          throughputModel: 'bootstrap',
          resolution: 'day',
          startDate: '2026-04-20',
          calendar: { country: 'BR', ...calendar },
        },
      });
      expect(res.statusCode).toBe(200);
      return res.json().calendar.daysOff[0].reason;
    };
    expect(await reason({ 'accept-language': 'pt-BR,pt;q=0.9,en;q=0.8' }, {})).toBe(
      'Dia de Tiradentes',
    );
    expect(await reason({ 'accept-language': 'en;q=0.5, es;q=0.9' }, {})).toBe('Dia de Tiradentes');
    expect(await reason({ 'accept-language': 'pt-BR' }, { language: 'en' })).toBe(
      "Tiradentes' Day",
    );
  });

  it('reference case 3 on the async route (run on the pool): P50 = P95 = 2026-05-15', async () => {
    const runs = 20_000;
    const res = await post('/api/async/when', {
      backlog: 10,
      tpSamples: [5],
      throughputModel: 'bootstrap',
      startDate: '2026-04-27',
      numberOfSimulations: runs,
      calendar: { country: 'BR' },
    });
    expect(res.statusCode).toBe(202);
    const { body: done } = await pollTask(app(), (res.json() as { task_id: string }).task_id);
    expect(done.state).toBe('SUCCESS');
    const result = done.result as {
      completionDates: Record<string, string>;
      histogram: { weeks: number; count: number }[];
    };
    expect(result.completionDates.p50).toBe('2026-05-15');
    expect(result.completionDates.p95).toBe('2026-05-15');
    const p = 0.8 ** 5;
    const share = (result.histogram.find((h) => h.weeks === 2)?.count ?? 0) / runs;
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
  });

  it('how many by a date, Brazil: the week of Labour Day keeps 4/5 of its items', async () => {
    const res = await post('/api/forecast-how-many', {
      tpSamples: [5],
      throughputModel: 'bootstrap',
      startDate: '2026-04-27',
      endDate: '2026-05-11',
      numberOfSimulations: 20_000,
      seed: 2,
      calendar: { country: 'BR' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.workingDays).toBe(9);
    expect(body.calendar.daysOff).toEqual([{ date: '2026-05-01', reason: 'Labour Day' }]);
    // Week 1 is Binomial(5, 0.8): the mean's spread is sqrt(0.8 / runs).
    expect(Math.abs(body.mean - 9)).toBeLessThan(4 * Math.sqrt(0.8 / 20_000));
  });

  it.each([
    [{ country: 'XX' }, 'calendar.country'],
    [{ country: 'BR', region: 'QQ' }, 'calendar.region'],
    [{ blackouts: [{ from: '2026-04-08', to: '2026-04-07' }] }, 'calendar.blackouts.0.to'],
    [{ blackouts: [{ from: '2026-04-08', to: '31/02/2026' }] }, 'calendar.blackouts.0.to'],
    [{ workingDays: [0, 1] }, 'calendar.workingDays.0'],
    [{ workingDays: [] }, 'calendar.workingDays'],
  ])('400 for calendar %j, naming %s', async (calendar, field) => {
    for (const url of ['/api/forecast-when', '/api/async/when']) {
      const res = await post(url, { ...case1, calendar });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ error: { code: 'FF_ERR_VALIDATION', field } });
    }
  });

  // Backtest: a history of 20 weeks from 2026-01-05 whose week 10 was an offsite.
  const backtestBody = {
    ...OFFSITE_BACKTEST,
    calendar: { blackouts: [{ from: '2026-03-16', to: '2026-03-20', note: 'offsite' }] },
  };

  it('backtest: folds forecast on the calendar and are dated, the same on the async route', async () => {
    const res = await post('/api/backtest', backtestBody);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.calendar.blackoutDays).toBe(5);
    expect(body.weekWorkingDays[10]).toBe(0);
    const fold = body.folds.find((f: { trainEnd: number }) => f.trainEnd === 10);
    expect(fold.forecasts['85']).toBe(3);
    expect(fold.forecastDates['85']).toBe('2026-04-03');
    const queued = await post('/api/async/backtest', backtestBody);
    expect(queued.statusCode).toBe(202);
    const { body: done } = await pollTask(app(), (queued.json() as { task_id: string }).task_id);
    expect(done.state).toBe('SUCCESS');
    expect((done.result as { folds: unknown }).folds).toEqual(body.folds);
  });

  it.each([
    [{ blackouts: [{ from: '2026-04-08', to: '2026-04-07' }] }, 'calendar.blackouts.0.to'],
    [{ country: 'XX' }, 'calendar.country'],
    [{ workingDays: [8] }, 'calendar.workingDays.0'],
  ])('backtest: 400 for calendar %j, naming %s', async (calendar, field) => {
    const res = await post('/api/backtest', { ...backtestBody, calendar });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'FF_ERR_VALIDATION', field } });
    const { startDate: _omit, ...noStart } = backtestBody;
    const missing = await post('/api/backtest', noStart);
    expect(missing.json()).toMatchObject({ error: { field: 'startDate' } });
  });

  it('flow: the throughput series marks Brazil’s holidays; bad calendars are 400s', async () => {
    const items = [
      { id: 'A-1', started: '2026-04-13', done: '2026-04-14' },
      { id: 'A-2', started: '2026-04-20', done: '2026-04-22' },
    ];
    const res = await post('/api/flow', {
      items,
      asOf: '2026-04-26',
      calendar: { country: 'BR', language: 'pt' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.calendar.country).toBe('BR');
    expect(body.calendarDays.daysOff).toEqual([
      { date: '2026-04-21', reason: 'Dia de Tiradentes' },
    ]);
    expect(body.calendarDays.shortWeeks).toEqual(['2026-04-20']);
    for (const [calendar, field] of [
      [{ blackouts: [{ from: '2026-04-08', to: '2026-04-07' }] }, 'calendar.blackouts.0.to'],
      [{ country: 'XX' }, 'calendar.country'],
      [{ workingDays: [] }, 'calendar.workingDays'],
    ] as const) {
      const bad = await post('/api/flow', { items, calendar });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { field } });
    }
  });

  it('portfolio: Labour Day moves the feature a week, sync and async; 400s name calendar fields', async () => {
    const portfolio = {
      ...LABOUR_DAY_PORTFOLIO,
      calendar: { country: 'BR', language: 'pt' },
    };
    const res = await post('/api/portfolio', portfolio);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.features[0].completionDates.p85).toBe('2026-05-15');
    expect(body.calendar.daysOff).toEqual([{ date: '2026-05-01', reason: 'Dia do trabalhador' }]);
    const queued = await post('/api/async/portfolio', portfolio);
    expect(queued.statusCode).toBe(202);
    const { body: done } = await pollTask(app(), (queued.json() as { task_id: string }).task_id);
    expect(done.state).toBe('SUCCESS');
    expect(done.result).toEqual(body);
    for (const [calendar, field] of [
      [{ blackouts: [{ from: '2026-05-08', to: '2026-05-07' }] }, 'calendar.blackouts.0.to'],
      [{ country: 'XX' }, 'calendar.country'],
      [{ workingDays: [0] }, 'calendar.workingDays.0'],
    ] as const) {
      const bad = await post('/api/portfolio', { ...portfolio, calendar });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { field } });
    }
  });

  it('documents the calendar fields in the OpenAPI body of when', async () => {
    const doc = (await app().inject('/docs/json')).json() as {
      paths: Record<string, { post?: { requestBody?: unknown } }>;
    };
    expect(JSON.stringify(doc.paths['/api/forecast-when']?.post?.requestBody)).toContain(
      'optionalHolidays',
    );
  });
});
