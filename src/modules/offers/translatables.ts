import { sql } from 'drizzle-orm';
import { translatable } from '../../platform/translations/sources.js';

/** The offers the directory shows (published, not ended): their title and description. */
export const offerTranslatable = translatable({
  kind: 'offer',
  labelKey: 'audit.entity.offer',
  order: 75,
  fields: [
    { name: 'title', labelKey: 'content_field.title', multiline: false },
    { name: 'description', labelKey: 'content_field.description', multiline: true },
  ],
  query: (tenantId) => sql<{ id: string; title: string; description: string }>`select id, title, description from offers where tenant_id = ${tenantId} and published and status <> 'beendet' order by title, id`,
  item: (r) => ({ id: r.id, label: r.title, texts: { title: r.title, description: r.description } }),
});
