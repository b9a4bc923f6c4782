/**
 * What the project page needs to know about connections before and after a failed pull:
 * whether the server can have any (CONNECTION_KEY), and why a sync failed as a code the page
 * translates (issue 20).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitErrorCode, withErrorCode } from '../src/connections/error-code';
import { createProject, createTestApp, login } from './helper';
import type { Caller, TestApp } from './helper';

describe('connections: availability and coded sync errors (PGlite)', () => {
  let withKey: TestApp;
  let withoutKey: TestApp;
  let a: Caller;
  let b: Caller;
  beforeAll(async () => {
    withKey = await createTestApp({
      db: 'pglite',
      config: { connectionKey: randomBytes(32), allowPrivateTrackerUrls: true },
      build: { connections: { retry: { sleep: async () => {}, attempts: 1 } } },
    });
    withoutKey = await createTestApp({ db: 'pglite' });
    a = await login(withKey.app);
    b = await login(withoutKey.app);
  });
  afterAll(async () => {
    await withKey?.close();
    await withoutKey?.close();
  });

  it('says in the list whether connections can be made here', async () => {
    for (const [t, caller, available] of [
      [withKey, a, true],
      [withoutKey, b, false],
    ] as const) {
      const id = await createProject(t.app, caller);
      const res = await t.app.inject({
        url: `/api/projects/${id}/connections`,
        headers: caller.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [], available });
    }
  });

  it('answers a failed sync with the connector’s error kind and the tracker’s words apart', async () => {
    const id = await createProject(withKey.app, a);
    const created = await withKey.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/connections`,
      headers: a.headers,
      // Nothing listens on port 9 of this machine: the site cannot be reached.
      payload: {
        name: 'away',
        settings: { tracker: 'jira', url: 'http://127.0.0.1:9', jql: 'project = PAY' },
        token: 'secret-token',
      },
    });
    expect(created.statusCode).toBe(201);
    const sync = await withKey.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/connections/${created.json().id}/sync`,
      headers: a.headers,
    });
    expect(sync.statusCode).toBe(200);
    const body = sync.json();
    expect(body.outcome).toMatchObject({ status: 'failed', code: 'unreachable' });
    expect(body.connection.lastSync).toMatchObject({ status: 'failed', errorCode: 'unreachable' });
    expect(body.connection.lastSync.error).not.toMatch(/^\[/);
    expect(body.connection.lastSync.error.length).toBeGreaterThan(0);
  });

  it('keeps uncoded messages as they are', () => {
    expect(splitErrorCode(withErrorCode('auth', 'no'))).toEqual({ code: 'auth', message: 'no' });
    expect(splitErrorCode(withErrorCode(undefined, '[x] y z'))).toEqual({
      code: 'x',
      message: 'y z',
    });
    expect(splitErrorCode('plain')).toEqual({ code: null, message: 'plain' });
    expect(splitErrorCode(null)).toEqual({ code: null, message: null });
  });
});
