import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** Measure statuses as the public pages name them (portal, progress page), German and English. */
export const publicMessages: ModuleMessages = {
  de: {
    'portal.status.geplant': 'geplant',
    'portal.status.in_umsetzung': 'in Umsetzung',
    'portal.status.umgesetzt': 'umgesetzt',
    'portal.status.verstetigt': 'verstetigt',
    'portal.status.zurueckgestellt': 'zurückgestellt',
    'portal.status.entfallen': 'entfallen',
  },
  en: {
    'portal.status.geplant': 'planned',
    'portal.status.in_umsetzung': 'in progress',
    'portal.status.umgesetzt': 'implemented',
    'portal.status.verstetigt': 'made permanent',
    'portal.status.zurueckgestellt': 'postponed',
    'portal.status.entfallen': 'dropped',
  },
};
