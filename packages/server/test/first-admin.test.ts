import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createTestApp, register, uniqueEmail } from './helper';

describe('who becomes admin', () => {
  it('the first account only on a loopback-only server, unless FIRST_USER_ADMIN says', () => {
    expect(loadConfig({}).firstUserAdmin).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' }).firstUserAdmin).toBe(false);
    expect(loadConfig({ HOST: '127.0.0.1' }).firstUserAdmin).toBe(true);
    expect(loadConfig({ HOST: 'localhost' }).firstUserAdmin).toBe(true);
    expect(loadConfig({ HOST: '::1' }).firstUserAdmin).toBe(true);
    expect(loadConfig({ FIRST_USER_ADMIN: 'true' }).firstUserAdmin).toBe(true);
    expect(loadConfig({ HOST: '127.0.0.1', FIRST_USER_ADMIN: 'false' }).firstUserAdmin).toBe(false);
    expect(loadConfig({ ADMIN_EMAIL: ' Boss@Example.test ' }).adminEmail).toBe('boss@example.test');
  });

  it('on a public install the first sign-up is a student; ADMIN_EMAIL makes that account admin at start', async () => {
    const boss = uniqueEmail('boss');
    const t = await createTestApp({
      db: 'pglite',
      persistent: true,
      config: { firstUserAdmin: loadConfig({ HOST: '0.0.0.0' }).firstUserAdmin, adminEmail: boss },
    });
    try {
      const first = await register(t.app, uniqueEmail('first'));
      expect(first.role).toBe('student');
      const b = await register(t.app, boss);
      expect(b.role).toBe('student');
      await t.restart();
      const row = await t.app.repos.users.findByEmail(boss);
      expect(row?.role).toBe('admin');
      expect((await t.app.repos.users.findByEmail(first.email))?.role).toBe('student');
    } finally {
      await t.close();
    }
  });
});
