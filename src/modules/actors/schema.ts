import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenancy/schema.js';

/**
 * Kinds of actors, in the order the forms group them. Migration 0016 renamed 'ehrenamt' to
 * 'initiative' (volunteer groups are initiatives) and added 'verein'; 'sport' stays for sports clubs and federations.
 */
export const actorKinds = [
  'verwaltung', 'jobcenter', 'schule', 'kita', 'wohlfahrtsverband', 'migrantenorganisation', 'verein', 'sport',
  'kammer', 'arbeitgeber', 'initiative', 'beratung', 'bildungstraeger', 'gesundheit', 'sonstige',
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
    /** The organisation's postal address (several lines); organisational, not personal data. */
    address: text().notNull().default(''),
    website: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index().on(t.tenantId, t.name)],
);

/** What a contact person agreed to: nothing recorded, internal use (contacting, network work), or publication. */
export const consentScopes = ['keine', 'intern', 'veroeffentlichung'] as const;
export type ConsentScope = (typeof consentScopes)[number];

/** Stated only where the person agreed to it (issue 10: "female contact person available"). */
export const contactGenders = ['weiblich', 'maennlich', 'divers'] as const;
export type ContactGender = (typeof contactGenders)[number];

/**
 * Ansprechpersonen of an actor: personal data. Internal unless the consent's scope is
 * 'veroeffentlichung'; erasing one (DSGVO Art. 17) deletes the row and scrubs its audit entries.
 */
export const actorContacts = pgTable(
  'actor_contacts',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    actorId: uuid().notNull(),
    name: text().notNull(),
    /** Funktion, e.g. "Integrationslotsin". */
    role: text().notNull().default(''),
    /** Zuständigkeit, e.g. "Sprachkurse, Anerkennung". */
    responsibility: text().notNull().default(''),
    email: text().notNull().default(''),
    phone: text().notNull().default(''),
    /** ISO 639-1 codes of the languages the person speaks. */
    languages: text().array().notNull().default([]),
    gender: text().$type<ContactGender>(),
    consentScope: text().$type<ConsentScope>().notNull().default('keine'),
    consentDate: date({ mode: 'string' }),
    /** Where the consent comes from: "Formular vom …", "E-Mail", "mündlich im Gespräch". */
    consentSource: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }),
    index().on(t.tenantId, t.actorId),
  ],
);
