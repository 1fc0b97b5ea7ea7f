import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenancy/schema.js';

/** How far the public site meets BITV 2.0 / WCAG, as the Erklärung zur Barrierefreiheit states it. */
export const complianceStatuses = ['full', 'partial', 'none'] as const;
export type ComplianceStatus = (typeof complianceStatuses)[number];

/**
 * A Kommune's Pflichtseiten: Impressum, Datenschutzerklärung, the contact of the
 * Koordinierungsstelle and the Erklärung zur Barrierefreiheit. One row per Kommune, written
 * by the Koordination; texts are plain text with blank lines between paragraphs.
 */
export const legalPages = pgTable('legal_pages', {
  tenantId: uuid()
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  imprint: text().notNull().default(''),
  privacy: text().notNull().default(''),
  contactName: text().notNull().default(''),
  contactAddress: text().notNull().default(''),
  contactEmail: text().notNull().default(''),
  contactPhone: text().notNull().default(''),
  complianceStatus: text().$type<ComplianceStatus>().notNull().default('partial'),
  knownLimits: text().notNull().default(''),
  statementDate: date({ mode: 'string' }),
  arbitrationUrl: text().notNull().default(''),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedByName: text().notNull().default(''),
});

/** Messages sent with the feedback form of the Erklärung zur Barrierefreiheit. */
export const accessibilityFeedback = pgTable(
  'accessibility_feedback',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text().notNull().default(''),
    email: text().notNull().default(''),
    message: text().notNull(),
    pageUrl: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.tenantId, t.createdAt)],
);
