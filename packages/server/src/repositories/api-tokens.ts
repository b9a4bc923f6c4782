import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, users } from '../db/schema';
import { randomToken, sha256 } from '../auth/tokens';
import type { UserRow } from './users';
import { TOKEN_SCOPES } from '@flow-forecaster/schemas';
import type { TokenScope } from '@flow-forecaster/schemas';

const parseScopes = (stored: string): TokenScope[] =>
  TOKEN_SCOPES.filter((s) => stored.split(',').includes(s));

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  lastUsedAt: string | null;
  createdAt: string;
}

// Writing last_used_at on every call would turn each read into a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

export function apiTokensRepository(db: Db) {
  return {
    async create(
      userId: string,
      name: string,
      scopes: readonly TokenScope[] = TOKEN_SCOPES,
    ): Promise<{ id: string; token: string }> {
      const token = randomToken('ff_');
      const [row] = await db
        .insert(apiTokens)
        .values({ userId, name, tokenHash: sha256(token), scopes: scopes.join(',') })
        .returning({ id: apiTokens.id });
      return { id: row.id, token };
    },

    async list(userId: string): Promise<ApiTokenView[]> {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(desc(apiTokens.createdAt));
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        scopes: parseScopes(r.scopes),
        lastUsedAt: r.lastUsedAt ? r.lastUsedAt.toISOString() : null,
        createdAt: r.createdAt.toISOString(),
      }));
    },

    async delete(userId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(apiTokens)
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },

    /** Revokes every token of a user (password reset): a leaked token must not outlive it. */
    async deleteForUser(userId: string): Promise<number> {
      const rows = await db
        .delete(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .returning({ id: apiTokens.id });
      return rows.length;
    },

    async findUser(token: string): Promise<UserRow | undefined> {
      return (await this.find(token))?.user;
    },

    /** The token's user and what it may do. */
    async find(token: string): Promise<{ user: UserRow; scopes: TokenScope[] } | undefined> {
      const [row] = await db
        .select({
          id: apiTokens.id,
          lastUsedAt: apiTokens.lastUsedAt,
          scopes: apiTokens.scopes,
          user: users,
        })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.tokenHash, sha256(token)));
      if (!row) return undefined;
      if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
        await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
      }
      return { user: row.user, scopes: parseScopes(row.scopes) };
    },
  };
}
