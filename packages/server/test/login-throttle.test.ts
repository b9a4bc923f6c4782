import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { PASSWORD, createTestApp, databases, register, uniqueEmail } from './helper';
import type { TestApp } from './helper';

const login = (t: TestApp, email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { email, password },
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(databases)('login throttling on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      db,
      config: {
        rateLimit: {
          max: 100_000,
          windowSeconds: 60,
          authMax: 3,
          addressFailuresMax: 6,
          lockoutSeconds: 1,
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('never refuses the right password for being typed often', async () => {
    const email = uniqueEmail();
    await register(t.app, email);
    const codes = [];
    for (let i = 0; i < 12; i++)
      codes.push((await login(t, email, PASSWORD, '10.1.0.1')).statusCode);
    expect(codes).toEqual(Array(12).fill(200));
  });

  it('locks an account after repeated failures, growing, the same whether it exists or not', async () => {
    const email = uniqueEmail();
    await register(t.app, email);
    const ghost = uniqueEmail('ghost');
    for (const [target, address] of [
      [email, '10.2.0.1'],
      [ghost, '10.2.0.2'],
    ] as const) {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await login(t, target, 'wrong guess!', address)).statusCode);
      expect(codes).toEqual([401, 401, 401]);
      // Locked: even the right password waits, from any address, and the answer is the same
      // for an account that does not exist.
      const locked = await login(t, target, PASSWORD, '10.2.0.9');
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('FF_ERR_RATE_LIMITED');
      expect(Number(locked.headers['retry-after'])).toBe(1);
    }
    await sleep(1100);
    // One more failure after the lockout doubles it.
    expect((await login(t, email, 'wrong again!', '10.2.0.1')).statusCode).toBe(401);
    const longer = await login(t, email, PASSWORD, '10.2.0.1');
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBe(2);
    await sleep(2100);
    expect((await login(t, email, PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    // A success forgets the failures: the next wrong password is not locked straight away.
    expect((await login(t, email, 'wrong once!', '10.2.0.1')).statusCode).toBe(401);
    expect((await login(t, email, PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('limits one address across accounts (password spraying)', async () => {
    const codes = [];
    for (let i = 0; i < 8; i++) {
      codes.push((await login(t, uniqueEmail('spray'), 'Summer2026!', '10.3.0.1')).statusCode);
    }
    expect(codes.slice(0, 6)).toEqual(Array(6).fill(401));
    expect(codes.slice(6)).toEqual([429, 429]);
    // Another address is unaffected.
    expect((await login(t, uniqueEmail('spray'), 'Summer2026!', '10.3.0.2')).statusCode).toBe(401);
  });
});

/** TRUST_PROXY as the shipped deploy files set it. */
function shippedTrustProxy(): Record<string, string> {
  const root = new URL('../../../', import.meta.url);
  const fly = readFileSync(new URL('fly.toml', root), 'utf8').match(
    /^\s*TRUST_PROXY\s*=\s*'([^']*)'/m,
  );
  const compose = readFileSync(new URL('docker-compose.yml', root), 'utf8').match(
    /^\s*TRUST_PROXY:\s*'?([^'\n]*)'?/m,
  );
  expect(fly?.[1]).toBeDefined();
  expect(compose?.[1]).toBeDefined();
  return { fly: fly![1], compose: compose![1] };
}

describe('X-Forwarded-For cannot buy more attempts with the shipped configurations', () => {
  for (const [deploy, value] of Object.entries(shippedTrustProxy())) {
    it(`${deploy}: TRUST_PROXY=${value}`, async () => {
      const fromEnv = loadConfig({ TRUST_PROXY: value });
      const t = await createTestApp({
        db: 'pglite',
        config: {
          trustProxy: fromEnv.trustProxy,
          rateLimit: { max: 10, windowSeconds: 60, authMax: 3, addressFailuresMax: 5 },
        },
      });
      try {
        // The attacker rotates X-Forwarded-For; on Fly, Fly's proxy appends the real address
        // and sets Fly-Client-IP, which is what a client connecting through it looks like.
        const headers = (i: number) => ({
          'x-forwarded-for': deploy === 'fly' ? `198.51.100.${i}, 203.0.113.7` : `198.51.100.${i}`,
          ...(deploy === 'fly' ? { 'fly-client-ip': '203.0.113.7' } : {}),
        });
        const logins = [];
        for (let i = 0; i < 8; i++) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            headers: headers(i),
            payload: { email: uniqueEmail('rotate'), password: 'wrong password' },
          });
          logins.push(res.statusCode);
        }
        expect(logins.slice(5)).toEqual([429, 429, 429]);
        // The per-client request limit (10) as well.
        const more = [];
        for (let i = 10; i < 22; i++) {
          more.push((await t.app.inject({ url: '/api/auth/me', headers: headers(i) })).statusCode);
        }
        expect(more.slice(10)).toEqual([429, 429]);
      } finally {
        await t.close();
      }
    });
  }

  it('a hop count trusts only the address the nearest proxy appended', async () => {
    const t = await createTestApp({
      db: 'pglite',
      config: {
        trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy,
        rateLimit: { max: 100, windowSeconds: 60, authMax: 3, addressFailuresMax: 2 },
      },
    });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `198.51.100.${i}, 192.0.2.44` },
          payload: { email: uniqueEmail('hop'), password: 'wrong password' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('wrong API tokens', () => {
  it('are limited per address before any database lookup, like any other request', async () => {
    const t = await createTestApp({
      db: 'pglite',
      config: { rateLimit: { max: 5, windowSeconds: 60, authMax: 3 } },
    });
    try {
      const codes = [];
      for (let i = 0; i < 8; i++) {
        const res = await t.app.inject({
          url: '/api/projects',
          remoteAddress: '10.7.0.1',
          headers: { authorization: `Bearer guess-${i}-${'x'.repeat(30)}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      // Another address is not affected.
      const other = await t.app.inject({
        url: '/api/projects',
        remoteAddress: '10.7.0.2',
        headers: { authorization: 'Bearer another-guess-xxxxxxxxxxxxxxxxxxxxxxxxxxx' },
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});
