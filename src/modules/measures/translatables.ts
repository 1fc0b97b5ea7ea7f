import { sql } from 'drizzle-orm';
import { translatable } from '../../platform/translations/sources.js';

/** The adopted edition's measures (what the portal shows), in the concept's order. */
export const measureTranslatable = translatable({
  kind: 'measure',
  labelKey: 'audit.entity.measure',
  order: 50,
  fields: [
    { name: 'title', labelKey: 'content_field.title', multiline: false },
    { name: 'description', labelKey: 'content_field.description', multiline: true },
  ],
  query: (tenantId) =>
    sql<{ id: string; number: string; title: string; description: string }>`select m.id, m.number, m.title, m.description from measures m
        join editions e on e.tenant_id = m.tenant_id and e.id = m.edition_id and e.status = 'beschlossen'
        join fields f on f.tenant_id = m.tenant_id and f.id = m.field_id
        where m.tenant_id = ${tenantId} order by f.position, m.position`,
  item: (r) => ({ id: r.id, label: `${r.number} ${r.title}`, texts: { title: r.title, description: r.description } }),
});
