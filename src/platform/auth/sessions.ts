import { and, eq, gt, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { alias } from 'drizzle-orm/pg-core';
import { contentFloor, noteSnapshotSeen, type ContentState } from '../public-changes.js';
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
async function sessionLookup(
  db: Db,
  token: string,
  membershipsOf: MembershipsSql,
  slug: string | undefined,
  now = new Date(),
): Promise<{ user: CurrentUser; tenant: Tenant | null; content?: ContentState } | null> {
  const found = await lookup(db, hashToken(token), membershipsOf, slug, now, true);
  if (!found) return null;
  const { content, tenant } = found;
  if (content) noteSnapshotSeen(content.snapshot);
  return { user: found.user, tenant, ...(content && tenant ? { content: { ...content, tenantId: tenant.id } } : {}) };
}

/**
 * The lookup's statements, built once per database: on PostgreSQL they are named (prepared)
 * statements, parsed and planned once per connection instead of on every signed-in request.
 * Planning the lookup took ~0.3–0.4 ms of PostgreSQL's CPU, more than running it (~0.15 ms);
 * with the building of the statement in node it was most of what a kept page costs there
 * (session 16, docs/decisions.md). `membershipsOf` comes from the tenants module, one per app.
 */
const statements = new WeakMap<Db, ReturnType<typeof prepareLookups>>();

function prepareLookups(db: Db, membershipsOf: MembershipsSql) {
  const person = { id: users.id, email: users.email, name: users.name, isPlatformAdmin: users.isPlatformAdmin, memberships: membershipsOf(users.id) };
  const valid = and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now')), isNull(users.disabledAt));
  const floor = sql`coalesce(${sql.placeholder('floor')}::xid8, pg_snapshot_xmin(pg_current_snapshot()))`;
  const content = sql<Omit<ContentState, 'tenantId'>>`json_build_object(
        'snapshot', pg_current_snapshot()::text,
        'floor', (${floor})::text,
        'changes', (select coalesce(array_agg(tx::text), '{}') from content_changes where tenant_id = ${slugTenant.id} and tx >= ${floor}))`;
  const withTenant = <C extends SQL<unknown>>(extra: C, name: string) =>
    db
      .select({ person, tenant: slugTenant, expiresAt: sessions.expiresAt, content: extra })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(slugTenant, eq(slugTenant.slug, sql.placeholder('slug')))
      .where(valid)
      .prepare(name);
  return {
    person: db.select({ person, expiresAt: sessions.expiresAt }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(valid).prepare('ikon_session'),
    tenant: withTenant(sql<null>`null`, 'ikon_session_tenant'),
    content: withTenant(content, 'ikon_session_content'),
  };
}

/**
 * `withContent` (PostgreSQL): the snapshot and the Kommune's change rows along (ContentState in
 * platform/public-changes.ts), so that kept pages need no query of their own. The rows start at
 * `contentFloor()`, or at this snapshot's `xmin` until the process has seen one.
 */
async function lookup(db: Db, tokenHash: string, membershipsOf: MembershipsSql, slug: string | undefined, now: Date, withContent = false) {
  let prepared = statements.get(db);
  if (!prepared) statements.set(db, (prepared = prepareLookups(db, membershipsOf)));
  if (slug === undefined) {
    const [row] = await prepared.person.execute({ tokenHash, now });
    return row ? { user: row.person, tenant: null, expiresAt: row.expiresAt } : null;
  }
  const statement = withContent ? prepared.content : prepared.tenant;
  const [row] = await statement.execute({ tokenHash, now, slug, floor: contentFloor() ?? null });
  return row ? { user: row.person, tenant: row.tenant, expiresAt: row.expiresAt, content: (row.content as Omit<ContentState, 'tenantId'> | null) ?? undefined } : null;
}

type Found = NonNullable<Awaited<ReturnType<typeof lookup>>>;
const keptLookups = new WeakMap<Database, Map<string, { writes: number; found: Found }>>();

/**
 * `sessionLookup` on the application's database. Where this process sends every write
 * (PGlite, `Database.writes`), a lookup is kept while no statement that may write has been sent
 * since it was read — a sign-out, a changed role or a disabled account is such a statement — and
 * only until the session expires: every signed-in request on PGlite cost a query (~1 ms of its
 * thread) for the same answer. A copy per request: nothing a request changes reaches another.
 */
export async function currentSession(
  database: Database,
  token: string,
  membershipsOf: MembershipsSql,
  slug: string | undefined,
  now = new Date(),
): Promise<{ user: CurrentUser; tenant: Tenant | null; content?: ContentState } | null> {
  const writes = database.writes?.();
  if (writes === undefined) return sessionLookup(database.db, token, membershipsOf, slug, now);
  let kept = keptLookups.get(database);
  if (!kept) keptLookups.set(database, (kept = new Map()));
  const tokenHash = hashToken(token);
  const key = `${tokenHash}\0${slug ?? ''}`;
  const hit = kept.get(key);
  let found = hit && hit.writes === writes && hit.found.expiresAt > now ? hit.found : null;
  if (!found) {
    found = await lookup(database.db, tokenHash, membershipsOf, slug, now);
    if (!found) return null; // a cookie without a session: not kept (anyone can send many)
    if (kept.size >= 1000) kept.clear();
    kept.set(key, { writes, found });
  }
  return structuredClone({ user: found.user, tenant: found.tenant });
}
