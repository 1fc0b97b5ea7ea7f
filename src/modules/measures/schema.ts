import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/types.js';
import { actors } from '../actors/schema.js';
import { editions, fields, goals } from '../concepts/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';

export const horizons = ['kurz', 'mittel', 'lang'] as const;
export type Horizon = (typeof horizons)[number];
export const priorities = ['schwerpunkt', 'quick_win', 'normal'] as const;
export type Priority = (typeof priorities)[number];
export const measureStatuses = ['geplant', 'in_umsetzung', 'umgesetzt', 'verstetigt', 'zurueckgestellt', 'entfallen'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];
/** The SDGs integration measures serve (DOMAIN.md). */
export const sdgGoals = [4, 5, 8, 10, 11, 16, 17] as const;

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/** Maßnahmen with every field of a real measure table (DOMAIN.md, "A measure"). */
export const measures = pgTable(
  'measures',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    editionId: uuid().notNull(),
    fieldId: uuid().notNull(),
    number: text().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    leadActorId: uuid(),
    horizon: text().$type<Horizon>().notNull(),
    startDate: date(),
    endDate: date(),
    priority: text().$type<Priority>().notNull().default('normal'),
    staffFte: numeric({ precision: 6, scale: 2 }),
    costEur: numeric({ precision: 14, scale: 2 }),
    fundingSource: text(),
    indicator: text(),
    targetValue: text(),
    status: text().$type<MeasureStatus>().notNull().default('geplant'),
    /** Latest reported progress in percent (0–100); null until the first Sachstandsmeldung. */
    progress: integer(),
    /** Weight in roll-ups of goal, field and edition progress (default 1). */
    weight: numeric({ precision: 6, scale: 2 }).notNull().default('1'),
    /** The measure of the previous edition this one continues (Fortschreibung lineage). */
    predecessorId: uuid(),
    sdgs: integer().array().notNull().default(sql`'{}'::integer[]`),
    /** Never leaves the internal application (see portal presenters). */
    internalNote: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    searchVector: tsvector().generatedAlwaysAs(
      sql`to_tsvector('german', number || ' ' || title || ' ' || description)`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.editionId], foreignColumns: [editions.tenantId, editions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.fieldId], foreignColumns: [fields.tenantId, fields.id] }),
    foreignKey({ columns: [t.tenantId, t.leadActorId], foreignColumns: [actors.tenantId, actors.id] }),
    uniqueIndex('measures_number_unique').on(t.tenantId, t.editionId, t.number),
    index().on(t.tenantId, t.editionId, t.fieldId, t.position),
    index('measures_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * Zielgruppen: a managed vocabulary per Kommune (issue 7.18), so filters offer one entry per
 * group instead of every spelling. Names are unique per Kommune regardless of case (stored with
 * single spaces, see target-groups/names.ts); measures link to entries (measure_target_groups).
 */
export const targetGroups = pgTable(
  'target_groups',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    description: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('target_groups_name_unique').on(t.tenantId, sql`lower(${t.name})`),
    // Similar names within one Kommune (`lower(name) % …`, btree_gist for tenant_id): the duplicate
    // suggestions probe it once per entry instead of comparing every pair (issue 9, docs/decisions.md).
    index('target_groups_name_trgm_idx').using('gist', t.tenantId, sql`lower(${t.name}) gist_trgm_ops`),
  ],
);

const measureKey = (t: { tenantId: any; measureId: any }) =>
  foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }).onDelete('cascade');

export const measureGoals = pgTable(
  'measure_goals',
  { tenantId: tenantId(), measureId: uuid().notNull(), goalId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.measureId, t.goalId] }),
    measureKey(t),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }).onDelete('cascade'),
  ],
);

export const measurePartners = pgTable(
  'measure_partners',
  { tenantId: tenantId(), measureId: uuid().notNull(), actorId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.measureId, t.actorId] }),
    measureKey(t),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }),
  ],
);

/** The Zielgruppen a measure addresses; an entry in use cannot be deleted (merge it instead). */
export const measureTargetGroups = pgTable(
  'measure_target_groups',
  { tenantId: tenantId(), measureId: uuid().notNull(), targetGroupId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.measureId, t.targetGroupId] }),
    measureKey(t),
    foreignKey({ columns: [t.tenantId, t.targetGroupId], foreignColumns: [targetGroups.tenantId, targetGroups.id] }),
    index().on(t.tenantId, t.targetGroupId),
  ],
);

/** Querschnittsthemen a measure serves: cross-cutting fields of the same edition. */
export const measureCrossCutting = pgTable(
  'measure_cross_cutting',
  { tenantId: tenantId(), measureId: uuid().notNull(), fieldId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.measureId, t.fieldId] }),
    measureKey(t),
    foreignKey({ columns: [t.tenantId, t.fieldId], foreignColumns: [fields.tenantId, fields.id] }).onDelete('cascade'),
  ],
);

/** Gemeinden (child tenants) a measure is carried out in; none = the whole county. */
export const measureMunicipalities = pgTable(
  'measure_municipalities',
  {
    tenantId: tenantId(),
    measureId: uuid().notNull(),
    municipalityId: uuid()
      .notNull()
      .references(() => tenants.id),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.measureId, t.municipalityId] }), measureKey(t)],
);

/**
 * The status vocabulary of a Kommune: for each status the progress it implies (null = keep the
 * progress reported with the update) and whether measures in it count in roll-ups ("entfallen"
 * does not). One row per Kommune and status; defaults in DEFAULT_STATUS_RULES.
 */
export const statusRules = pgTable(
  'status_rules',
  {
    tenantId: tenantId(),
    status: text().$type<MeasureStatus>().notNull(),
    impliedProgress: integer(),
    countsInRollup: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.status] })],
);

export const DEFAULT_STATUS_RULES: Record<MeasureStatus, { impliedProgress: number | null; countsInRollup: boolean }> = {
  geplant: { impliedProgress: 0, countsInRollup: true },
  in_umsetzung: { impliedProgress: null, countsInRollup: true },
  umgesetzt: { impliedProgress: 100, countsInRollup: true },
  verstetigt: { impliedProgress: 100, countsInRollup: true },
  zurueckgestellt: { impliedProgress: null, countsInRollup: true },
  entfallen: { impliedProgress: null, countsInRollup: false },
};
