import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenancy/schema.js';

export const actorKinds = [
  'verwaltung', 'jobcenter', 'schule', 'kita', 'wohlfahrtsverband', 'migrantenorganisation', 'sport',
  'kammer', 'arbeitgeber', 'ehrenamt', 'beratung', 'bildungstraeger', 'gesundheit', 'sonstige',
] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Akteure: departments, associations, MSO … that lead or partner in measures. */
export const actors = pgTable(
  'actors',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    kind: text().$type<ActorKind>().notNull(),
    /** The Gemeinde (a child tenant) where the actor sits; null = county-wide. */
    municipalityId: uuid().references(() => tenants.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index().on(t.tenantId, t.name)],
);
