import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/tenancy/schema.js';
import { offers } from '../offers/schema.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/**
 * "Kein Duplikat": a person looked at two offers and said they are two. Stored once per pair
 * (the smaller id first), so the pair no longer shows up in the Doppelstrukturen report nor
 * in the check before saving. Deleting the row undoes the decision (both audited).
 */
export const offerPairDecisions = pgTable(
  'offer_pair_decisions',
  {
    tenantId: tenantId(),
    offerA: uuid().notNull(),
    offerB: uuid().notNull(),
    /** What the person noted, e.g. "zwei Gruppen, vormittags und abends". */
    note: text().notNull().default(''),
    decidedBy: text().notNull(),
    decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.offerA, t.offerB] }),
    foreignKey({ columns: [t.tenantId, t.offerA], foreignColumns: [offers.tenantId, offers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.offerB], foreignColumns: [offers.tenantId, offers.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.offerB),
    check('offer_pair_decisions_ordered', sql`${t.offerA} < ${t.offerB}`),
  ],
);

/**
 * A Gemeinde's population as the Koordination entered it (with the date it refers to and where
 * it comes from), for offers per 1,000 inhabitants in the gap matrix. One current figure per
 * Gemeinde; earlier figures stay in the audit log.
 */
export const municipalityPopulations = pgTable(
  'municipality_populations',
  {
    tenantId: tenantId(),
    municipalityId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    population: integer().notNull(),
    referenceDate: date().notNull(),
    source: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.municipalityId] }), check('municipality_populations_positive', sql`${t.population} > 0`)],
);

/**
 * The words of each offer's title and description (lower case, four or more letters, split as the
 * search vocabulary is; no stemmer, whose stems differ between PostgreSQL versions and would break
 * a backup restored into the other database kind), kept by triggers on `offers` (migrations
 * 0023, 0024): the
 * duplicate check of one offer reads the offers sharing its rarer words through this index, a
 * bounded number of rows however many offers the Kommune has. Not written by application code.
 */
export const offerTerms = pgTable(
  'offer_terms',
  {
    tenantId: tenantId(),
    term: text().notNull(),
    offerId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.term, t.offerId] }),
    foreignKey({ columns: [t.tenantId, t.offerId], foreignColumns: [offers.tenantId, offers.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.offerId),
  ],
);
