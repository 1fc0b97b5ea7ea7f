import { and, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { insertAsJson } from '../../db/bulk.js';
import type { CurrentUser } from '../auth/current-user.js';
import { announcePublicChange } from '../public-changes.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  tenantId: string | null;
  action: 'create' | 'update' | 'delete' | 'move' | 'import' | 'transition' | 'sign_in' | 'invite' | 'accept' | 'password_reset_requested' | 'password_reset_link_created' | 'password_reset' | 'merge' | 'revoke' | 'reject' | 'erase' | 'remind' | 'review' | 'open';
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The change shows on no public page (a draft edition's measures): public caches are kept (announcePublicChange). */
  internalOnly?: true;
}

/**
 * Call inside the command's transaction, so the entry exists exactly when the change does. A
 * write in a Kommune also announces that its public pages may have changed: every instance drops
 * them from its cache when the transaction commits (platform/public-changes.ts).
 */
export async function recordAudit(db: Db, user: CurrentUser, entry: AuditEntry): Promise<void> {
  if (entry.tenantId && entry.action !== 'sign_in') await announcePublicChange(db, entry.tenantId, { publicPages: !entry.internalOnly });
  await db.insert(auditLog).values(auditRow(user, entry));
}

const auditRow = (user: CurrentUser, entry: AuditEntry) => ({
  tenantId: entry.tenantId,
  userId: user.id,
  userName: user.name,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  before: entry.before === undefined ? null : jsonSafe(entry.before),
  after: entry.after === undefined ? null : jsonSafe(entry.after),
});

/**
 * Many entries at once (bulk imports: one entry per changed object, as a single change would
 * write), inside the command's transaction like recordAudit. One JSON parameter per statement
 * (insertAsJson): the entries' before/after images were the biggest part of an import's
 * statements on the request thread.
 */
export async function recordAudits(db: Db, user: CurrentUser, entries: readonly AuditEntry[], batchSize = 500): Promise<void> {
  const announced = entries.filter((e) => e.tenantId && e.action !== 'sign_in');
  for (const tenantId of new Set(announced.map((e) => e.tenantId!))) {
    await announcePublicChange(db, tenantId, { publicPages: announced.some((e) => e.tenantId === tenantId && !e.internalOnly) });
  }
  for (let i = 0; i < entries.length; i += batchSize) {
    const rows = entries.slice(i, i + batchSize).map((entry) => ({
      tenantId: entry.tenantId,
      userId: user.id,
      userName: user.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }));
    await insertAsJson(db, auditLog, rows, withoutSearchColumns);
  }
}

/** Generated search columns are left out: the log keeps what users typed. */
const withoutSearchColumns = (key: string, v: unknown) => (key === 'searchVector' ? undefined : v);

/** Dates become ISO strings, generated search columns are dropped (withoutSearchColumns). */
function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, withoutSearchColumns));
}

export async function historyOf(db: Db, tenantId: string, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}

/** What the Protokoll can be narrowed to; every part optional. */
export interface AuditFilter {
  userId?: string | undefined;
  entityTypes?: readonly string[] | undefined;
  entityId?: string | undefined;
  /** Inclusive, as instants (the caller turns calendar days into them). */
  from?: Date | undefined;
  until?: Date | undefined;
}

/** The newest entries of a Kommune that match the filter. */
export async function recentAudit(db: Db, tenantId: string, limit = 100, offset = 0, filter: AuditFilter = {}) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
        filter.entityTypes ? inArray(auditLog.entityType, [...filter.entityTypes]) : undefined,
        filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
        filter.from ? gte(auditLog.at, filter.from) : undefined,
        filter.until ? lt(auditLog.at, filter.until) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

/** The people who wrote in this Kommune, for the Protokoll's person filter. */
export async function auditAuthors(db: Db, tenantId: string): Promise<{ userId: string; userName: string }[]> {
  const rows = await db
    .selectDistinct({ userId: auditLog.userId, userName: auditLog.userName })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), isNotNull(auditLog.userId)));
  const byId = new Map(rows.map((r) => [r.userId!, r.userName ?? '–']));
  return [...byId].map(([userId, userName]) => ({ userId, userName })).sort((a, b) => a.userName.localeCompare(b.userName, 'de'));
}

/**
 * Erasure of personal data (DSGVO Art. 17) without breaking history: every entry about the object
 * stays (who changed it when, which action), but its logged values shrink to the fields in `keep`
 * plus `erased: true`. Returns how many entries were scrubbed. Call inside the erasing command's
 * transaction, before it records its own entry.
 */
export async function scrubAuditValues(db: Db, tenantId: string, entityType: string, entityId: string, keep: readonly string[]): Promise<number> {
  const wanted = keep.length ? sql`key in (${sql.join(keep.map((k) => sql`${k}`), sql`, `)})` : sql`false`;
  const kept = (column: typeof auditLog.before | typeof auditLog.after) =>
    sql`case when ${column} is null then null when jsonb_typeof(${column}) <> 'object' then '{"erased": true}'::jsonb
      else jsonb_build_object('erased', true) || coalesce((select jsonb_object_agg(key, value) from jsonb_each(${column}) where ${wanted}), '{}'::jsonb) end`;
  const rows = await db
    .update(auditLog)
    .set({ before: kept(auditLog.before), after: kept(auditLog.after) })
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .returning({ id: auditLog.id });
  return rows.length;
}
