import { boolean, integer, pgTable, text, timestamp, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/column-types.js';

export const tenantKinds = ['landkreis', 'kreisfreie_stadt', 'region', 'samtgemeinde', 'gemeinde'] as const;
export type TenantKind = (typeof tenantKinds)[number];

/** What a member may do in a Kommune; the policies of every module decide by these. */
export const roles = ['koordination', 'redaktion', 'partner', 'lesend'] as const;
export type Role = (typeof roles)[number];

/** A Kommune. Gemeinden are tenants too, with the Landkreis as parent (AGS hierarchy). */
export const tenants = pgTable('tenants', {
  id: uuid().primaryKey().defaultRandom(),
  ags: varchar({ length: 8 }).notNull().unique(),
  name: text().notNull(),
  kind: text().$type<TenantKind>().notNull(),
  parentId: uuid().references((): AnyPgColumn => tenants.id),
  slug: text().notNull().unique(),
  isDemo: boolean().notNull().default(false),
  /** Fortschreibung: months between editions of the concept (Wesermarsch: 24, Emsland: 12). */
  updateIntervalMonths: integer().notNull().default(24),
  /** Attention list: a measure without a Sachstandsmeldung for this many months counts as silent. */
  silentAfterMonths: integer().notNull().default(6),
  /** Send reminder e-mails about overdue and silent measures (needs SMTP). */
  remindersEnabled: boolean().notNull().default(false),
  /** Sachstandsmeldungen that partners mark public wait for the Koordination's review before the portal shows them. */
  reviewPartnerReports: boolean().notNull().default(true),
  /** The Kommune's colour on its public site (#rrggbb, contrast ≥ 4.5:1 on white); null = ikon's blue. */
  brandColor: text(),
  /** Counts the logos uploaded (it busts browser caches); null = no logo. The image is in tenant_logos. */
  logoVersion: integer(),
  /** Public pages: an outdated translation is shown with a notice (true) or the German text instead (false). */
  showOutdatedTranslations: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

/** The logo of a Kommune's public site (PNG or JPEG), apart from `tenants` so that loading a Kommune never loads the image. */
export const tenantLogos = pgTable('tenant_logos', {
  tenantId: uuid()
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  contentType: text().notNull(),
  bytes: bytea().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
