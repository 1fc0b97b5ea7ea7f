import { customType } from 'drizzle-orm/pg-core';

/** Binary content (attachments, logos) as a Buffer. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
