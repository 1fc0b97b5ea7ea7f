import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL's tsvector, used for generated full-text columns. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
