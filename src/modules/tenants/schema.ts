import { boolean, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { actors } from '../actors/schema.js';

export const tenantKinds = ['landkreis', 'kreisfreie_stadt', 'region', 'samtgemeinde', 'gemeinde'] as const;
export type TenantKind = (typeof tenantKinds)[number];

export const roles = ['koordination', 'redaktion', 'partner', 'lesend'] as const;
export type Role = (typeof roles)[number];

/** A Kommune. Gemeinden are tenants too, with the Landkreis as parent (AGS hierarchy). */
export const tenants = pgTable('tenants', {
  id: uuid().primaryKey().defaultRandom(),
  ags: varchar({ length: 8 }).notNull().unique(),
  name: text().notNull(),
  kind: text().$type<TenantKind>().notNull(),
  parentId: uuid().references((): AnyPgColumn => tenants.id),
  slug: text().notNull().unique(),
  isDemo: boolean().notNull().default(false),
  /** Fortschreibung: months between editions of the concept (Wesermarsch: 24, Emsland: 12). */
  updateIntervalMonths: integer().notNull().default(24),
  /** Attention list: a measure without a Sachstandsmeldung for this many months counts as silent. */
  silentAfterMonths: integer().notNull().default(6),
  /** Send reminder e-mails about overdue and silent measures (needs SMTP). */
  remindersEnabled: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

export const memberships = pgTable(
  'memberships',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text().$type<Role>().notNull(),
    /** For Redaktion and Partner: the actor whose measures this person answers for. */
    actorId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: text().$type<Role>().notNull(),
    actorId: uuid(),
    tokenHash: text().notNull().unique(),
    invitedBy: uuid().references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }),
  ],
);
