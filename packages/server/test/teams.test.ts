import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_LIMITS } from '@flow-forecaster/schemas';
import { backupDatabase, restoreDatabase } from '../src/backup';
import { createTestApp, databases, login } from './helper';
import type { Caller, TestApp } from './helper';

/** A few items in the shape the web stores (ISO dates, every field but id optional). */
const ITEMS = [
  { id: 'SHOP-1', type: 'Story', created: '2025-02-02', started: '2025-02-17', done: '2025-03-06' },
  { id: 'SHOP-2', type: 'Bug', started: '2025-03-01', done: '2025-03-04', state: 'Done' },
  { id: 'SHOP-3', type: 'Story', created: '2025-03-02', started: '2025-03-10' },
];

function team(over: Record<string, unknown> = {}) {
  return {
    name: 'Checkout',
    source: 'csv',
    fileName: 'jira-export.csv',
    items: ITEMS,
    rejected: [{ field: 'items.7.started', id: 'SHOP-8', reason: 'unreadableDate' }],
    settings: { window: { from: '2025-02-03', to: '2025-03-30' } },
    ...over,
  };
}

/** `count` done items, one a day from 2024-01-01: a body far over the default 1 MB limit. */
function manyItems(count: number) {
  const day0 = Date.UTC(2024, 0, 1);
  const iso = (d: number) => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => ({
    id: `BIG-${i}`,
    type: i % 3 === 0 ? 'Bug' : 'Story',
    created: iso(i % 700),
    started: iso((i % 700) + 1),
    done: iso((i % 700) + 2 + (i % 17)),
    state: 'Done',
  }));
}

