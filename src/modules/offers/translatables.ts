import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { TranslatableSource } from '../../platform/translations/sources.js';

/** The offers the directory shows (published, not ended): their title and description. */
export const offerTranslatable: TranslatableSource = {
  kind: 'offer',
  labelKey: 'audit.entity.offer',
  order: 75,
  fields: [
    { name: 'title', labelKey: 'content_field.title', multiline: false },
    { name: 'description', labelKey: 'content_field.description', multiline: true },
  ],
  items: async (db, tenantId) =>
    (
      await queryRows<{ id: string; title: string; description: string }>(
        db,
        sql`select id, title, description from offers where tenant_id = ${tenantId} and published and status <> 'beendet' order by title, id`,
      )
    ).map((r) => ({ id: r.id, label: r.title, texts: { title: r.title, description: r.description } })),
};
