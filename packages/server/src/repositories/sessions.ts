import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema';
import { randomToken, sha256 } from '../auth/tokens';
import type { UserRow } from './users';

export interface NewSession {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function sessionsRepository(db: Db) {
  return {
    async create(userId: string, ttlSeconds: number): Promise<NewSession> {
      const token = randomToken();
      const csrfToken = randomToken();
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      await db.insert(sessions).values({ id: sha256(token), userId, csrfToken, expiresAt });
      return { token, csrfToken, expiresAt };
    },

    /** The session and its user for a cookie token, if the session has not expired. */
    async find(token: string): Promise<{ csrfToken: string; user: UserRow } | undefined> {
      const [row] = await db
        .select({ csrfToken: sessions.csrfToken, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())));
      return row;
    },

    async delete(token: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, sha256(token)));
    },

    async deleteForUser(userId: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },

    async deleteExpired(): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    },
  };
}
