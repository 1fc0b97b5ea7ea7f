import { sql } from 'drizzle-orm';
import { translatable } from '../../platform/translations/sources.js';

/** The adopted edition's public indicators. */
export const indicatorTranslatable = translatable({
  kind: 'indicator',
  labelKey: 'audit.entity.indicator',
  order: 70,
  fields: [
    { name: 'name', labelKey: 'content_field.name', multiline: false },
    { name: 'definition', labelKey: 'content_field.definition', multiline: true },
  ],
  query: (tenantId) =>
    sql<{ id: string; name: string; definition: string }>`select i.id, i.name, i.definition from indicators i
        join editions e on e.tenant_id = i.tenant_id and e.id = i.edition_id and e.status = 'beschlossen'
        where i.tenant_id = ${tenantId} and i.is_public order by i.position, i.name`,
  item: (r) => ({ id: r.id, label: r.name, texts: { name: r.name, definition: r.definition } }),
});
