import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/types.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { fields } from '../concepts/schema.js';
import { measures, targetGroups } from '../measures/schema.js';

/** Kinds of offers (Angebote), as the Bavarian Integrationslandkarte and Integreat group them. */
export const offerCategories = [
  'sprachkurs', 'beratung', 'treff', 'patenschaft', 'arbeit', 'bildung', 'gesundheit', 'freizeit',
  'kinderbetreuung', 'wohnen', 'recht', 'sonstige',
] as const;
export type OfferCategory = (typeof offerCategories)[number];

export const offerStatuses = ['aktiv', 'pausiert', 'beendet'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** Barrier-free access: a place can also simply be unknown (Integreat's three values). */
export const barrierFreeValues = ['ja', 'nein', 'unbekannt'] as const;
export type BarrierFree = (typeof barrierFreeValues)[number];

/** How an offer's times are given; the details live in `schedule` (see schedule.ts). */
export const scheduleKinds = ['termine', 'wiederkehrend', 'oeffnungszeiten', 'nach_vereinbarung'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];

/** One date of a one-off offer (local time in Germany, "HH:MM"). */
export interface OfferDate {
  date: string;
  start: string;
  end: string;
}
/** One weekly opening slot; weekday 1 = Monday … 7 = Sunday (ISO 8601). */
export interface OpeningSlot {
  weekday: number;
  opens: string;
  closes: string;
}
/**
 * When an offer takes place. Times are wall-clock times in Europe/Berlin; a recurrence is an
 * RFC 5545 RRULE (without DTSTART) from `firstDate` at `start`, minus the `exceptions` dates.
 */
export type Schedule =
  | { kind: 'termine'; dates: OfferDate[] }
  | { kind: 'wiederkehrend'; rrule: string; firstDate: string; start: string; end: string; exceptions: string[] }
  | { kind: 'oeffnungszeiten'; slots: OpeningSlot[] }
  | { kind: 'nach_vereinbarung' };

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/** Angebote: what actors offer Zugewanderte in the county (issue 10, part 2). */
export const offers = pgTable(
  'offers',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    title: text().notNull(),
    description: text().notNull().default(''),
    category: text().$type<OfferCategory>().notNull(),
    /** The Gemeinde (a child tenant) where it takes place; null = county-wide or online. */
    municipalityId: uuid().references(() => tenants.id),
    street: text().notNull().default(''),
    postalCode: text().notNull().default(''),
    city: text().notNull().default(''),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    schedule: jsonb().$type<Schedule>().notNull(),
    /** ISO weekdays (1 = Monday) the offer takes place on, derived from `schedule` for the weekday filter. */
    weekdays: integer().array().notNull().default(sql`'{}'::integer[]`),
    /** "vorübergehend geschlossen": closed now; `reopensOn` (optional) is the first day open again. */
    temporarilyClosed: boolean().notNull().default(false),
    reopensOn: date(),
    /** ISO 639 codes of the languages spoken there ("de", "ar", "prs"). */
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    femaleContact: boolean().notNull().default(false),
    maleContact: boolean().notNull().default(false),
    childcare: boolean().notNull().default(false),
    barrierFree: text().$type<BarrierFree>().notNull().default('unbekannt'),
    free: boolean().notNull().default(true),
    /** What it costs when it is not free ("5 € pro Termin, ermäßigt 2 €"). */
    costNote: text().notNull().default(''),
    registrationRequired: boolean().notNull().default(false),
    website: text().notNull().default(''),
    status: text().$type<OfferStatus>().notNull().default('aktiv'),
    /** When someone last confirmed the entry is still right; flagged after 12 months. */
    verifiedOn: date(),
    published: boolean().notNull().default(false),
    /** Never leaves the internal application. */
    internalNote: text().notNull().default(''),
    /**
     * Set when this offer was merged into another (a duplicate): the row stays for its history,
     * drops out of lists and counts, and its public address redirects to the survivor. No foreign
     * key: deleting the survivor later must not need the merged rows changed (they stay merged).
     */
    mergedIntoId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('german', title || ' ' || description)`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index().on(t.tenantId, t.category),
    index().on(t.tenantId, t.municipalityId),
    index('offers_search_idx').using('gin', t.searchVector),
    // Nearest titles within one category and Gemeinde (`title <-> …`, btree_gist for the first three): the duplicate
    // check of one offer reads its cell's nearest titles without visiting the other cells (docs/decisions.md).
    index('offers_cell_title_trgm_idx').using('gist', t.tenantId, t.category, t.municipalityId, t.title.op('gist_trgm_ops')),
  ],
);

const offerKey = (t: { tenantId: any; offerId: any }) =>
  foreignKey({ columns: [t.tenantId, t.offerId], foreignColumns: [offers.tenantId, offers.id] }).onDelete('cascade');

/** Who runs an offer (one or more actors). An actor with offers cannot be deleted (usage check). */
export const offerProviders = pgTable(
  'offer_providers',
  { tenantId: tenantId(), offerId: uuid().notNull(), actorId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.offerId, t.actorId] }),
    offerKey(t),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }),
    index().on(t.tenantId, t.actorId),
  ],
);

/** Zielgruppen of an offer, from the Kommune's managed vocabulary (shared with measures). */
export const offerTargetGroups = pgTable(
  'offer_target_groups',
  { tenantId: tenantId(), offerId: uuid().notNull(), targetGroupId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.offerId, t.targetGroupId] }),
    offerKey(t),
    foreignKey({ columns: [t.tenantId, t.targetGroupId], foreignColumns: [targetGroups.tenantId, targetGroups.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.targetGroupId),
  ],
);

/** Themenfelder of the concept an offer belongs to. */
export const offerFields = pgTable(
  'offer_fields',
  { tenantId: tenantId(), offerId: uuid().notNull(), fieldId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.offerId, t.fieldId] }),
    offerKey(t),
    foreignKey({ columns: [t.tenantId, t.fieldId], foreignColumns: [fields.tenantId, fields.id] }).onDelete('cascade'),
  ],
);

/** Measures of the concept an offer implements. */
export const offerMeasures = pgTable(
  'offer_measures',
  { tenantId: tenantId(), offerId: uuid().notNull(), measureId: uuid().notNull() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.offerId, t.measureId] }),
    offerKey(t),
    foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.measureId),
  ],
);
