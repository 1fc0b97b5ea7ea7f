import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alias } from 'drizzle-orm/pg-core';
import { tenants } from '../tenancy/schema.js';
import type { Tenant } from '../tenancy/service.js';
import type { CurrentUser, MembershipsSql } from './current-user.js';
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

const slugTenant = alias(tenants, 'slug_tenant');

/**
 * The session's person with her memberships and, when `slug` is given, the Kommune of that slug
 * (null: none), in one query: every internal page needs all three before its own work.
 */
export async function sessionLookup(
  db: Db,
  token: string,
  membershipsOf: MembershipsSql,
  slug: string | undefined,
  now = new Date(),
): Promise<{ user: CurrentUser; tenant: Tenant | null } | null> {
  const person = { id: users.id, email: users.email, name: users.name, isPlatformAdmin: users.isPlatformAdmin, memberships: membershipsOf(users.id) };
  const valid = and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(users.disabledAt));
  if (slug === undefined) {
    const [user] = await db.select(person).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(valid);
    return user ? { user, tenant: null } : null;
  }
  const [row] = await db
    .select({ person, tenant: slugTenant })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(slugTenant, eq(slugTenant.slug, slug))
    .where(valid);
  if (!row) return null;
  return { user: row.person, tenant: row.tenant };
}
