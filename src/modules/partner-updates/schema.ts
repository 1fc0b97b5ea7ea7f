import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';

/**
 * Partnerlinks (issue 10.3): one personal link per actor, with which it reports changes to its own
 * offers and contact data without an account. Only the SHA-256 of the link's token is stored (as
 * for sessions, invitations and API-Zugänge); a new link or a reminder replaces the token.
 */
export const partnerLinks = pgTable(
  'partner_links',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    actorId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    /** The contact person the link and reminders go to (a row of actor_contacts; gone when the person is erased). */
    recipientContactId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdByName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    lastRemindedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedByName: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // One link per actor: creating it again renews that row (new token, new date).
    unique().on(t.tenantId, t.actorId),
    foreignKey({ columns: [t.tenantId, t.actorId], foreignColumns: [actors.tenantId, actors.id] }).onDelete('cascade'),
  ],
);

/** What a partner can report: changes to an offer or a contact person, a new one of either, or the actor's own address and website. */
export const submissionKinds = ['offer_update', 'offer_new', 'contact_update', 'contact_new', 'actor_update'] as const;
export type SubmissionKind = (typeof submissionKinds)[number];

/** `geloescht`: the report named a contact person who was erased (DSGVO Art. 17); what it said went with her. */
export const submissionStatuses = ['offen', 'uebernommen', 'teilweise', 'abgelehnt', 'geloescht'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** One reported field: what was stored when the partner opened the form, what the partner wants. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * Rückmeldungen: what a partner sent through its link, waiting for the Koordination's review. Nothing
 * is written to offers, actors or contacts before a person accepts it (then through their own
 * services, with validation and audit). `submissionKey` comes from the form: the same form sent
 * twice is one submission.
 */
export const partnerSubmissions = pgTable(
  'partner_submissions',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    linkId: uuid().notNull(),
    actorId: uuid().notNull(),
    kind: text().$type<SubmissionKind>().notNull(),
    /** The offer or contact person changed (null for new ones and for the actor's own data). */
    targetId: uuid(),
    /** The reported fields (only those that differ from what was stored; none = "still correct"). */
    changes: jsonb().$type<Record<string, FieldChange>>().notNull(),
    /** A note of the partner to the Koordination. */
    message: text().notNull().default(''),
    submissionKey: text().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: text().$type<SubmissionStatus>().notNull().default('offen'),
    /** The fields the Koordination took over. */
    acceptedFields: text().array().notNull().default([]),
    reviewNote: text().notNull().default(''),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedByName: text(),
    /** The offer or contact person created when a new one was accepted. */
    createdId: uuid(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique().on(t.tenantId, t.linkId, t.submissionKey),
    foreignKey({ columns: [t.tenantId, t.linkId], foreignColumns: [partnerLinks.tenantId, partnerLinks.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.status),
    index().on(t.tenantId, t.actorId),
  ],
);
