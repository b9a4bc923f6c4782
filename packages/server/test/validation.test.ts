import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, login } from './helper';
import type { Caller, TestApp } from './helper';

/**
 * Fastify checks the routes' zod schemas (issue 12) with the shared parser: the same 400 shape
 * as everywhere, the field named, and only after the caller is known to be allowed.
 */
describe('route schemas checked by Fastify', () => {
  let t: TestApp;
  let admin: Caller;
  let user: Caller;
  let readToken: Record<string, string>;
  let projectId: string;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });

  function expect400(res: LightMyRequestResponse, field: string) {
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json() as { error: { code: string; message: string; field?: string } };
    expect(error.code).toBe('FF_ERR_VALIDATION');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  }

  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite' });
    admin = await login(t.app); // the first account is the admin
    user = await login(t.app);
    const made = await call('POST', '/api/tokens', user.headers, {
      name: 'read only',
      scopes: ['read'],
    });
    readToken = { authorization: `Bearer ${(made.json() as { token: string }).token}` };
    const p = await call('POST', '/api/projects', user.headers, { name: 'Checkout' });
    projectId = (p.json() as { id: string }).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a query string the schema refuses with a 400 naming the parameter', async () => {
    const res = await call('DELETE', `/api/projects/${projectId}?permanent=maybe`, user.headers);
    expect400(res, 'permanent');
    // Nothing happened: the project is not archived.
    const after = await call('GET', `/api/projects/${projectId}`, user.headers);
    expect((after.json() as { archived: boolean }).archived).toBe(false);
  });

  it('checks fields a route adds to the shared schema (archived) and passes them on', async () => {
    expect400(
      await call('PATCH', `/api/projects/${projectId}`, user.headers, { archived: 'yes' }),
      'archived',
    );
    const res = await call('PATCH', `/api/projects/${projectId}`, user.headers, {
      archived: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { archived: boolean }).archived).toBe(true);
    await call('PATCH', `/api/projects/${projectId}`, user.headers, { archived: false });
  });

  it('validates the bodies of the routes inside a project (deliveries, teams, connections)', async () => {
    const base = `/api/projects/${projectId}`;
    expect400(await call('POST', `${base}/deliveries`, user.headers, { name: '' }), 'name');
    expect400(
      await call('POST', `${base}/teams`, user.headers, { name: 'A', source: 'carrier pigeon' }),
      'source',
    );
    expect400(
      await call('POST', `${base}/connections`, user.headers, { name: 'Jira', token: 'x' }),
      'settings',
    );
  });

  it('runs authentication first: an anonymous bad request is a 401, not a 400', async () => {
    const res = await call('POST', '/api/projects', {}, { name: 42 });
    expect(res.statusCode).toBe(401);
    expect((res.json() as { error: { code: string } }).error.code).toBe('FF_ERR_UNAUTHORIZED');
  });

  it('runs authorization first: a bad request without the right is a 403, not a 400', async () => {
    // A token without the write scope.
    const scoped = await call('POST', '/api/projects', readToken, { name: 42 });
    expect(scoped.statusCode, scoped.body).toBe(403);
    expect(scoped.json().error.message).toContain('"write" scope');
    // Not an admin.
    const role = await call('PATCH', `/api/admin/users/${admin.user.id}`, user.headers, {
      role: 'emperor',
    });
    expect(role.statusCode, role.body).toBe(403);
    // Tokens are minted from a session only, whatever the body.
    const mint = await call('POST', '/api/tokens', readToken, { name: '' });
    expect(mint.statusCode, mint.body).toBe(403);
    // The admin with the same body hears what is wrong with it.
    expect400(
      await call('PATCH', `/api/admin/users/${user.user.id}`, admin.headers, { role: 'emperor' }),
      'role',
    );
  });

  it('gives handlers the parsed value (defaults and normalisation applied)', async () => {
    const res = await call('POST', '/api/tokens', user.headers, {
      name: 'ordered',
      scopes: ['write', 'read'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { scopes: string[] }).scopes).toEqual(['read', 'write']);
  });

  it('declares a body schema on every account route that takes a body', async () => {
    const doc = (await call('GET', '/docs/json')).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    // Routes that act on what the URL names and take no body.
    const bodyless = new Set([
      'post /api/auth/logout',
      'post /api/auth/logout-everywhere',
      'post /api/projects/{id}/archive',
      'post /api/projects/{id}/restore',
      'post /api/forecasts/{id}/rerun',
      'post /api/projects/{projectId}/deliveries/{id}/replay',
      'post /api/projects/{projectId}/connections/{id}/sync',
    ]);
    const account = /^\/api\/(auth|tokens|admin|projects|forecasts|actuals)(\/|$)/;
    const missing: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!account.test(path)) continue;
      for (const [method, op] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        const key = `${method} ${path}`;
        if (bodyless.has(key)) continue;
        checked++;
        if (op.requestBody === undefined) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });
});
