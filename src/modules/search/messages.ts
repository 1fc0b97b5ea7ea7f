import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** Internal search page (German only; the portal has its own texts). */
export const messages: ModuleMessages = {
  internalOnly: true,
  de: {
    'search.title': 'Suche',
    'search.query': 'Suchbegriff',
    'search.submit': 'Suchen',
    'search.results': '{count} Treffer für „{q}“',
  },
  en: {},
};
