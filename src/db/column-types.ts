import { customType } from 'drizzle-orm/pg-core';

/** Binary content (attachments, logos) as a Buffer. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A 64-bit transaction id (PostgreSQL's xid8), as text: compared with snapshots in SQL only. */
export const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });
