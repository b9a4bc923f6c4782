import { afterAll, describe, expect, it } from 'vitest';
import { createTaskPool } from './pool';

describe('task pool', () => {
  const pool = createTaskPool({ threads: 2 });
  afterAll(() => pool.destroy());

  it('runs TypeScript tasks on worker threads and returns their results', async () => {
    await expect(pool.run<number>({ op: 'spin', ms: 1, value: 42 })).resolves.toBe(42);
    // The first task waits for a thread to load its TypeScript: seconds on a busy machine.
  }, 30_000);

  it('runs tasks in parallel across its threads', async () => {
    // Each task waits for the other: they can only meet if both run at once, on two threads.
    // No clock is read, so a loaded machine cannot make this fail; a serial pool would.
    const arrived = new Int32Array(new SharedArrayBuffer(4));
    const meet = () => pool.run<boolean>({ op: 'meet', arrived, parties: 2, timeoutMs: 30_000 });
    await expect(Promise.all([meet(), meet()])).resolves.toEqual([true, true]);
  }, 40_000);

  it('a task alone cannot meet a partner that never comes (the check can fail)', async () => {
    const arrived = new Int32Array(new SharedArrayBuffer(4));
    await expect(pool.run({ op: 'meet', arrived, parties: 2, timeoutMs: 50 })).resolves.toBe(false);
  });

  it('rejects an unknown task', async () => {
    await expect(pool.run({ op: 'nope' } as never)).rejects.toThrow(/Unknown pool task/);
  });
});
