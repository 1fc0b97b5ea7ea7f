import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CurrentUser, MembershipLoader } from './current-user.js';
import { sessions, users } from './schema.js';
import { hashToken, newToken } from './tokens.js';

export const sessionDays = 14;
export const sessionCookie = 'ikon_session';

export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = newToken();
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(now.getTime() + sessionDays * 86_400_000),
  });
  return token;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function userForSession(db: Db, token: string, membershipsOf: MembershipLoader, now = new Date()): Promise<CurrentUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, isPlatformAdmin: users.isPlatformAdmin })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  return { ...row, memberships: await membershipsOf(db, row.id) };
}
