/**
 * A Redis that accepts the connection and the handshake, then stops answering (a hung
 * server, a full network buffer): submit must not hang, and after the first timeout the
 * breaker refuses at once instead of making every caller wait out the deadline.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueUnavailableError } from '../src/index';
import { createBullQueue } from '../src/bull';

/** Answers the handshake (INFO, CLIENT SETNAME, SELECT) and nothing else. */
const sockets = new Set<Socket>();

function hungRedis(): Server {
  return createServer((socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      // Parse complete RESP arrays of bulk strings: *N\r\n($len\r\narg\r\n)*N
      for (;;) {
        const m = /^\*(\d+)\r\n/.exec(buffer);
        if (!m) return;
        let pos = m[0].length;
        const args: string[] = [];
        for (let i = 0; i < Number(m[1]); i++) {
          const h = /^\$(\d+)\r\n/.exec(buffer.slice(pos));
          if (!h) return;
          const len = Number(h[1]);
          if (buffer.length < pos + h[0].length + len + 2) return;
          args.push(buffer.slice(pos + h[0].length, pos + h[0].length + len));
          pos += h[0].length + len + 2;
        }
        buffer = buffer.slice(pos);
        const cmd = args[0]?.toUpperCase();
        if (cmd === 'INFO') {
          const info = '# Server\r\nredis_version:7.2.0\r\nredis_mode:standalone\r\nloading:0\r\n';
          socket.write(`$${info.length}\r\n${info}\r\n`);
        } else if (cmd === 'CLIENT' || cmd === 'SELECT') {
          socket.write('+OK\r\n');
        }
        // Everything else: silence.
      }
    });
  });
}

describe('BullMQ producer against a Redis that stops answering', () => {
  const server = hungRedis();
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it('times out the first call and refuses the next ones at once', async () => {
    const q = createBullQueue({
      redisUrl: `redis://127.0.0.1:${port}`,
      prefix: 'fftest-hung',
      commandTimeoutMs: 300,
      breakerMs: 2_000,
    });
    try {
      for (let i = 0; i < 50; i++) {
        // Wait until the handshake has made the client ready.
        const err = await q.get('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
        if (!(err instanceof QueueUnavailableError && /not connected/.test(err.message))) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const t0 = performance.now();
      const first = await q.submit('simulate', {}, { owner: 'x' }).catch((e: unknown) => e);
      const firstMs = performance.now() - t0;
      expect(first).toBeInstanceOf(QueueUnavailableError);
      expect(firstMs).toBeLessThan(1_000);

      const t1 = performance.now();
      const second = await q.submit('simulate', {}, { owner: 'x' }).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(QueueUnavailableError);
      expect((second as Error).message).toMatch(/stopped answering/);
      expect(performance.now() - t1).toBeLessThan(50);

      const health = await q.health();
      expect(health.ok).toBe(false);
    } finally {
      await q.close();
    }
  });
});
