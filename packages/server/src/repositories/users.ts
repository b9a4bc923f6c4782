import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import type { UserRole } from '../db/schema';

export type UserRow = typeof users.$inferSelect;

/** What the API shows of a user: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  instructorId: string | null;
  active: boolean;
  accessExpiresAt: string | null;
  createdAt: string;
}

export function publicUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    instructorId: u.instructorId,
    active: u.active,
    accessExpiresAt: u.accessExpiresAt ? u.accessExpiresAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Deactivated accounts and workshop accounts past their expiry cannot log in or use sessions. */
export function canUse(u: Pick<UserRow, 'active' | 'accessExpiresAt'>, now = new Date()): boolean {
  return u.active && (u.accessExpiresAt === null || u.accessExpiresAt.getTime() > now.getTime());
}

export class EmailTakenError extends Error {
  constructor() {
    super('email taken');
    this.name = 'EmailTakenError';
  }
}

function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  // drizzle wraps driver errors; the SQLSTATE is on the cause.
  for (let i = 0; i < 3 && e; i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function usersRepository(db: Db) {
  return {
    /**
     * With `firstUserAdmin` the first account ever created becomes the admin, so a laptop
     * install can be managed; public installs get theirs from ADMIN_EMAIL or `npm run admin`.
     */
    async create(
      input: { email: string; name?: string; passwordHash: string },
      options: { firstUserAdmin?: boolean } = {},
    ): Promise<UserRow> {
      const firstUserAdmin = options.firstUserAdmin ?? true;
      try {
        return await db.transaction(async (tx) => {
          // Serialises concurrent first sign-ups so exactly one of them becomes admin.
          await tx.execute(sql`lock table "users" in share row exclusive mode`);
          const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
          const [row] = await tx
            .insert(users)
            .values({
              email: input.email.toLowerCase(),
              name: input.name ?? null,
              passwordHash: input.passwordHash,
              role: n === 0 && firstUserAdmin ? 'admin' : 'student',
            })
            .returning();
          return row;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new EmailTakenError();
        throw err;
      }
    },

    /** Makes an existing account admin; false when there is no such account. */
    async makeAdmin(email: string): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ role: 'admin' })
        .where(eq(users.email, email.toLowerCase()))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row;
    },

    async findById(id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    async list(): Promise<UserRow[]> {
      return db.select().from(users).orderBy(asc(users.createdAt), asc(users.email));
    },

    /** An instructor's students; with no instructor given, every student account. */
    async listStudents(instructorId?: string): Promise<UserRow[]> {
      return db
        .select()
        .from(users)
        .where(instructorId ? eq(users.instructorId, instructorId) : eq(users.role, 'student'))
        .orderBy(asc(users.name), asc(users.email));
    },

    async update(
      id: string,
      patch: Partial<
        Pick<UserRow, 'role' | 'active' | 'accessExpiresAt' | 'instructorId' | 'name'>
      >,
    ): Promise<UserRow | undefined> {
      if (Object.keys(patch).length === 0) return this.findById(id);
      const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
      return row;
    },

    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, id));
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
