import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, login } from './helper';
import type { TestApp } from './helper';

describe.each(databases)('app on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is alive and ready', async () => {
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode, ready.body).toBe(200);
  });

  it('logs in', async () => {
    const c = await login(t.app);
    const me = await t.app.inject({ url: '/api/auth/me', headers: c.headers });
    expect(me.json().user.email).toBe(c.user.email);
  });
});
