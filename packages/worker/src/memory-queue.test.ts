import { describe, expect, it } from 'vitest';
import { createMemoryQueue } from './memory-queue';
import { throwIfAborted } from './errors';
import type { Processor } from './job-types';

const slow: Processor = async (_job, signal, report) => {
  for (let i = 0; i < 10; i++) {
    throwIfAborted(signal);
    await new Promise((r) => setTimeout(r, 30));
    report((i + 1) * 10);
  }
  return 'finished';
};

async function running(q: ReturnType<typeof createMemoryQueue>, id: string) {
  for (let i = 0; i < 100 && (await q.get(id))?.state !== 'PROGRESS'; i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('in-process queue shutdown', () => {
  it('lets running jobs finish within the grace period and cancels waiting ones', async () => {
    const q = createMemoryQueue({ processor: slow, concurrency: 1 });
    const a = await q.submit('slow', {}, { owner: 'o' });
    const b = await q.submit('slow', {}, { owner: 'o' });
    await running(q, a);
    await q.close({ graceMs: 5_000 });
    expect((await q.get(a))?.state).toBe('SUCCESS');
    expect((await q.get(a))?.result).toBe('finished');
    expect((await q.get(b))?.state).toBe('REVOKED');
    await expect(q.submit('slow', {}, { owner: 'o' })).rejects.toThrow(/closed/);
  });

  it('cancels running jobs at once without a grace period', async () => {
    const q = createMemoryQueue({ processor: slow, concurrency: 1 });
    const a = await q.submit('slow', {}, { owner: 'o' });
    await running(q, a);
    const t0 = Date.now();
    await q.close();
    expect(Date.now() - t0).toBeLessThan(100);
    for (let i = 0; i < 20 && (await q.get(a))?.state === 'PROGRESS'; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await q.get(a))?.state).toBe('REVOKED');
  });
});

describe('in-process queue result memory', () => {
  it('keeps finished results within a byte budget, forgetting the oldest first', async () => {
    // Each result is ~100 KB of JSON (200 KB as UTF-16); the budget holds four of them.
    const big: Processor = async (job) => ({ id: job.id, runs: 'x'.repeat(100_000) });
    const q = createMemoryQueue({ processor: big, concurrency: 1, maxResultBytes: 850_000 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const id = await q.submit('big', {}, { owner: 'o' });
        ids.push(id);
        for (let k = 0; k < 200 && (await q.get(id))?.state !== 'SUCCESS'; k++) {
          await new Promise((r) => setTimeout(r, 2));
        }
      }
      const held = (await Promise.all(ids.map((id) => q.get(id)))).map((j) => j !== undefined);
      expect(held).toEqual([false, false, false, false, false, false, true, true, true, true]);
      const health = await q.health();
      expect(health.resultBytes).toBeLessThanOrEqual(850_000);
      expect(health.resultBytes).toBeGreaterThan(4 * 200_000);
      expect(health.resultBudgetBytes).toBe(850_000);
    } finally {
      await q.close();
    }
  });
});
