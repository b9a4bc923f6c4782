import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResets } from '../db/schema';
import { randomToken, sha256 } from '../auth/tokens';

export const RESET_TTL_MS = 90 * 60 * 1000;

export function passwordResetsRepository(db: Db) {
  return {
    async create(userId: string, now = Date.now()): Promise<string> {
      const token = randomToken();
      // Only the newest link works: an older one lying in a mailbox is spent by asking again.
      await db
        .update(passwordResets)
        .set({ usedAt: new Date(now) })
        .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
      await db.insert(passwordResets).values({
        userId,
        tokenHash: sha256(token),
        expiresAt: new Date(now + RESET_TTL_MS),
      });
      return token;
    },

    /**
     * Marks the token used and returns its user, in one statement so two simultaneous uses of
     * the same link cannot both succeed.
     */
    async consume(token: string): Promise<string | undefined> {
      const [row] = await db
        .update(passwordResets)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(passwordResets.tokenHash, sha256(token)),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, new Date()),
          ),
        )
        .returning({ userId: passwordResets.userId });
      return row?.userId;
    },
  };
}
