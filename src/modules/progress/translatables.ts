import { sql } from 'drizzle-orm';
import { germanDate } from '../../platform/i18n/german.js';
import { translatable } from '../../platform/translations/sources.js';

/** Public Sachstände (with a text) of the adopted edition's measures, newest first per measure. */
export const updateTranslatable = translatable({
  kind: 'measure_update',
  labelKey: 'audit.entity.measure_update',
  order: 60,
  fields: [{ name: 'text', labelKey: 'content_field.text', multiline: true }],
  query: (tenantId) =>
    sql<{ id: string; number: string; reported_on: string; text: string }>`select u.id, m.number, u.reported_on::text as reported_on, u.text from measure_updates u
        join measures m on m.tenant_id = u.tenant_id and m.id = u.measure_id
        join editions e on e.tenant_id = m.tenant_id and e.id = m.edition_id and e.status = 'beschlossen'
        join fields f on f.tenant_id = m.tenant_id and f.id = m.field_id
        where u.tenant_id = ${tenantId} and u.is_public and u.text <> ''
        order by f.position, m.position, u.reported_on desc, u.created_at desc`,
  item: (r) => ({ id: r.id, label: `${r.number}, ${germanDate(r.reported_on)}`, texts: { text: r.text } }),
});
