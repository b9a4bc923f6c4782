import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helper';
import type { TestApp } from './helper';

/**
 * A database whose ping never answers (a stuck connection) must not hang the health endpoints:
 * each answers 503 within the check's timeout, saying the database is down (issue 12).
 */
describe('health checks with a database ping that never resolves', () => {
  let t: TestApp;
  let ping: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite' });
    ping = t.app.database.ping;
    t.app.database.ping = () => new Promise<void>(() => {});
  });
  afterAll(async () => {
    if (t) t.app.database.ping = ping;
    await t?.close();
  });

  it.each(['/api/async/health', '/readyz', '/health'])(
    '%s answers 503 within the timeout',
    async (url) => {
      const t0 = performance.now();
      const res = await t.app.inject({ url });
      const took = performance.now() - t0;
      expect(res.statusCode, res.body).toBe(503);
      expect(took).toBeLessThan(5_000);
      // /health says "down"; the others give the check, with why.
      const { database } = res.json() as { database: unknown };
      expect(JSON.stringify(database)).toMatch(/down|unhealthy/);
    },
    10_000,
  );

  it('the metrics scrape still answers, with the database reported down', async () => {
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^ff_dependency_up\{dependency="database"\} 0$/m);
  });
});
