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
