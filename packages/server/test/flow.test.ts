/**
 * `POST /api/flow` (and its async twin, and saved work) on both databases: the reference
 * figures of spec/flow-metrics.md from a sample export, unusable items refused by name,
 * and a million items refused by their number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowAnalysis, flowItemsFromRows } from '@flow-forecaster/engine';
import type { FlowItemInput } from '@flow-forecaster/engine';
import { readFileSync } from 'node:fs';
import { createTestApp, databases, login } from './helper';
import type { TestApp } from './helper';
import { pollTask } from './jobs-app';
import { SAMPLE_CYCLE_TIME, SAMPLE_IN_PROGRESS_AGES } from '../../engine/test/sample-exports';

/** The Linear sample export has no quoted fields, so splitting on commas reads it. */
function linearRows(): Record<string, string>[] {
  const url = new URL('../../../samples/linear-export.csv', import.meta.url);
  const [header, ...lines] = readFileSync(url, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

const ITEMS: FlowItemInput[] = flowItemsFromRows(linearRows()).items;
const BODY = { items: ITEMS, asOf: '2025-08-31', window: 'all' as const };

describe.each(databases)('flow analytics on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db, config: { bodyLimit: 16 * 1024 * 1024 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the reference figures with the contract field names', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/flow', payload: BODY });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toEqual(JSON.parse(JSON.stringify(flowAnalysis(BODY))));
    expect(r.cycleTime).toEqual(SAMPLE_CYCLE_TIME);
    expect(r.sle).toMatchObject({ percentile: 85, days: 12 });
    expect(r.inProgress.map((i: { age: number }) => i.age)).toEqual(SAMPLE_IN_PROGRESS_AGES);
    expect(r.inProgress[0]).toMatchObject({ id: 'ENG-128', started: '2025-08-19', age: 13 });
    expect(r.notStarted).toBe(5);
    expect(r.cfd.find((p: { date: string }) => p.date === '2025-08-31')).toEqual({
      date: '2025-08-31',
      arrived: 137,
      started: 132,
      done: 124,
      inProgress: 8,
    });
    expect(r.throughput.weekly[0]).toEqual({ weekStart: '2025-03-03', count: 6 });
    expect(r).toHaveProperty('warnings');
    expect(r).toHaveProperty('warningCodes');

    const window = await t.app.inject({
      method: 'POST',
      url: '/api/flow',
      payload: { ...BODY, window: { from: '2025-06-09', to: '2025-08-31' } },
    });
    expect(window.json().cycleTime.percentiles).toEqual({ p50: 7, p70: 10, p85: 12, p95: 15 });
  });

  it('refuses an unusable item with 400 naming the item and field', async () => {
    const items = ITEMS.map((item, i) => (i === 17 ? { ...item, started: '31/31/2025' } : item));
    const res = await t.app.inject({ method: 'POST', url: '/api/flow', payload: { items } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'FF_ERR_VALIDATION', field: 'items.17.started' },
    });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/flow',
      payload: { items: [...ITEMS, { id: 'ENG-3' }] },
    });
    expect(dup.json().error.field).toBe(`items.${ITEMS.length}.id`);
  });

  it('refuses a million items with the limit, quickly', async () => {
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flow',
      payload: { items: Array.from({ length: 1_000_000 }, () => 0) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'items' });
    expect(res.json().error.message).toContain('200,000');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('runs as a job on the async route with the same answer', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/async/flow', payload: BODY });
    expect(res.statusCode, res.body).toBe(202);
    const { body } = await pollTask(t.app, (res.json() as { task_id: string }).task_id);
    expect(body.state).toBe('SUCCESS');
    expect(body.result).toEqual(JSON.parse(JSON.stringify(flowAnalysis(BODY))));
  });

  it('is saved as work with the result the server computed', async () => {
    const a = await login(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/forecasts',
      headers: a.headers,
      payload: { kind: 'flow', input: BODY, name: 'Shop team' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({ kind: 'flow', p85Weeks: null });
    expect(saved.result).toEqual(JSON.parse(JSON.stringify(flowAnalysis(BODY))));
  });

  it('is in the OpenAPI document, sync and async', async () => {
    const doc = (await t.app.inject('/docs/json')).json() as {
      paths: Record<string, { post?: { summary?: string; requestBody?: unknown } }>;
    };
    expect(doc.paths['/api/flow']?.post?.summary).toBe('Flow analytics');
    // The item fields of the contract are documented, not an opaque array.
    const body = JSON.stringify(doc.paths['/api/flow']?.post?.requestBody);
    for (const field of ['items', 'started', 'done', 'asOf', 'slePercentile']) {
      expect(body).toContain(field);
    }
    expect(doc.paths['/api/async/flow']?.post).toBeDefined();
  });
});
