import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CurrentUser } from '../auth/current-user.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  tenantId: string | null;
  action: 'create' | 'update' | 'delete' | 'move' | 'import' | 'transition' | 'sign_in' | 'invite' | 'accept';
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Call inside the command's transaction, so the entry exists exactly when the change does. */
export async function recordAudit(db: Db, user: CurrentUser, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: entry.tenantId,
    userId: user.id,
    userName: user.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : jsonSafe(entry.before),
    after: entry.after === undefined ? null : jsonSafe(entry.after),
  });
}

/** Dates become ISO strings, generated search columns are dropped: the log keeps what users typed. */
function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'searchVector' ? undefined : v)));
}

export async function historyOf(db: Db, tenantId: string, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}

/** The newest entries of a Kommune; `entityTypes` narrows them to what the reader may see. */
export async function recentAudit(db: Db, tenantId: string, limit = 100, offset = 0, entityTypes?: readonly string[]) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), entityTypes ? inArray(auditLog.entityType, [...entityTypes]) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}
