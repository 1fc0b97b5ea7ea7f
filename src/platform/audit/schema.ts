import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { xid8 } from '../../db/column-types.js';

/**
 * Every write leaves one row: who, when, what, before/after. tenant_id is null only for
 * platform-level writes (creating a Kommune, a platform admin).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    tenantId: uuid(),
    userId: uuid(),
    userName: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index().on(t.tenantId, t.entityType, t.entityId), index().on(t.tenantId, t.at)],
);

/**
 * One row per write transaction and Kommune (written with the audit entry, platform/public-changes.ts):
 * which transaction changed the Kommune's content. A page rendered from a snapshot is still current
 * while no row of its Kommune was committed outside that snapshot (`changedSince`), an exact check
 * whatever the order in which transactions commit. Rows older than an hour are pruned; the table is
 * UNLOGGED (migration 0025): nothing in it is worth a backup or a crash recovery.
 */
export const contentChanges = pgTable(
  'content_changes',
  {
    tenantId: uuid().notNull(),
    tx: xid8().notNull().default(sql`pg_current_xact_id()`),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.tenantId, t.tx)],
);
