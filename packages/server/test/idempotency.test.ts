import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { databases, login, useAppWithCaller } from './helper';

describe.each(databases)('Idempotency-Key on %s', (db) => {
  const s = useAppWithCaller(db);

  const create = (payload: object, key?: string, caller = s.caller) =>
    s.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { ...caller.headers, ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });
  const count = async (caller = s.caller) =>
    (
      (await s.app.inject({ url: '/api/projects', headers: caller.headers })).json() as {
        items: unknown[];
      }
    ).items.length;

  it('a retry with the same key gets the first answer, not a second row', async () => {
    const before = await count();
    const key = randomUUID();
    const first = await create({ name: 'Retried' }, key);
    expect(first.statusCode).toBe(201);
    const again = await create({ name: 'Retried' }, key);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    // Two retries at the same moment create nothing more either.
    const both = await Promise.all([
      create({ name: 'Retried' }, key),
      create({ name: 'Retried' }, key),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(await count()).toBe(before + 1);
    // Without a key nothing is deduplicated.
    await create({ name: 'Retried' });
    expect(await count()).toBe(before + 2);
  });

  it('refuses a key reused for another request, and keys belong to one user', async () => {
    const key = randomUUID();
    expect((await create({ name: 'One' }, key)).statusCode).toBe(201);
    const other = await create({ name: 'Two' }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({ code: 'FF_ERR_CONFLICT', field: 'Idempotency-Key' });
    const someoneElse = await login(s.app);
    const theirs = await create({ name: 'One' }, key, someoneElse);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe((await create({ name: 'One' }, key)).json().id);
  });

  it('a failed request does not burn its key; a bad key is a 400', async () => {
    const key = randomUUID();
    expect((await create({ name: '' }, key)).statusCode).toBe(400);
    expect((await create({ name: 'Fixed' }, key)).statusCode).toBe(201);
    const bad = await create({ name: 'x' }, 'has spaces in it');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('Idempotency-Key');
  });
});
