import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../tenancy/schema.js';

/**
 * Translations of the Kommune's public content (issue 12.2): one row per translated field of an
 * item (`kind` names the item's kind as its module registers it, e.g. `measure`; `field` the text,
 * e.g. `title`) and language. `sourceHash` is the fingerprint of the German text the translation
 * was made from: when the German text changes, the hashes differ and the translation is outdated.
 */
export const contentTranslations = pgTable(
  'content_translations',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    itemId: uuid().notNull(),
    field: text().notNull(),
    lang: text().notNull(),
    text: text().notNull(),
    sourceHash: text().notNull(),
    /** The German text as it was translated, so the overview can show what changed since. */
    sourceText: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedByName: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.lang, t.kind, t.itemId, t.field] }), index().on(t.tenantId, t.kind, t.itemId)],
);
