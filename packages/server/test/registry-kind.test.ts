/**
 * Adding a kind is one registry row: a test kind registered in an injected registry is served
 * on its sync paths, queued on its async names (run on the worker pool, whose threads load the
 * registry module), listed in the OpenAPI document, and refused with the field named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coinFlips, registry } from '../../schemas/test/coin-flips';
import { createTestApp } from './helper';
import type { TestApp } from './helper';
import { pollTask } from './jobs-app';

const registryModule = new URL('../../schemas/test/coin-flips.ts', import.meta.url).href;

describe('a kind added to the registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite', build: { registry, registryModule } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is served on each of its paths, with the engine function’s answer', async () => {
    for (const url of ['/api/coin-flips', '/api/toss']) {
      const res = await t.app.inject({ method: 'POST', url, payload: { flips: 1000, seed: 3 } });
      expect(res.statusCode, url).toBe(200);
      expect(res.json()).toEqual(coinFlips({ flips: 1000, seed: 3 }));
    }
    const bad = await t.app.inject({ method: 'POST', url: '/api/toss', payload: { flips: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'FF_ERR_VALIDATION', field: 'flips' } });
  });

  it('is queued on the async route and run on the pool with the same answer', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/async/toss',
      payload: { flips: 5000, seed: 8 },
    });
    expect(res.statusCode).toBe(202);
    const { task_id: id } = res.json() as { task_id: string };
    const { body } = await pollTask(t.app, id);
    expect(body.state).toBe('SUCCESS');
    expect(body.result).toEqual(coinFlips({ flips: 5000, seed: 8 }));
    // A queued seeded kind gets a fixed seed, so a retried job reproduces its numbers.
    const unseeded = await t.app.inject({
      method: 'POST',
      url: '/api/async/coin-flips',
      payload: { flips: 10 },
    });
    const done = await pollTask(t.app, (unseeded.json() as { task_id: string }).task_id);
    expect(typeof (done.body.result as { seed: unknown }).seed).toBe('number');
  });

  it('is listed in the OpenAPI document, sync and async', async () => {
    const doc = (await t.app.inject('/docs/json')).json() as {
      paths: Record<string, { post?: { summary?: string; requestBody?: unknown } }>;
    };
    expect(doc.paths['/api/coin-flips']?.post?.summary).toBe('Coin flips');
    expect(doc.paths['/api/toss']?.post?.summary).toContain('alias of /api/coin-flips');
    expect(doc.paths['/api/async/coin-flips']?.post?.requestBody).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/coin-flips']?.post?.requestBody)).toContain('flips');
    // The built-in kinds are still there.
    expect(doc.paths['/api/simulate']?.post).toBeDefined();
  });

  it('is refused by an app that does not register it', async () => {
    const plain = await createTestApp({ db: 'pglite' });
    try {
      const res = await plain.app.inject({
        method: 'POST',
        url: '/api/async/coin-flips',
        payload: {},
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { field: 'kind' } });
      expect((await plain.app.inject({ method: 'POST', url: '/api/coin-flips' })).statusCode).toBe(
        404,
      );
    } finally {
      await plain.close();
    }
  });
});
