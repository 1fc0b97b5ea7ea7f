import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
