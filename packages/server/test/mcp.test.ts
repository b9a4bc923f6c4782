/**
 * `/mcp` on a listening server, driven by the SDK's own Streamable HTTP client: refused without
 * an API token, the registry's tools with one (run on the worker pool), rate-limited like the API.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { FORECAST_REGISTRY, parseForecast } from '@flow-forecaster/schemas';
import { TEAM_INPUT } from '../../engine/test/team-case';
import type { Caller, TestApp } from './helper';
import { createTestApp, login, tokenCaller } from './helper';

interface ToolCall {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
}

async function listening(t: TestApp): Promise<URL> {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return new URL('/mcp', address);
}

async function connect(url: URL, headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'ff-server-mcp-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}

/** One JSON-RPC call as a plain POST, as a script without the SDK would send it. */
function rawCall(url: URL, headers: Record<string, string>, id = 1): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/list', params: {} }),
  });
}

describe('/mcp with an API token', () => {
  let t: TestApp;
  let url: URL;
  let caller: Caller;

  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite' });
    url = await listening(t);
    caller = await tokenCaller(t.app);
  });
  afterAll(async () => {
    // A call the tests abandon mid-forecast can leave its socket open; the server's close would
    // wait for it (a 60 s hook timeout in CI), so the teardown drops every connection first.
    t?.app.server.closeAllConnections();
    await t?.close();
  });

  it('answers 401 without a token, with a wrong one and with a session cookie', async () => {
    const none = await rawCall(url, {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'FF_ERR_UNAUTHORIZED',
    );
    const wrong = await rawCall(url, { authorization: 'Bearer ff_not-a-token' });
    expect(wrong.status).toBe(401);
    const cookie = await login(t.app);
    expect((await rawCall(url, cookie.headers)).status).toBe(401);
    await expect(connect(url, {})).rejects.toThrow();
  });

  it('takes a token with the read or the forecast scope, not one that may only write', async () => {
    const owner = await login(t.app);
    const tokenWith = async (scopes: string[]) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: owner.headers,
        payload: { name: scopes.join('+'), scopes },
      });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
    };
    expect((await rawCall(url, await tokenWith(['read']))).status).toBe(200);
    expect((await rawCall(url, await tokenWith(['forecast']))).status).toBe(200);
    const writeOnly = await rawCall(url, await tokenWith(['write']));
    expect(writeOnly.status).toBe(403);
    expect(((await writeOnly.json()) as { error: { code: string } }).error.code).toBe(
      'FF_ERR_FORBIDDEN',
    );
  });

  it('lists the registry’s tools and runs one on the worker pool, as the engine would', async () => {
    const pooled = vi.spyOn(t.app.forecastPool, 'run');
    const client = await connect(url, caller.headers);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(FORECAST_REGISTRY.kinds.map((r) => r.kind));

    const body = { tpSamples: [5, 6, 7, 4, 8, 6, 5, 7, 6, 8, 5, 7], numberOfTasks: 50, seed: 77 };
    const answer = (await client.callTool({ name: 'simulate', arguments: body })) as ToolCall;
    expect(answer.isError, answer.content[0]?.text).toBeFalsy();
    const parsed = parseForecast('simulate', body);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(answer.structuredContent).toMatchObject({
      kind: 'simulate',
      seed: 77,
      result: JSON.parse(JSON.stringify(parsed.value.run())) as unknown,
    });
    expect(pooled).toHaveBeenCalled();
    pooled.mockRestore();

    const bad = (await client.callTool({
      name: 'simulate',
      arguments: { ...body, numberOfTasks: -3 },
    })) as ToolCall;
    expect(bad.isError).toBe(true);
    expect(bad.structuredContent?.error).toMatchObject({ field: 'numberOfTasks' });

    const page = await client.readResource({ uri: 'flow-forecaster://kinds/when' });
    expect((page.contents[0] as { text: string }).text).toContain('`POST /api/forecast-when`');
    await client.close();
  });

  it('stops a tool call whose client cancels or hangs up, and frees the pool', async () => {
    const abandoned = async () =>
      (await t.app.metrics.forecastsAbandonedTotal.get()).values.find(
        (v) => v.labels.kind === 'simulate',
      )?.value ?? 0;
    const before = await abandoned();
    const client = await connect(url, caller.headers);
    // ~3,000 simulated weeks per run: a million runs would hold the pool for tens of seconds.
    const heavy = {
      tpSamples: TEAM_INPUT.tpSamples,
      numberOfTasks: 20_000,
      maxWeeks: 5_200,
      numberOfSimulations: 1_000_000,
      seed: 5,
    };
    const giveUp = new AbortController();
    const call = client
      .callTool({ name: 'simulate', arguments: heavy }, undefined, { signal: giveUp.signal })
      .catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 400));
    const abortedAt = performance.now();
    giveUp.abort();
    expect(await call).toBeInstanceOf(Error);
    while ((await abandoned()) === before && performance.now() - abortedAt < 10_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await abandoned()).toBe(before + 1);

    // A script that hangs up (no cancellation message) frees the pool too.
    const hangUp = new AbortController();
    const raw = fetch(url, {
      method: 'POST',
      headers: {
        ...caller.headers,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 'heavy',
        method: 'tools/call',
        params: { name: 'simulate', arguments: heavy },
      }),
      signal: hangUp.signal,
    }).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 400));
    const hungUpAt = performance.now();
    hangUp.abort();
    expect(await raw).toMatchObject({ name: 'AbortError' });
    while ((await abandoned()) === before + 1 && performance.now() - hungUpAt < 10_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await abandoned()).toBe(before + 2);
    const started = performance.now();
    const small = (await client.callTool({
      name: 'when',
      arguments: { tpSamples: [5, 6, 7], backlog: 20, seed: 1 },
    })) as ToolCall;
    expect(small.isError).toBeFalsy();
    expect(performance.now() - started).toBeLessThan(3_000);
    await client.close();
  }, 60_000);

  it('is in the OpenAPI document, as a bearer-token POST', async () => {
    const doc = (await t.app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    expect(Object.keys(doc.paths['/mcp'] ?? {})).toEqual(['post']);
    expect(doc.paths['/mcp']?.post?.security).toEqual([{ bearer: [] }]);
  });

  it('refuses GET and DELETE: the endpoint keeps no sessions', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(url, { method, headers: caller.headers });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });
});

describe('/mcp rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      db: 'pglite',
      config: { rateLimit: { max: 4, windowSeconds: 60, authMax: 100 } },
    });
  });
  afterAll(async () => {
    // A call the tests abandon mid-forecast can leave its socket open; the server's close would
    // wait for it (a 60 s hook timeout in CI), so the teardown drops every connection first.
    t?.app.server.closeAllConnections();
    await t?.close();
  });

  it('counts /mcp calls in the caller’s API bucket', async () => {
    const caller = await tokenCaller(t.app);
    const url = await listening(t);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 1; i <= 4; i++) {
      last = await rawCall(url, caller.headers, i);
      statuses.push(last.status);
    }
    // POST /api/tokens already took one of the user's 4: three MCP calls pass, the next waits.
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(((await last?.json()) as { error: { code: string } }).error.code).toBe(
      'FF_ERR_RATE_LIMITED',
    );
  });
});
