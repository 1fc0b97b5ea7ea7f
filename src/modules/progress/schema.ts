import { boolean, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { editions, goals } from '../concepts/schema.js';
import { measures, measureStatuses, type MeasureStatus } from '../measures/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { bytea } from '../../db/column-types.js';


const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export { measureStatuses };

export const reviewStates = ['pending', 'approved', 'declined'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** A Sachstandsmeldung: what happened in a measure, with status and progress at that date. */
export const measureUpdates = pgTable(
  'measure_updates',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    measureId: uuid().notNull(),
    reportedOn: date().notNull(),
    status: text().$type<MeasureStatus>().notNull(),
    progress: integer().notNull(),
    text: text().notNull().default(''),
    /** Only public updates appear on the portal; internal ones stay in the app. */
    isPublic: boolean().notNull().default(false),
    /**
     * Review of a partner's report meant for the public: 'pending' (isPublic stays false until
     * approved), 'approved' (now public) or 'declined' (stays internal); null when none was needed.
     */
    review: text().$type<ReviewState>(),
    /**
     * Whether the author meant the text for the public. A partner's internal report that changes
     * status or progress (which are public) waits for review too; approved, its text stays internal.
     */
    publishRequested: boolean().notNull().default(true),
    reviewNote: text(),
    reviewedByName: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    authorName: text().notNull(),
    attachmentName: text(),
    attachmentType: text(),
    attachment: bytea(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.measureId, t.reportedOn),
  ],
);

export const indicatorKinds = ['kontext', 'output', 'wirkung'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorDirections = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

/** An indicator of a goal or a measure (exactly one of the two), with baseline and target. */
export const indicators = pgTable(
  'indicators',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    editionId: uuid().notNull(),
    goalId: uuid(),
    measureId: uuid(),
    name: text().notNull(),
    definition: text().notNull().default(''),
    unit: text().notNull().default(''),
    source: text().notNull().default(''),
    kind: text().$type<IndicatorKind>().notNull(),
    baselineValue: numeric({ precision: 16, scale: 4 }),
    baselineDate: date(),
    targetValue: numeric({ precision: 16, scale: 4 }),
    targetYear: integer(),
    direction: text().$type<IndicatorDirection>().notNull().default('higher'),
    isPublic: boolean().notNull().default(true),
    predecessorId: uuid(),
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.editionId], foreignColumns: [editions.tenantId, editions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.editionId),
  ],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    indicatorId: uuid().notNull(),
    measuredOn: date().notNull(),
    value: numeric({ precision: 16, scale: 4 }).notNull(),
    note: text().notNull().default(''),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [indicators.tenantId, indicators.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.indicatorId, t.measuredOn),
  ],
);
