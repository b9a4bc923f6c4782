import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { projects } from '../src/db/schema';
import { isDataException, toErrorResponse } from '../src/errors';
import { TEAM_CASE } from './jobs-app';
import { databases, uniqueEmail, useAppWithCaller } from './helper';

// What PostgreSQL cannot store: NUL anywhere, and (in jsonb) a surrogate without its pair.
const HOSTILE = ['a\u0000b', '\u0000', 'x\ud800', '\udc00y', 'ok\ud83d'];

describe.each(databases)('text the database cannot store, on %s', (db) => {
  const s = useAppWithCaller(db);

  const send = (
    method: 'POST' | 'PATCH',
    url: string,
    payload: object,
    headers = s.caller.headers,
  ) => s.app.inject({ method, url, headers, payload });

  it('is refused with 400 naming the field on every saving route, whatever the field', async () => {
    const project = (await send('POST', '/api/projects', { name: 'Kept' })).json();
    const projectId = project.id as string;
    expect(projectId).toBeDefined();
    for (const bad of HOSTILE) {
      const cases: [string, 'POST' | 'PATCH', string, object, Record<string, string>?][] = [
        ['name', 'POST', '/api/projects', { name: bad }],
        ['description', 'POST', '/api/projects', { name: 'p', description: bad }],
        ['name', 'PATCH', `/api/projects/${projectId}`, { name: bad }],
        ['name', 'POST', '/api/tokens', { name: bad }],
        [
          'name',
          'POST',
          '/api/auth/register',
          { email: uniqueEmail(), password: 'long enough pw', name: bad },
          {},
        ],
        ['name', 'POST', '/api/forecasts', { kind: 'simulate', input: TEAM_CASE, name: bad }],
        // Inside stored JSON: a forecast input, a result, even a key.
        [
          'input.note',
          'POST',
          '/api/forecasts',
          { kind: 'simulate', input: { ...TEAM_CASE, note: bad } },
        ],
        [
          'result.x[1]',
          'POST',
          '/api/forecasts',
          { kind: 'simulate', input: TEAM_CASE, result: { x: ['a', bad] } },
        ],
        [
          `result.${bad}`,
          'POST',
          '/api/forecasts',
          { kind: 'simulate', input: TEAM_CASE, result: { [bad]: 1 } },
        ],
        ['notes', 'POST', '/api/actuals', { forecastId: projectId, actualWeeks: 3, notes: bad }],
        ['deep[0].a[0]', 'POST', '/api/simulate', { ...TEAM_CASE, deep: [{ a: [bad] }] }],
      ];
      for (const [field, method, url, payload, headers] of cases) {
        const res = await send(method, url, payload, headers ?? s.caller.headers);
        expect({ url, field, status: res.statusCode }).toEqual({ url, field, status: 400 });
        expect(res.json().error).toMatchObject({ code: 'FF_ERR_VALIDATION', field });
      }
    }
    // Nothing was changed by the refused rename.
    const after = await s.app.inject({
      url: `/api/projects/${projectId}`,
      headers: s.caller.headers,
    });
    expect(after.json().name).toBe('Kept');
    // Paired surrogates (emoji) are fine.
    expect((await send('POST', '/api/projects', { name: 'Ship it 🚀' })).statusCode).toBe(201);
  });

  it('a database refusal that still gets through answers FF_ERR_SAVE_FAILED, not 500', async () => {
    // Straight to the database, past every schema: the error it raises is what the handler maps.
    let caught: unknown;
    try {
      await s.app.db.insert(projects).values({ ownerId: s.caller.user.id, name: 'a\u0000b' });
    } catch (err) {
      caught = err;
    }
    expect(isDataException(caught)).toBe(true);
    expect(toErrorResponse(caught, 'POST')).toMatchObject({
      status: 400,
      body: { error: { code: 'FF_ERR_SAVE_FAILED' } },
    });
    const rows = await s.app.db.select().from(projects).where(eq(projects.name, 'a'));
    expect(rows).toHaveLength(0);
  });
});
