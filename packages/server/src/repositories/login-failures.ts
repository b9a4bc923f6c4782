import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginFailures } from '../db/schema';
import { sha256 } from '../auth/tokens';

/** How one kind of key (an account, an address) is throttled. */
export interface FailurePolicy {
  /** Failures allowed inside the window before a lockout starts. */
  threshold: number;
  /** Failures older than this (from the first one counted) are forgotten. */
  windowMs: number;
  /** The lockout after the n-th failure past the threshold (n = 0, 1, ...). */
  lockoutMs: (overThreshold: number, windowStart: Date, now: Date) => number;
}

/** Keys are hashed so the table never holds an email, existing or not, nor an address. */
export const accountKey = (email: string) => `a:${sha256(email.trim().toLowerCase())}`;
export const addressKey = (address: string) => `ip:${sha256(address)}`;

export function loginFailuresRepository(db: Db) {
  return {
    /** The latest `locked_until` still in the future among the keys, if any. */
    async lockedUntil(keys: string[], now = new Date()): Promise<Date | undefined> {
      const rows = await db
        .select({ lockedUntil: loginFailures.lockedUntil })
        .from(loginFailures)
        .where(inArray(loginFailures.key, keys));
      let latest: Date | undefined;
      for (const { lockedUntil } of rows) {
        if (lockedUntil && lockedUntil > now && (!latest || lockedUntil > latest)) {
          latest = lockedUntil;
        }
      }
      return latest;
    },

    /**
     * Counts one failure for `key` and locks it once past the policy's threshold. The count is
     * one upsert, so failures arriving at the same moment on two web nodes are all counted.
     */
    async recordFailure(key: string, policy: FailurePolicy, now = new Date()): Promise<void> {
      const forgetBefore = new Date(now.getTime() - policy.windowMs);
      const [row] = await db
        .insert(loginFailures)
        .values({ key, failures: 1, windowStart: now })
        .onConflictDoUpdate({
          target: loginFailures.key,
          set: {
            failures: sql`case when ${loginFailures.windowStart} < ${forgetBefore} then 1 else ${loginFailures.failures} + 1 end`,
            windowStart: sql`case when ${loginFailures.windowStart} < ${forgetBefore} then ${now} else ${loginFailures.windowStart} end`,
          },
        })
        .returning();
      if (!row || row.failures < policy.threshold) return;
      const lockMs = policy.lockoutMs(row.failures - policy.threshold, row.windowStart, now);
      if (lockMs <= 0) return;
      await db
        .update(loginFailures)
        .set({ lockedUntil: new Date(now.getTime() + lockMs) })
        .where(eq(loginFailures.key, key));
    },

    /** A successful login forgets the account's failures (never the address's). */
    async clear(key: string): Promise<void> {
      await db.delete(loginFailures).where(eq(loginFailures.key, key));
    },
  };
}
