import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { TranslatableSource } from '../../platform/translations/sources.js';

/** The adopted edition's public indicators. */
export const indicatorTranslatable: TranslatableSource = {
  kind: 'indicator',
  labelKey: 'audit.entity.indicator',
  order: 70,
  fields: [
    { name: 'name', labelKey: 'content_field.name', multiline: false },
    { name: 'definition', labelKey: 'content_field.definition', multiline: true },
  ],
  items: async (db, tenantId) =>
    (
      await queryRows<{ id: string; name: string; definition: string }>(
        db,
        sql`select i.id, i.name, i.definition from indicators i
            join editions e on e.tenant_id = i.tenant_id and e.id = i.edition_id and e.status = 'beschlossen'
            where i.tenant_id = ${tenantId} and i.is_public order by i.position, i.name`,
      )
    ).map((r) => ({ id: r.id, label: r.name, texts: { name: r.name, definition: r.definition } })),
};
