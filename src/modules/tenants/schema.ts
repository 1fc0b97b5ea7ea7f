import { foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
