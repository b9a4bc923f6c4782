import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, login } from './helper';
import type { TestApp } from './helper';

describe.each(databases)('API tokens and password resets on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a token cannot mint tokens; a password reset revokes every token; only the newest reset link works', async () => {
    const c = await login(t.app);
    const minted = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: c.headers,
      payload: { name: 'script' },
    });
    expect(minted.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${(minted.json() as { token: string }).token}` };
    expect((await t.app.inject({ url: '/api/projects', headers: bearer })).statusCode).toBe(200);

    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer,
      payload: { name: 'another' },
    });
    expect(viaToken.statusCode).toBe(403);
    expect(viaToken.json().error.code).toBe('FF_ERR_FORBIDDEN');

    const older = await t.app.repos.passwordResets.create(c.user.id);
    const newer = await t.app.repos.passwordResets.create(c.user.id);
    const reset = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/reset-password',
        payload: { token, password: 'a fresh passphrase' },
      });
    expect((await reset(older)).statusCode).toBe(400);
    expect((await reset(newer)).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/projects', headers: bearer })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/tokens', headers: c.headers })).statusCode).toBe(401);
  });
});

describe.each(databases)('API token scopes on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a token does only what its scopes allow; scopes are shown when created and listed', async () => {
    const c = await login(t.app);
    const mint = async (scopes?: string[]) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: c.headers,
        payload: { name: `t-${scopes?.join('-') ?? 'all'}`, ...(scopes ? { scopes } : {}) },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json() as { token: string; scopes: string[] };
      return { headers: { authorization: `Bearer ${body.token}` }, scopes: body.scopes };
    };
    const all = await mint();
    expect(all.scopes).toEqual(['read', 'forecast', 'write']);
    const readOnly = await mint(['read']);
    expect(readOnly.scopes).toEqual(['read']);
    const forecastOnly = await mint(['forecast']);

    const forecast = { tpSamples: [5, 6, 7, 4, 8], backlog: 20, seed: 1 };
    const calls = async (headers: Record<string, string>) => [
      (await t.app.inject({ url: '/api/projects', headers })).statusCode,
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/forecast-when',
          headers,
          payload: forecast,
        })
      ).statusCode,
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/projects',
          headers,
          payload: { name: 'p' },
        })
      ).statusCode,
    ];
    expect(await calls(all.headers)).toEqual([200, 200, 201]);
    expect(await calls(readOnly.headers)).toEqual([200, 403, 403]);
    expect(await calls(forecastOnly.headers)).toEqual([403, 200, 403]);

    const listed = await t.app.inject({ url: '/api/tokens', headers: c.headers });
    const items = (listed.json() as { items: { name: string; scopes: string[] }[] }).items;
    expect(items.find((i) => i.name === 't-read')?.scopes).toEqual(['read']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: c.headers,
      payload: { name: 'x', scopes: ['admin'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/^scopes/);
  });

  it('signing out everywhere ends every session and revokes every token', async () => {
    const c = await login(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: c.headers,
      payload: { name: 'ci' },
    });
    const bearer = { authorization: `Bearer ${(res.json() as { token: string }).token}` };
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: c.headers,
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true, tokensRevoked: 1 });
    expect((await t.app.inject({ url: '/api/projects', headers: bearer })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/projects', headers: c.headers })).statusCode).toBe(401);
  });
});
