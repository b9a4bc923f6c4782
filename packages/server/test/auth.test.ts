import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PASSWORD,
  createTestApp,
  databases,
  login,
  register,
  sessionCookie,
  tokenCaller,
  uniqueEmail,
} from './helper';
import type { TestApp } from './helper';

describe.each(databases)('accounts on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db, config: { mailTransport: { jsonTransport: true } } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes the first user admin and later ones students; a taken email (any case) answers like a new one', async () => {
    const first = await register(t.app, 'First.Admin@Example.test');
    expect(first.role).toBe('admin');
    expect(first.email).toBe('first.admin@example.test');
    const second = await register(t.app);
    expect(second.role).toBe('student');
    // A taken email gets exactly the answer a new one gets (no account enumeration); the
    // address's owner is told by mail, and the existing password stays.
    const send = vi.spyOn(t.app.mailer, 'send');
    const signUp = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password } });
    const fresh = await signUp(uniqueEmail('fresh'), 'another passphrase');
    const dup = await signUp('FIRST.admin@example.test', 'another passphrase');
    expect(dup.statusCode).toBe(fresh.statusCode);
    expect(dup.body).toBe(fresh.body);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].to).toBe('first.admin@example.test');
    send.mockRestore();
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'first.admin@example.test', password: PASSWORD },
    });
    expect(old.statusCode).toBe(200);
    expect(old.json().user.role).toBe('admin');
    expect(JSON.stringify(first)).not.toMatch(/password/i);
  });

  it('rejects bad registrations with the field named', async () => {
    const cases: [unknown, string][] = [
      [{ email: 'not-an-email', password: PASSWORD }, 'email'],
      [{ email: uniqueEmail(), password: 'short' }, 'password'],
      [{ email: uniqueEmail() }, 'password'],
      [{ email: 42, password: PASSWORD }, 'email'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: payload as object,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  it('logs in with an httpOnly SameSite=Lax cookie and a CSRF token; wrong passwords are 401', async () => {
    const email = uniqueEmail();
    await register(t.app, email);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'wrong password!!' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('FF_ERR_BAD_CREDENTIALS');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail(), password: PASSWORD },
    });
    expect(unknown.statusCode).toBe(401);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.email).toBe(email);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'ff_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');

    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: sessionCookie(res) } });
    expect(me.json()).toEqual({
      user: expect.objectContaining({ email }),
      csrfToken: body.csrfToken,
    });
    const anon = await t.app.inject({ url: '/api/auth/me' });
    expect(anon.json()).toEqual({ user: null, csrfToken: null });
  });

  it('marks the cookie Secure behind https when configured to trust the proxy', async () => {
    const s = await createTestApp({ db: 'pglite', config: { trustProxy: 1 } });
    try {
      const email = uniqueEmail();
      await register(s.app, email);
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email, password: PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'ff_session')?.secure).toBe(true);
      const plain = await s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: PASSWORD },
      });
      expect(plain.cookies.find((c) => c.name === 'ff_session')?.secure).toBeFalsy();
    } finally {
      await s.close();
    }
  });

  it('needs x-csrf-token for cookie-authenticated writes but not for bearer tokens', async () => {
    const c = await login(t.app);
    const postProject = (headers: Record<string, string>, name = 'p') =>
      t.app.inject({ method: 'POST', url: '/api/projects', headers, payload: { name } });
    const noCsrf = await postProject({ cookie: c.headers.cookie });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('FF_ERR_CSRF');
    const wrong = await postProject({ cookie: c.headers.cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    const ok = await postProject(c.headers);
    expect(ok.statusCode).toBe(201);
    // Reads need no CSRF token.
    const list = await t.app.inject({
      url: '/api/projects',
      headers: { cookie: c.headers.cookie },
    });
    expect(list.statusCode).toBe(200);

    const bearer = await tokenCaller(t.app);
    const viaToken = await postProject(bearer.headers, 'scripted');
    expect(viaToken.statusCode).toBe(201);
    const badToken = await t.app.inject({
      url: '/api/projects',
      headers: { authorization: 'Bearer ff_nope' },
    });
    expect(badToken.statusCode).toBe(401);
  });

  it('creates, lists and revokes API tokens; the token is shown once and stored hashed', async () => {
    const c = await login(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: c.headers,
      payload: { name: 'ci' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^ff_/);
    const list = await t.app.inject({ url: '/api/tokens', headers: c.headers });
    const items = list.json().items;
    expect(items).toEqual([expect.objectContaining({ id, name: 'ci' })]);
    expect(JSON.stringify(items)).not.toContain(token);
    const rows = await t.app.db.query.apiTokens.findMany();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);

    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().user.id).toBe(c.user.id);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${id}`,
      headers: c.headers,
    });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${id}`,
      headers: c.headers,
    });
    expect(again.statusCode).toBe(404);
  });

  it('logs out: the session stops working', async () => {
    const c = await login(t.app);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: c.headers,
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/projects', headers: c.headers });
    expect(me.statusCode).toBe(401);
  });

  it('resets a password by a mailed, single-use link that logs out every session', async () => {
    const email = uniqueEmail();
    const c = await login(t.app, email);
    const send = vi.spyOn(t.app.mailer, 'send');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: uniqueEmail() },
    });
    expect(unknown.statusCode).toBe(200);
    expect(send).not.toHaveBeenCalled();

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email },
    });
    expect(res.statusCode).toBe(200);
    expect(send).toHaveBeenCalledTimes(1);
    const info = (await send.mock.results[0].value) as { message: string };
    const message = JSON.parse(info.message) as { to: { address: string }[]; text: string };
    expect(message.to[0].address).toBe(email);
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(message.text)![1]);
    send.mockRestore();
    const stored = await t.app.db.query.passwordResets.findMany();
    expect(stored.some((r) => r.tokenHash === token)).toBe(false);
    const ttl = stored[stored.length - 1].expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(89 * 60_000);
    expect(ttl).toBeLessThanOrEqual(90 * 60_000);

    const newPassword = 'a brand new password';
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, password: newPassword },
    });
    expect(reset.statusCode).toBe(200);
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, password: 'yet another password' },
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('FF_ERR_INVALID_RESET_TOKEN');
    expect((await t.app.inject({ url: '/api/projects', headers: c.headers })).statusCode).toBe(401);
    const oldLogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: newPassword },
    });
    expect(newLogin.statusCode).toBe(200);
  });

  it('lets admins manage users; deactivated and expired accounts are locked out', async () => {
    const admin = await login(t.app, 'first.admin@example.test');
    expect(admin.user.role).toBe('admin');
    const student = await login(t.app);
    const studentToken = (
      await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: student.headers,
        payload: { name: 'cli' },
      })
    ).json().token as string;
    const forbidden = await t.app.inject({ url: '/api/admin/users', headers: student.headers });
    expect(forbidden.statusCode).toBe(403);

    const list = await t.app.inject({ url: '/api/admin/users', headers: admin.headers });
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(student.user.id);

    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${student.user.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().user.active).toBe(false);
    expect(
      (await t.app.inject({ url: '/api/projects', headers: student.headers })).statusCode,
    ).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: student.user.email, password: PASSWORD },
    });
    expect(relogin.statusCode).toBe(403);
    expect(relogin.json().error.code).toBe('FF_ERR_ACCOUNT_INACTIVE');
    const viaToken = await t.app.inject({
      url: '/api/projects',
      headers: { authorization: `Bearer ${studentToken}` },
    });
    expect(viaToken.statusCode).toBe(403);

    // A workshop account whose access date has passed: its live session stops too.
    const workshop = await login(t.app);
    expect(
      (await t.app.inject({ url: '/api/projects', headers: workshop.headers })).statusCode,
    ).toBe(200);
    const expire = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${workshop.user.id}`,
      headers: admin.headers,
      payload: { accessExpiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(expire.statusCode).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/projects', headers: workshop.headers })).statusCode,
    ).toBe(401);

    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${admin.user.id}`,
      headers: admin.headers,
      payload: { role: 'student' },
    });
    expect(self.statusCode).toBe(409);
    const badRole = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${workshop.user.id}`,
      headers: admin.headers,
      payload: { role: 'owner' },
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.field).toBe('role');
    const missing = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/00000000-0000-4000-8000-000000000000`,
      headers: admin.headers,
      payload: { active: true },
    });
    expect(missing.statusCode).toBe(404);
  });
});
