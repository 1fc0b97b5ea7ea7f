import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ApiScope } from '../../platform/auth/api-tokens.js';
import { users } from '../../platform/auth/schema.js';
import { tenants, type Role } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';

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
    /** Role changes count up: removing a member is based on the role the remover saw. */
    version: integer().notNull().default(1),
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

/**
 * API-Zugänge: tokens of machine clients (e.g. a department's own system), created and revoked by
 * the Koordination. A token acts like a member with `role` (and `actorId` for Redaktion and
 * Partner) but writes only what `scopes` allow; only the SHA-256 of the secret is stored.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    /** What the token is for, e.g. "Fachverfahren Jobcenter"; unique in the Kommune, named in the Protokoll. */
    name: text().notNull(),
    role: text().$type<Role>().notNull(),
    actorId: uuid(),
    scopes: text().array().$type<ApiScope[]>().notNull().default([]),
    tokenHash: text().notNull().unique(),
    /** The first characters of the secret ("ikon_Ab3dE9…"), to tell tokens apart in the list. */
    hint: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdByName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedByName: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique().on(t.tenantId, t.name),
    index().on(t.tenantId, t.createdAt),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }),
  ],
);
