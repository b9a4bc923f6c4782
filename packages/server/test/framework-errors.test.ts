import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp } from './helper';
import type { TestApp } from './helper';

/** Sends raw bytes and returns what the server answers before it closes the socket. */
function raw(port: number, request: string, waitMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in ${waitMs} ms; got ${JSON.stringify(answer)}`));
    }, waitMs);
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(request);
  });
}

function parsed(answer: string): { status: number; body: { error: Record<string, unknown> } } {
  const [head, body] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) };
}

/** Errors that Fastify's router and Node's HTTP parser answer themselves, in our shape (issue 12). */
describe('framework errors in the API error shape', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ db: 'pglite', config: { requestTimeoutSeconds: 1 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a broken %-escape in a path parameter is a 400 FF_ERR_BAD_URL', async () => {
    const res = await t.app.inject({ url: '/api/projects/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'FF_ERR_BAD_URL', message: expect.stringMatching(/URL/) },
    });
  });

  it('a path parameter over the length limit is a 414 FF_ERR_URL_TOO_LONG', async () => {
    const res = await t.app.inject({ url: `/api/projects/${'a'.repeat(500)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json().error.code).toBe('FF_ERR_URL_TOO_LONG');
  });

  it('headers over the limit are a 431 FF_ERR_HEADERS_TOO_LARGE', async () => {
    const answer = await raw(
      port,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const { status, body } = parsed(answer);
    expect(status).toBe(431);
    expect(body.error.code).toBe('FF_ERR_HEADERS_TOO_LARGE');
  });

  it('a request that does not finish arriving in time is a 408 FF_ERR_REQUEST_TIMEOUT', async () => {
    // Headers promise a body that never comes.
    const answer = await raw(
      port,
      'POST /api/projects HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{"na',
      10_000,
    );
    const { status, body } = parsed(answer);
    expect(status).toBe(408);
    expect(body.error.code).toBe('FF_ERR_REQUEST_TIMEOUT');
  });

  it('a request the HTTP parser cannot read is a 400 in our shape', async () => {
    const { status, body } = parsed(await raw(port, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(status).toBe(400);
    expect(body.error.code).toBe('FF_ERR_BAD_REQUEST');
  });
});
