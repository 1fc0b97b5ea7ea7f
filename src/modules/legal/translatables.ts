import { sql } from 'drizzle-orm';
import { translatable } from '../../platform/translations/sources.js';

/** The Kommune's own Pflichtseiten texts (one item per Kommune, named by the Kommune's id). */
export const legalTranslatable = translatable({
  kind: 'legal_pages',
  labelKey: 'audit.entity.legal_pages',
  order: 80,
  fields: [
    { name: 'imprint', labelKey: 'content_field.imprint', multiline: true },
    { name: 'privacy', labelKey: 'content_field.privacy', multiline: true },
    { name: 'contactName', labelKey: 'content_field.contact_name', multiline: false },
    { name: 'knownLimits', labelKey: 'content_field.known_limits', multiline: true },
  ],
  query: (tenantId) =>
    sql<{ id: string; imprint: string; privacy: string; contact_name: string; known_limits: string }>`select tenant_id as id, imprint, privacy, contact_name, known_limits from legal_pages where tenant_id = ${tenantId}`,
  item: (r) => ({ id: r.id, label: '', texts: { imprint: r.imprint, privacy: r.privacy, contactName: r.contact_name, knownLimits: r.known_limits } }),
});
