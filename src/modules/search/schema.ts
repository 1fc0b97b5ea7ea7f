import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenancy/schema.js';

/**
 * The vocabulary of a Kommune's goals and measures (one row per word), kept by database
 * triggers (migration 0004). Typo tolerance searches these few thousand words by trigram
 * similarity instead of every title: the cost follows the vocabulary, not the number of measures.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    term: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.term] }), index('search_terms_trgm_idx').using('gin', t.term.op('gin_trgm_ops'))],
);
