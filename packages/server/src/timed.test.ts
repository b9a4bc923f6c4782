import { describe, expect, it } from 'vitest';
import { TimeoutError, check, timed } from './timed';

const never = () => new Promise<never>(() => {});
const after = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('timed', () => {
  it('passes a value that arrives in time through', async () => {
    await expect(timed(after(5, 42), 500, 'answer')).resolves.toBe(42);
  });

  it('passes a rejection through as it is', async () => {
    const err = new Error('refused');
    await expect(timed(Promise.reject(err), 500)).rejects.toBe(err);
  });

  it('rejects with a TimeoutError naming what hung, after about the time given', async () => {
    const t0 = performance.now();
    const err = await timed(never(), 50, 'database ping').catch((e: unknown) => e);
    const waited = performance.now() - t0;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toBe('database ping: no answer within 50 ms');
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(1_000);
  });

  it('check reports ok with a latency, or down with the reason', async () => {
    const ok = await check('db', () => after(5, 'pong'), 500);
    expect(ok.status).toBe('ok');
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    const hung = await check('db', never, 30);
    expect(hung).toMatchObject({ status: 'down', error: 'db: no answer within 30 ms' });
    const failed = await check('db', () => Promise.reject(new Error('ECONNREFUSED')), 500);
    expect(failed).toMatchObject({ status: 'down', error: 'ECONNREFUSED' });
  });
});
