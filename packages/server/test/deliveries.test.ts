import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks } from '@flow-forecaster/engine';
import { backupDatabase, restoreDatabase } from '../src/backup';
import { createTestApp, databases, login } from './helper';
import type { Caller, TestApp } from './helper';

/** spec/tracking.md's reference history: 5 a week before 2026-01-19, 10 a week from then on. */
const HISTORY = Array.from({ length: 20 }, (_, k) => {
  const weekStart = addWeeks('2025-10-06', k);
  return { weekStart, count: weekStart < '2026-01-19' ? 5 : 10 };
});

const RUNS = 10_000;

describe.each(databases)('deliveries on %s', (db) => {
  let t: TestApp;
  let a: Caller;
  let b: Caller;
  let projectId: string;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ db });
    await login(t.app); // the first account is the admin
    a = await login(t.app);
    b = await login(t.app);
    const p = await call(a, 'POST', '/api/projects', { name: 'Checkout' });
    projectId = p.json().id;
    base = `/api/projects/${projectId}/deliveries`;
  });
  afterAll(async () => {
    await t?.close();
  });

  function call(c: Caller, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
    return t.app.inject({
      method,
      url,
      headers: c.headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  }

  it('re-forecasts the spec reference case at each check-in, as of its date', async () => {
    const created = await call(a, 'POST', base, {
      name: 'Release 3',
      start: '2026-01-05',
      targetDate: '2026-03-02',
      history: HISTORY,
      throughputModel: 'bootstrap',
      numberOfSimulations: RUNS,
      seed: 1,
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({ name: 'Release 3', checkIns: [], version: 1, closed: false });

    const first = await call(a, 'POST', `${base}/${d.id}/check-ins`, {
      date: '2026-01-19',
      done: 10,
      remaining: 30,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().checkIns[0]).toMatchObject({
      date: '2026-01-19',
      percentile_stats: { p50: 6, p85: 6, p95: 6 },
      completionDates: { p50: '2026-03-02', p85: '2026-03-02', p95: '2026-03-02' },
      probabilityByTarget: 1,
      scopeAdded: null,
      historyWeeks: 15,
    });

    const second = await call(a, 'POST', `${base}/${d.id}/check-ins`, {
      date: '2026-02-02',
      done: 20,
      remaining: 25,
      version: 2,
    });
    expect(second.statusCode, second.body).toBe(201);
    const c2 = second.json().checkIns[1];
    expect(c2).toMatchObject({
      percentile_stats: { p50: 5, p85: 5, p95: 5 },
      completionDates: { p50: '2026-03-09', p85: '2026-03-09', p95: '2026-03-09' },
      scopeAdded: 5,
      historyWeeks: 17,
    });
    const exact = 1 - (15 / 17) ** 4;
    expect(Math.abs(c2.probabilityByTarget - exact)).toBeLessThan(
      4 * Math.sqrt((exact * (1 - exact)) / RUNS),
    );

    const replay = await call(a, 'POST', `${base}/${d.id}/replay`);
    expect(replay.json()).toEqual({ identical: true, checkIns: 2, mismatches: [] });
  });

  it('400s bad check-ins naming the field, and saves nothing half-way', async () => {
    const list = await call(a, 'GET', base);
    const d = list.json().items[0];
    const before = (await call(a, 'GET', `${base}/${d.id}`)).json();
    const cases: [unknown, string][] = [
      [{ date: '2026-01-26', done: 25, remaining: 20 }, 'checkIns.2.date'],
      [{ date: '2026-02-09', done: -1, remaining: 20 }, 'done'],
      [
        {
          date: '2026-02-09',
          done: 1,
          remaining: 20,
          history: [{ weekStart: '2026-01-07', count: 3 }],
        },
        'history.0.weekStart',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await call(a, 'POST', `${base}/${d.id}/check-ins`, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const stale = await call(a, 'POST', `${base}/${d.id}/check-ins`, {
      date: '2026-02-09',
      done: 30,
      remaining: 20,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const early = await call(a, 'POST', `${base}/${d.id}/close`, { actualDate: '2026-01-30' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.field).toBe('checkIns.1.date');
    expect((await call(a, 'GET', `${base}/${d.id}`)).json()).toEqual(before);
  });

  it('keeps other users out, closes, reopens, exports and calibrates', async () => {
    const d = (await call(a, 'GET', base)).json().items[0];
    expect((await call(b, 'GET', base)).statusCode).toBe(404);
    expect((await call(b, 'GET', `${base}/${d.id}`)).statusCode).toBe(404);
    expect(
      (await call(b, 'POST', `${base}/${d.id}/close`, { actualDate: '2026-03-02' })).statusCode,
    ).toBe(404);

    const closed = await call(a, 'POST', `${base}/${d.id}/close`, {
      actualDate: '2026-03-09',
      note: 'shipped after the holiday',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ closed: true, closeNote: 'shipped after the holiday' });
    expect(closed.json().checkIns.map((c: { hits: unknown }) => c.hits)).toEqual([
      { P50: false, P85: false, P95: false },
      { P50: true, P85: true, P95: true },
    ]);

    const cal = (await call(a, 'GET', `/api/projects/${projectId}/calibration`)).json();
    expect(cal).toMatchObject({ deliveries: 1, checkIns: 2, verdict: 'insufficient data' });
    expect(cal.levels[1]).toMatchObject({ level: 'P85', hits: 1, count: 2, deliveriesHeld: 0 });
    expect((await call(a, 'GET', '/api/calibration')).json()).toEqual(cal);
    expect((await call(b, 'GET', '/api/calibration')).json()).toMatchObject({ deliveries: 0 });

    const csv = await call(a, 'GET', `${base}/${d.id}/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'date,done,remaining,totalScope,scopeAdded,p50,p85,p95,probabilityByTarget,hitP50,hitP85,hitP95,seed,note',
    );
    expect(
      lines[1].startsWith('2026-01-19,10,30,40,,2026-03-02,2026-03-02,2026-03-02,1,false'),
    ).toBe(true);
    const json = await call(a, 'GET', `${base}/${d.id}/export?format=json`);
    expect(json.json().checkIns).toHaveLength(2);

    const reopened = await call(a, 'POST', `${base}/${d.id}/reopen`);
    expect(reopened.json()).toMatchObject({ closed: false, actualDate: null });
    expect((await call(a, 'GET', '/api/calibration')).json()).toMatchObject({ deliveries: 0 });
    const undo = await call(a, 'DELETE', `${base}/${d.id}/check-ins/last`);
    expect(undo.json().checkIns).toHaveLength(1);
  });

  it('backs deliveries up and restores them with their stored forecasts', async () => {
    const before = (await call(a, 'GET', base)).json().items;
    const backup = await backupDatabase(t.app.db);
    expect(backup.tables.deliveries).toHaveLength(1);
    const other = await createTestApp({ db: 'pglite' });
    try {
      await restoreDatabase(other.app.db, JSON.parse(JSON.stringify(backup)));
      const restored = await other.app.repos.deliveries.list(
        { id: a.user.id, role: 'student' },
        projectId,
      );
      expect(restored.map((r) => r.checkIns)).toEqual(
        before.map((d: { checkIns: unknown }) => d.checkIns),
      );
    } finally {
      await other.close();
    }
    const del = await call(a, 'DELETE', `${base}/${before[0].id}`);
    expect(del.statusCode).toBe(204);
    expect((await call(a, 'GET', base)).json().items).toHaveLength(0);
  });

  it('forecasts a delivery without saving it: POST /api/delivery-forecast', async () => {
    const res = await call(a, 'POST', '/api/delivery-forecast', {
      start: '2026-01-05',
      targetDate: '2026-03-02',
      history: HISTORY,
      throughputModel: 'bootstrap',
      checkIns: [{ date: '2026-01-19', done: 10, remaining: 30 }],
      numberOfSimulations: RUNS,
      seed: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checkIns[0].completionDates.p85).toBe('2026-03-02');
    const bad = await call(a, 'POST', '/api/delivery-forecast', {
      start: '2026-01-05',
      history: HISTORY,
      checkIns: [{ date: '2026-01-04', done: 0, remaining: 30 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('checkIns.0.date');
  });
});
