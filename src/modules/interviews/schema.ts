import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/types.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { measures } from '../measures/schema.js';

/**
 * Gespräche der Bestandsaufnahme (as in Peine's inventory: interviews with the actors of every
 * Gemeinde): when, who, which themes, what was found, where conflicts may lie. Internal notes.
 */
export const interviews = pgTable(
  'interviews',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    /** The Gemeinde (a child tenant) the interview was about; null = the whole county. */
    municipalityId: uuid().references(() => tenants.id),
    heldOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    /** The people present, as the notes name them (roles rather than private details). */
    participants: text().notNull().default(''),
    themes: text().notNull().default(''),
    findings: text().notNull(),
    conflictPotential: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    searchVector: tsvector().generatedAlwaysAs(
      sql`to_tsvector('german', title || ' ' || themes || ' ' || findings || ' ' || conflict_potential || ' ' || participants)`,
    ),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index().on(t.tenantId, t.heldOn), index('interviews_search_idx').using('gin', t.searchVector)],
);

/** The actors that took part in an interview. */
export const interviewActors = pgTable(
  'interview_actors',
  {
    tenantId: uuid().notNull(),
    interviewId: uuid().notNull(),
    actorId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.interviewId, t.actorId] }),
    foreignKey({ columns: [t.tenantId, t.interviewId], foreignColumns: [interviews.tenantId, interviews.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }),
  ],
);

/** Measures an interview's findings lead to or concern (gone with the measure: the notes stay). */
export const interviewMeasures = pgTable(
  'interview_measures',
  {
    tenantId: uuid().notNull(),
    interviewId: uuid().notNull(),
    measureId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.interviewId, t.measureId] }),
    foreignKey({ columns: [t.tenantId, t.interviewId], foreignColumns: [interviews.tenantId, interviews.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }).onDelete('cascade'),
  ],
);
