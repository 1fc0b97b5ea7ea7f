import type { TranslatableSource } from '../../platform/translations/sources.js';
import { legalPagesOf } from './service.js';

/** The Kommune's own Pflichtseiten texts (one item per Kommune, named by the Kommune's id). */
export const legalTranslatable: TranslatableSource = {
  kind: 'legal_pages',
  labelKey: 'audit.entity.legal_pages',
  order: 80,
  fields: [
    { name: 'imprint', labelKey: 'content_field.imprint', multiline: true },
    { name: 'privacy', labelKey: 'content_field.privacy', multiline: true },
    { name: 'contactName', labelKey: 'content_field.contact_name', multiline: false },
    { name: 'knownLimits', labelKey: 'content_field.known_limits', multiline: true },
  ],
  items: async (db, tenantId) => {
    const pages = await legalPagesOf(db, tenantId);
    if (!pages) return [];
    return [{ id: tenantId, label: '', texts: { imprint: pages.imprint, privacy: pages.privacy, contactName: pages.contactName, knownLimits: pages.knownLimits } }];
  },
};
