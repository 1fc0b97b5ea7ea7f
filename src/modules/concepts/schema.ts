import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/types.js';
import { tenants } from '../../platform/tenancy/schema.js';

export const editionStatuses = ['entwurf', 'beteiligung', 'zur_beschlussfassung', 'beschlossen', 'abgeloest'] as const;
export type EditionStatus = (typeof editionStatuses)[number];

export const goalKinds = ['leitziel', 'handlungsziel'] as const;
export type GoalKind = (typeof goalKinds)[number];

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/** A Fassung of the Integrationskonzept. At most one per Kommune is adopted (beschlossen) at a time. */
export const editions = pgTable(
  'editions',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    title: text().notNull(),
    status: text().$type<EditionStatus>().notNull().default('entwurf'),
    adoptedOn: date(),
    predecessorId: uuid(),
    introduction: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('editions_one_adopted').on(t.tenantId).where(sql`status = 'beschlossen'`),
  ],
);

const editionKey = (t: { tenantId: any; editionId: any }) =>
  foreignKey({ columns: [t.tenantId, t.editionId], foreignColumns: [editions.tenantId, editions.id] }).onDelete('cascade');

/** Leitlinien, ordered. */
export const guidelines = pgTable(
  'guidelines',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    editionId: uuid().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    text: text().notNull().default(''),
    predecessorId: uuid(),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), editionKey(t), index().on(t.tenantId, t.editionId, t.position)],
);

/** Themenfelder (Handlungsfelder), ordered; cross-cutting ones are the Querschnittsthemen. */
export const fields = pgTable(
  'fields',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    editionId: uuid().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    isCrossCutting: boolean().notNull().default(false),
    predecessorId: uuid(),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), editionKey(t), index().on(t.tenantId, t.editionId, t.position)],
);

/** Ziele: Leitziel or Handlungsziel under a Themenfeld. */
export const goals = pgTable(
  'goals',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    editionId: uuid().notNull(),
    fieldId: uuid().notNull(),
    kind: text().$type<GoalKind>().notNull(),
    number: text().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    predecessorId: uuid(),
    version: integer().notNull().default(1),
    searchVector: tsvector().generatedAlwaysAs(
      sql`to_tsvector('german', coalesce(number, '') || ' ' || title || ' ' || coalesce(description, ''))`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    editionKey(t),
    foreignKey({ columns: [t.tenantId, t.fieldId], foreignColumns: [fields.tenantId, fields.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.editionId, t.fieldId, t.position),
    index('goals_search_idx').using('gin', t.searchVector),
  ],
);
