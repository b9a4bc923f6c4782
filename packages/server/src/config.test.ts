import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults: port 8080, PGlite in ./data, no login required', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: './data',
      requireLogin: false,
      smtp: undefined,
      appUrl: 'http://localhost:8080',
    });
  });

  it('reads typed values and rejects nonsense at start', () => {
    const c = loadConfig({
      PORT: '3000',
      REQUIRE_LOGIN: 'true',
      DATABASE_URL: 'postgres://x@h/db',
    });
    expect(c.port).toBe(3000);
    expect(c.requireLogin).toBe(true);
    expect(c.databaseUrl).toBe('postgres://x@h/db');
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REQUIRE_LOGIN: 'maybe' })).toThrow(/REQUIRE_LOGIN/);
    expect(() => loadConfig({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
  });

  it('raises rate limits in workshop mode', () => {
    const normal = loadConfig({ RATE_LIMIT_MAX: '100', AUTH_RATE_LIMIT_MAX: '10' });
    const workshop = loadConfig({
      RATE_LIMIT_MAX: '100',
      AUTH_RATE_LIMIT_MAX: '10',
      WORKSHOP_MODE: 'true',
    });
    expect(workshop.rateLimit.max).toBeGreaterThan(normal.rateLimit.max);
    expect(workshop.rateLimit.authMax).toBeGreaterThan(normal.rateLimit.authMax);
  });

  it('configures SMTP only when a host is given', () => {
    const c = loadConfig({
      SMTP_HOST: 'mail.example.test',
      SMTP_PORT: '2525',
      SMTP_USER: 'u',
      SMTP_PASS: 'p',
    });
    expect(c.smtp).toMatchObject({ host: 'mail.example.test', port: 2525, user: 'u', pass: 'p' });
  });

  it('trusts a number of proxies, their ranges or Fly, never every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'fly' }).trustProxy).toBe('fly');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: trusting every hop/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8,proxy.local' })).toThrow(/proxy.local/);
  });
});
