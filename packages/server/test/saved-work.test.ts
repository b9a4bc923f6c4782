import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runForecast, accuracyAnalysis } from '@flow-forecaster/engine';
import { parseRequest } from '@flow-forecaster/schemas';
import { createTestApp, databases, login } from './helper';
import type { Caller, TestApp } from './helper';
import { T12, TEAM_CASE as JOBS_TEAM_CASE } from './jobs-app';

// The team case on fewer runs: saved forecasts are compared whole with the engine's.
const TEAM_CASE = { ...JOBS_TEAM_CASE, numberOfSimulations: 2000 };

/** What the engine itself says for a request body, through JSON like the API. */
function engine(kind: 'simulate' | 'when' | 'deadline', body: unknown) {
  const parsed = parseRequest(kind, body);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return JSON.parse(JSON.stringify(runForecast(kind, parsed.value as never))) as {
    percentile_stats: Record<string, number>;
    seed: number;
    canMeet?: boolean;
  };
}

describe.each(databases)('saved work on %s', (db) => {
  let t: TestApp;
  let a: Caller;
  let b: Caller;
  beforeAll(async () => {
    t = await createTestApp({ db });
    await login(t.app); // the admin, so a and b are plain students
    a = await login(t.app);
    b = await login(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (c: Caller, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, headers: c.headers, payload: payload as object });

  it('creates, lists, renames, archives and restores projects', async () => {
    const created = await post(a, '/api/projects', { name: 'Checkout', description: 'Q3' });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      name: 'Checkout',
      description: 'Q3',
      archived: false,
      ownerId: a.user.id,
    });
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${p.id}`,
      headers: a.headers,
      payload: { name: 'Checkout v2' },
    });
    expect(renamed.json().name).toBe('Checkout v2');
    const archived = await t.app.inject({
      method: 'DELETE',
      url: `/api/projects/${p.id}`,
      headers: a.headers,
    });
    expect(archived.json().archived).toBe(true);
    const list = await t.app.inject({ url: '/api/projects', headers: a.headers });
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    const all = await t.app.inject({
      url: '/api/projects?includeArchived=true',
      headers: a.headers,
    });
    expect(all.json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    const restored = await post(a, `/api/projects/${p.id}/restore`, {});
    expect(restored.json().archived).toBe(false);
    const bad = await post(a, '/api/projects', { name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('name');
  });

  it('stores its own result and summary columns, never the client’s numbers', async () => {
    const forged = { percentile_stats: { p50: 1, p85: 1, p95: 1 }, seed: 1 };
    const res = await post(a, '/api/forecasts', {
      kind: 'simulate',
      input: TEAM_CASE,
      result: forged,
      name: 'team',
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    const expected = engine('simulate', TEAM_CASE);
    expect(saved.result).toEqual(expected);
    expect(saved.p50Weeks).toBe(expected.percentile_stats.p50);
    expect(saved.p85Weeks).toBe(expected.percentile_stats.p85);
    expect(saved.p95Weeks).toBe(expected.percentile_stats.p95);
    expect(saved.p85Weeks).toBeGreaterThanOrEqual(21);
    expect(saved.seed).toBe(12345);
    expect(saved.version).toBe(1);

    const got = await t.app.inject({ url: `/api/forecasts/${saved.id}`, headers: a.headers });
    expect(got.json().result).toEqual(expected);
  });

  it('fixes a drawn seed into the stored input so a re-run reproduces the numbers', async () => {
    const { seed: _omit, ...unseeded } = TEAM_CASE;
    const res = await post(a, '/api/forecasts', { kind: 'simulate', input: unseeded });
    const saved = res.json();
    expect(typeof saved.seed).toBe('number');
    expect(saved.input.seed).toBe(saved.seed);
    const rerun = await post(a, `/api/forecasts/${saved.id}/rerun`, {});
    expect(rerun.statusCode).toBe(201);
    const v2 = rerun.json();
    expect(v2).toMatchObject({ parentId: saved.id, version: 2, seed: saved.seed });
    expect(v2.result).toEqual(saved.result);
    const changed = await post(a, `/api/forecasts/${v2.id}/rerun`, {
      input: { ...unseeded, numberOfTasks: 80 },
    });
    expect(changed.json().version).toBe(3);
    expect(changed.json().p85Weeks).toBeGreaterThan(v2.p85Weeks);
  });

  it('records can-meet-deadline for deadline forecasts and filters by project', async () => {
    const project = (await post(a, '/api/projects', { name: 'deadlines' })).json();
    const input = {
      tpSamples: [10, 10, 10, 10, 10, 10, 10, 10],
      backlog: 20,
      startDate: '2025-10-01',
      deadlineDate: '2025-10-16',
      seed: 3,
    };
    const res = await post(a, '/api/forecasts', { kind: 'deadline', input, projectId: project.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().canMeetDeadline).toBe(engine('deadline', input).canMeet);
    expect(res.json().canMeetDeadline).toBe(true);
    const list = await t.app.inject({
      url: `/api/forecasts?projectId=${project.id}`,
      headers: a.headers,
    });
    expect(list.json().items.map((f: { id: string }) => f.id)).toEqual([res.json().id]);
    // Someone else's project cannot be used.
    const foreign = await post(b, '/api/forecasts', {
      kind: 'deadline',
      input,
      projectId: project.id,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('validates the input of a saved forecast with the field named', async () => {
    const res = await post(a, '/api/forecasts', {
      kind: 'simulate',
      input: { ...TEAM_CASE, tpSamples: ['x'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toMatch(/^input\.tpSamples/);
    const kind = await post(a, '/api/forecasts', { kind: 'astrology', input: {} });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.field).toBe('kind');
  });

  it('exports and imports forecasts as new rows of the importer', async () => {
    const saved = (
      await post(a, '/api/forecasts', {
        kind: 'when',
        input: { tpSamples: T12, backlog: 40, seed: 5 },
      })
    ).json();
    const one = await t.app.inject({
      url: `/api/forecasts/${saved.id}/export`,
      headers: a.headers,
    });
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-disposition']).toMatch(/attachment/);
    const doc = one.json();
    expect(doc.forecasts).toHaveLength(1);

    const imported = await post(b, '/api/forecasts/import', doc);
    expect(imported.statusCode, imported.body).toBe(201);
    const [copy] = imported.json().items;
    expect(copy.id).not.toBe(saved.id);
    expect(copy.ownerId).toBe(b.user.id);
    expect(copy.p85Weeks).toBe(saved.p85Weeks);
    // The original is untouched and still A's.
    const original = await t.app.inject({ url: `/api/forecasts/${saved.id}`, headers: a.headers });
    expect(original.json().ownerId).toBe(a.user.id);

    const all = await t.app.inject({ url: '/api/forecasts/export', headers: a.headers });
    expect(all.json().forecasts.length).toBeGreaterThanOrEqual(2);

    const before = (await t.app.inject({ url: '/api/forecasts', headers: b.headers })).json().items
      .length;
    const bad = await post(b, '/api/forecasts/import', {
      forecasts: [doc.forecasts[0], { kind: 'when', input: { tpSamples: [], backlog: 4 } }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/^forecasts\.1\.input/);
    const after = (await t.app.inject({ url: '/api/forecasts', headers: b.headers })).json().items
      .length;
    expect(after).toBe(before);
  });

  it('records actuals with the error against P85 and reports accuracy with the engine', async () => {
    const f1 = (await post(a, '/api/forecasts', { kind: 'simulate', input: TEAM_CASE })).json();
    const f2 = (
      await post(a, '/api/forecasts', {
        kind: 'when',
        input: { tpSamples: T12, backlog: 30, seed: 8 },
      })
    ).json();
    const r1 = await post(a, '/api/actuals', { forecastId: f1.id, actualWeeks: 25, notes: 'late' });
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json().errorVsP85).toBeCloseTo(((25 - f1.p85Weeks) / f1.p85Weeks) * 100, 1);
    const r2 = await post(a, '/api/actuals', { forecastId: f2.id, actualWeeks: 5 });
    expect(r2.statusCode).toBe(201);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/actuals/${r2.json().id}`,
      headers: a.headers,
      payload: { actualWeeks: 6 },
    });
    expect(patched.json().errorVsP85).toBeCloseTo(((6 - f2.p85Weeks) / f2.p85Weeks) * 100, 1);

    const acc = await t.app.inject({ url: '/api/accuracy', headers: a.headers });
    expect(acc.statusCode).toBe(200);
    const body = acc.json();
    expect(body.count).toBe(2);
    expect(body.percentile).toBe('p85');
    const expected = accuracyAnalysis({ forecasts: [f2.p85Weeks, f1.p85Weeks], actuals: [6, 25] });
    expect(body.analysis.mae).toBeCloseTo(expected.mae, 9);
    expect(body.analysis.rmse).toBeCloseTo(expected.rmse, 9);

    const none = await t.app.inject({ url: '/api/accuracy', headers: b.headers });
    expect(none.json()).toMatchObject({ count: 0, analysis: null });
    const missing = await post(a, '/api/actuals', { forecastId: f1.id });
    expect(missing.statusCode).toBe(400);
  });

  it('hides every row of A from B: reads, changes and deletes are 404', async () => {
    const project = (await post(a, '/api/projects', { name: 'secret' })).json();
    const forecast = (
      await post(a, '/api/forecasts', { kind: 'simulate', input: TEAM_CASE, projectId: project.id })
    ).json();
    const actual = (
      await post(a, '/api/actuals', { forecastId: forecast.id, actualWeeks: 20 })
    ).json();
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/projects/${project.id}`],
      ['PATCH', `/api/projects/${project.id}`, { name: 'mine now' }],
      ['DELETE', `/api/projects/${project.id}`],
      ['DELETE', `/api/projects/${project.id}?permanent=true`],
      ['POST', `/api/projects/${project.id}/archive`, {}],
      ['GET', `/api/forecasts/${forecast.id}`],
      ['GET', `/api/forecasts/${forecast.id}/export`],
      ['PATCH', `/api/forecasts/${forecast.id}`, { name: 'x' }],
      ['POST', `/api/forecasts/${forecast.id}/rerun`, {}],
      ['DELETE', `/api/forecasts/${forecast.id}`],
      ['GET', `/api/actuals/${actual.id}`],
      ['PATCH', `/api/actuals/${actual.id}`, { actualWeeks: 1 }],
      ['DELETE', `/api/actuals/${actual.id}`],
      ['POST', '/api/actuals', { forecastId: forecast.id, actualWeeks: 3 }],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: b.headers,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain('secret');
    }
    const lists = [
      '/api/projects?includeArchived=true',
      '/api/forecasts',
      '/api/actuals',
      '/api/forecasts/export',
    ];
    for (const url of lists) {
      const res = await t.app.inject({ url, headers: b.headers });
      expect(res.body, url).not.toContain(forecast.id);
      expect(res.body, url).not.toContain(project.id);
    }
    // Still all there for A.
    expect(
      (await t.app.inject({ url: `/api/projects/${project.id}`, headers: a.headers })).json().name,
    ).toBe('secret');
    expect(
      (await t.app.inject({ url: `/api/actuals/${actual.id}`, headers: a.headers })).json()
        .actualWeeks,
    ).toBe(20);
    // Malformed ids are 404s too, not 500s.
    const odd = await t.app.inject({ url: '/api/forecasts/not-a-uuid', headers: a.headers });
    expect(odd.statusCode).toBe(404);
    // Anonymous callers are told to log in.
    expect((await t.app.inject({ url: '/api/forecasts' })).statusCode).toBe(401);
  });

  it('lets an instructor read their students’ work but not change it; admins see everything', async () => {
    const admin = await login(
      t.app,
      (await t.app.db.query.users.findFirst({ where: (u, { eq }) => eq(u.role, 'admin') }))!.email,
    );
    const teacher = await login(t.app);
    const pupil = await login(t.app);
    const setRole = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${teacher.user.id}`,
      headers: admin.headers,
      payload: { role: 'instructor' },
    });
    expect(setRole.statusCode).toBe(200);
    const link = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${pupil.user.id}`,
      headers: admin.headers,
      payload: { instructorId: teacher.user.id },
    });
    expect(link.statusCode).toBe(200);
    // The instructor lists their students by name and email: this one, not the others.
    const students = await t.app.inject({ url: '/api/students', headers: teacher.headers });
    expect(students.statusCode).toBe(200);
    const listed = (students.json() as { items: { id: string; email: string }[] }).items;
    expect(listed.map((u) => u.id)).toEqual([pupil.user.id]);
    expect(listed[0].email).toBe(pupil.user.email);
    expect(JSON.stringify(listed)).not.toMatch(/password/i);
    const everyStudent = await t.app.inject({ url: '/api/students', headers: admin.headers });
    expect((everyStudent.json() as { items: { id: string }[] }).items.map((u) => u.id)).toEqual(
      expect.arrayContaining([pupil.user.id, a.user.id]),
    );
    expect((await t.app.inject({ url: '/api/students', headers: pupil.headers })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/api/students' })).statusCode).toBe(401);
    const work = (
      await post(pupil, '/api/forecasts', {
        kind: 'when',
        input: { tpSamples: T12, backlog: 10, seed: 2 },
      })
    ).json();
    const seen = await t.app.inject({ url: `/api/forecasts/${work.id}`, headers: teacher.headers });
    expect(seen.statusCode).toBe(200);
    const edit = await t.app.inject({
      method: 'DELETE',
      url: `/api/forecasts/${work.id}`,
      headers: teacher.headers,
    });
    expect(edit.statusCode).toBe(404);
    // Not another instructor's students, and not students of nobody.
    const aWork = (await t.app.inject({ url: '/api/forecasts', headers: a.headers })).json()
      .items[0];
    expect(
      (await t.app.inject({ url: `/api/forecasts/${aWork.id}`, headers: teacher.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/forecasts/${aWork.id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(200);
  });
});