describe.each(databases)('teams saved in a project on %s', (db) => {
  let t: TestApp;
  let a: Caller;
  let b: Caller;
  let admin: Caller;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ db });
    admin = await login(t.app); // the first account is the admin
    a = await login(t.app);
    b = await login(t.app);
    const p = await call(a, 'POST', '/api/projects', { name: 'Checkout' });
    base = `/api/projects/${p.json().id}/teams`;
  });
  afterAll(async () => {
    await t?.close();
  });

  function call(
    c: Caller,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) {
    return t.app.inject({
      method,
      url,
      headers: c.headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  }

  it('saves a team and gives it back whole; the list carries no items', async () => {
    const created = await call(a, 'POST', base, team());
    expect(created.statusCode, created.body).toBe(201);
    const saved = created.json();
    expect(saved).toMatchObject({
      name: 'Checkout',
      source: 'csv',
      sample: false,
      fileName: 'jira-export.csv',
      itemCount: 3,
      weeks: 0,
      version: 1,
      items: ITEMS,
      throughput: [],
      settings: { window: { from: '2025-02-03', to: '2025-03-30' } },
    });
    const one = await call(a, 'GET', `${base}/${saved.id}`);
    expect(one.json()).toEqual(saved);
    const list = await call(a, 'GET', base);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: saved.id, name: 'Checkout', itemCount: 3, source: 'csv' }),
    ]);
    expect(list.json().items[0]).not.toHaveProperty('items');
  });

  it('stores a 20,000-item team (over the default body limit) and pasted throughput', async () => {
    const items = manyItems(20_000);
    const big = await call(a, 'POST', base, team({ name: 'Big', items, rejected: [] }));
    expect(big.statusCode, big.body.slice(0, 300)).toBe(201);
    const back = await call(a, 'GET', `${base}/${big.json().id}`);
    expect(back.json().items).toHaveLength(20_000);
    expect(back.json().items[19_999]).toEqual(items[19_999]);
    const pasted = await call(a, 'POST', base, {
      name: 'Pasted',
      source: 'throughput',
      throughput: [5, 6, 0, 7],
    });
    expect(pasted.statusCode, pasted.body).toBe(201);
    expect(pasted.json()).toMatchObject({ weeks: 4, itemCount: 0, items: [], fileName: null });
  });

  it('400s a bad team naming the field, and saves nothing', async () => {
    const before = (await call(a, 'GET', base)).json().items.length;
    const cases: [unknown, string][] = [
      [team({ name: '' }), 'name'],
      [team({ source: 'ftp' }), 'source'],
      [team({ items: [ITEMS[0], { ...ITEMS[1], started: 'yesterday' }] }), 'items.1.started'],
      [team({ items: [ITEMS[0], ITEMS[0]] }), 'items.1.id'],
      [team({ items: [{ type: 'Story' }] }), 'items.0.id'],
      [team({ items: [], throughput: [] }), 'items'],
      [team({ throughput: [3, -1] }), 'throughput.1'],
      [
        team({ settings: { window: { from: '2025-03-30', to: '2025-02-03' } } }),
        'settings.window.to',
      ],
      [team({ settings: { window: { weeks: 0 } } }), 'settings.window.weeks'],
      [
        team({ settings: { calendar: { blackouts: [{ from: '2026-12-24', to: '2026-12-01' }] } } }),
        'settings.calendar.blackouts.0.to',
      ],
      [team({ settings: { calendar: { country: 'QQ' } } }), 'settings.calendar.country'],
      [team({ settings: { calendar: { workingDays: [0] } } }), 'settings.calendar.workingDays.0'],
      [
        team({ items: Array.from({ length: TEAM_LIMITS.items + 1 }, (_, i) => ({ id: `x${i}` })) }),
        'items',
      ],
      [team({ name: 'a\u0000b' }), 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await call(a, 'POST', base, payload);
      expect(res.statusCode, `${field}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await call(a, 'GET', base)).json().items).toHaveLength(before);
  });

  it('keeps the team’s calendar, so every forecast from the team can use it', async () => {
    const calendar = {
      country: 'BR',
      region: 'SP',
      workingDays: [1, 2, 3, 4, 5],
      blackouts: [{ from: '2026-12-24', to: '2027-01-01', note: 'year-end' }],
      optionalHolidays: ['Carnaval'],
    };
    const created = await call(
      a,
      'POST',
      base,
      team({ name: 'With calendar', settings: { window: 'auto', calendar } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const read = await call(a, 'GET', `${base}/${id}`);
    expect(read.json().settings).toEqual({ window: 'auto', calendar });
    // A replacement without a calendar drops it.
    const put = await call(a, 'PUT', `${base}/${id}`, team({ name: 'With calendar', version }));
    expect(put.statusCode, put.body).toBe(200);
    expect((await call(a, 'GET', `${base}/${id}`)).json().settings.calendar).toBeUndefined();
  });

  async function named(name: string): Promise<{ id: string }> {
    const items = (await call(a, 'GET', base)).json().items as { id: string; name: string }[];
    return items.find((x) => x.name === name)!;
  }

  it('replaces a team with its version; a stale version is a 409', async () => {
    const first = await named('Checkout');
    const put = await call(a, 'PUT', `${base}/${first.id}`, {
      ...team({ name: 'Checkout (April)', items: ITEMS.slice(0, 2) }),
      version: 1,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ name: 'Checkout (April)', itemCount: 2, version: 2 });
    const stale = await call(a, 'PUT', `${base}/${first.id}`, { ...team(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    const bad = await call(a, 'PUT', `${base}/${first.id}`, team({ source: 'ftp' }));
    expect(bad.statusCode).toBe(400);
    expect((await call(a, 'GET', `${base}/${first.id}`)).json().version).toBe(2);
  });

  it('is its owner’s: another user can neither see, change, delete nor add to it', async () => {
    const first = await named('Checkout (April)');
    expect((await call(b, 'GET', base)).statusCode).toBe(404);
    expect((await call(b, 'GET', `${base}/${first.id}`)).statusCode).toBe(404);
    expect((await call(b, 'PUT', `${base}/${first.id}`, team())).statusCode).toBe(404);
    expect((await call(b, 'DELETE', `${base}/${first.id}`)).statusCode).toBe(404);
    expect((await call(b, 'POST', base, team())).statusCode).toBe(404);
    // An admin may read it (support), as with the project's other work.
    expect((await call(admin, 'GET', `${base}/${first.id}`)).statusCode).toBe(200);
    expect((await call(a, 'GET', `${base}/${first.id}`)).json().name).toBe('Checkout (April)');
  });

  it('a saved forecast keeps the history window its throughput came from', async () => {
    const historyWindow = {
      team: 'Checkout',
      window: { from: '2025-06-09', to: '2025-08-31' },
      from: '2025-06-09',
      to: '2025-08-31',
      weeks: 12,
    };
    const input = { tpSamples: [5, 7, 6, 4], backlog: 30, seed: 7, historyWindow };
    const saved = await call(a, 'POST', '/api/forecasts', { kind: 'when', input });
    expect(saved.statusCode, saved.body).toBe(201);
    const back = (await call(a, 'GET', `/api/forecasts/${saved.json().id}`)).json();
    expect(back.input.historyWindow).toEqual(historyWindow);
    const plain = await call(a, 'POST', '/api/forecasts', {
      kind: 'when',
      input: { tpSamples: [5, 7, 6, 4], backlog: 30, seed: 7 },
    });
    // The note changes nothing simulated: the same numbers with or without it.
    expect(plain.json().p85Weeks).toBe(saved.json().p85Weeks);
    const bad = await call(a, 'POST', '/api/forecasts', {
      kind: 'when',
      input: { ...input, historyWindow: { ...historyWindow, weeks: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('input.historyWindow.weeks');
  });

  it('goes into the backup and comes back from it; deleting it is final', async () => {
    const before = (await call(a, 'GET', base)).json().items as { id: string }[];
    const full = await Promise.all(
      before.map(async (x) => (await call(a, 'GET', `${base}/${x.id}`)).json()),
    );
    const backup = await backupDatabase(t.app.db);
    expect(backup.tables.teams).toHaveLength(before.length);
    const other = await createTestApp({ db: 'pglite' });
    try {
      await restoreDatabase(other.app.db, JSON.parse(JSON.stringify(backup)));
      const viewer = { id: a.user.id, role: 'student' as const };
      const projectId = base.split('/')[3];
      for (const f of full) {
        const row = await other.app.repos.teams.get(viewer, projectId, f.id);
        expect(row?.data).toMatchObject({ items: f.items, settings: f.settings });
      }
    } finally {
      await other.close();
    }
    const del = await call(a, 'DELETE', `${base}/${before[0].id}`);
    expect(del.statusCode).toBe(204);
    expect((await call(a, 'GET', `${base}/${before[0].id}`)).statusCode).toBe(404);
  });
});
