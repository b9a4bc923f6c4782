/**
 * Scheduled maintenance: what it deletes (and what it keeps) on both databases, the timer
 * schedule without Redis, and the BullMQ job scheduler with Redis — one schedule and one
 * cleaner per tick however many web nodes run, finished queue jobs past retention removed.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { eq } from 'drizzle-orm';
import { QUEUE_NAME } from '@flow-forecaster/worker';
import { cleanupExpired, MAINTENANCE_QUEUE, startMaintenance } from '../src/maintenance';
import type { CleanupResult } from '../src/maintenance';
import { passwordResets, sessions, users } from '../src/db/schema';
import type { Db } from '../src/db/client';
import { createTestApp, databases } from './helper';
import type { TestApp } from './helper';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-keys';

const HOUR = 3_600_000;

/** One user with a live and an expired session, three reset tokens, two job rows. */
async function seed(db: Db): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `m-${randomBytes(4).toString('hex')}@example.test`, passwordHash: 'x' })
    .returning({ id: users.id });
  const now = Date.now();
  await db.insert(sessions).values([
    {
      id: randomBytes(16).toString('hex'),
      userId: user.id,
      csrfToken: 'a',
      expiresAt: new Date(now + HOUR),
    },
    {
      id: randomBytes(16).toString('hex'),
      userId: user.id,
      csrfToken: 'b',
      expiresAt: new Date(now - 1000),
    },
  ]);
  await db.insert(passwordResets).values([
    {
      userId: user.id,
      tokenHash: randomBytes(16).toString('hex'),
      expiresAt: new Date(now + HOUR),
    },
    {
      userId: user.id,
      tokenHash: randomBytes(16).toString('hex'),
      expiresAt: new Date(now - 1000),
    },
    {
      userId: user.id,
      tokenHash: randomBytes(16).toString('hex'),
      expiresAt: new Date(now + HOUR),
      usedAt: new Date(now - 5000),
    },
  ]);
  return user.id;
}

async function remaining(db: Db, userId: string) {
  return {
    sessions: (await db.select().from(sessions).where(eq(sessions.userId, userId))).length,
    resets: (await db.select().from(passwordResets).where(eq(passwordResets.userId, userId)))
      .length,
  };
}

describe.each(databases)('cleanupExpired on %s', (db) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('deletes expired sessions and spent or expired reset tokens only', async () => {
    t = await createTestApp({ db });
    const userId = await seed(t.app.db);
    const result = await cleanupExpired(t.app.db);
    expect(result).toEqual({ sessions: 1, passwordResets: 2 });
    expect(await remaining(t.app.db, userId)).toEqual({ sessions: 1, resets: 1 });
    // Idempotent: nothing left to delete.
    expect(await cleanupExpired(t.app.db)).toEqual({ sessions: 0, passwordResets: 0 });
  });
});

describe('scheduled in the app', () => {
  const saved = { ...process.env };
  let apps: TestApp[] = [];
  const prefix = uniquePrefix('maint');
  beforeEach(() => {
    apps = [];
  });
  afterEach(async () => {
    for (const a of apps) await a.close();
    process.env = { ...saved };
  });
  afterAll(async () => {
    await deletePrefix(prefix);
  });

  it('runs on a timer without Redis', async () => {
    const t = await createTestApp({ db: 'pglite', config: { maintenanceIntervalSeconds: 0.3 } });
    apps.push(t);
    expect(t.app.maintenance?.mode).toBe('timer');
    const userId = await seed(t.app.db);
    const runs: CleanupResult[] = [];
    t.app.maintenance?.onRun((r) => runs.push(r));
    await expect.poll(() => runs.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(runs.reduce((n, r) => n + r.sessions, 0)).toBe(1);
    expect(await remaining(t.app.db, userId)).toEqual({ sessions: 1, resets: 1 });
  });

  it('is off with MAINTENANCE_INTERVAL_SECONDS=0', async () => {
    const t = await createTestApp({ db: 'pglite', config: { maintenanceIntervalSeconds: 0 } });
    apps.push(t);
    expect(t.app.maintenance).toBeUndefined();
  });

  it('is one BullMQ job scheduler across web nodes; each tick cleans on one node', async () => {
    const intervalMs = 400;
    for (let i = 0; i < 2; i++) {
      apps.push(
        await createTestApp({
          db: 'pglite',
          config: { redisUrl: REDIS_URL, maintenanceIntervalSeconds: intervalMs / 1000 },
          build: { jobs: { prefix } },
        }),
      );
    }
    const runs: number[] = [0, 0];
    apps.forEach((a, i) => {
      expect(a.app.maintenance?.mode).toBe('bullmq');
      a.app.maintenance?.onRun(() => runs[i]++);
    });
    const userIds = [await seed(apps[0].app.db), await seed(apps[1].app.db)];
    const queueConnection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: queueConnection, prefix });
    try {
      await expect
        .poll(async () => (await queue.getJobSchedulers()).length, { timeout: 5_000 })
        .toBe(1);
      // Both nodes' databases get cleaned eventually (ticks go to whichever worker is free).
      await expect
        .poll(
          async () =>
            (await remaining(apps[0].app.db, userIds[0])).sessions +
            (await remaining(apps[1].app.db, userIds[1])).sessions,
          { timeout: 20_000, interval: 200 },
        )
        .toBe(2);
      // Long enough that "every node on every tick" would be clearly more than one per tick.
      const before = runs[0] + runs[1];
      const windowStart = Date.now();
      await new Promise((r) => setTimeout(r, 3_000));
      const ticks = (Date.now() - windowStart) / intervalMs;
      const inWindow = runs[0] + runs[1] - before;
      expect(inWindow).toBeGreaterThanOrEqual(Math.floor(ticks) - 2);
      expect(inWindow).toBeLessThanOrEqual(Math.ceil(ticks) + 1);
    } finally {
      await queue.close();
      queueConnection.disconnect();
    }
  }, 60_000);

  it('removes finished forecast jobs past their retention from Redis', async () => {
    const p = `${prefix}-jobs`;
    const connections = [0, 1].map(() => new Redis(REDIS_URL, { maxRetriesPerRequest: null }));
    const forecasts = new Queue(QUEUE_NAME, { connection: connections[0], prefix: p });
    const worker = new Worker(QUEUE_NAME, async () => ({ ok: true }), {
      connection: connections[1],
      prefix: p,
    });
    const t = await createTestApp({ db: 'pglite' });
    apps.push(t);
    const maintenance = await startMaintenance({
      db: t.app.db,
      intervalMs: HOUR,
      redisUrl: REDIS_URL,
      prefix: p,
      jobRetentionMs: 300,
    });
    try {
      const job = await forecasts.add('simulate', { n: 1 });
      await expect
        .poll(async () => forecasts.getJobState(job.id as string), { timeout: 10_000 })
        .toBe('completed');
      // Still within retention: kept.
      expect((await maintenance.runNow()).queueJobs).toBe(0);
      await new Promise((r) => setTimeout(r, 400));
      expect((await maintenance.runNow()).queueJobs).toBe(1);
      expect(await forecasts.getJob(job.id as string)).toBeUndefined();
    } finally {
      await maintenance.close();
      await worker.close();
      await forecasts.close();
      for (const c of connections) c.disconnect();
      await deletePrefix(p);
    }
  }, 30_000);
});
