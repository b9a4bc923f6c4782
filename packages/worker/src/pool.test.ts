import { afterAll, describe, expect, it } from 'vitest';
import { createTaskPool } from './pool';

describe('task pool', () => {
  const pool = createTaskPool({ threads: 2 });
  afterAll(() => pool.destroy());

  it('runs TypeScript tasks on worker threads and returns their results', async () => {
    await expect(pool.run<number>({ op: 'spin', ms: 1, value: 42 })).resolves.toBe(42);
  });

  it('runs tasks in parallel across its threads', async () => {
    // Warm both threads so start-up cost does not count.
    await Promise.all([1, 2].map((v) => pool.run({ op: 'spin', ms: 1, value: v })));
    const t0 = performance.now();
    const out = await Promise.all([1, 2].map((v) => pool.run({ op: 'spin', ms: 300, value: v })));
    const elapsed = performance.now() - t0;
    expect(out).toEqual([1, 2]);
    // Serial would take ≥ 600 ms; two threads finish in about 300.
    expect(elapsed).toBeLessThan(570);
  });

  it('rejects an unknown task', async () => {
    await expect(pool.run({ op: 'nope' } as never)).rejects.toThrow(/Unknown pool task/);
  });
});
