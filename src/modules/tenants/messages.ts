import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

export const messages: ModuleMessages = {
  de: {},
  en: {},
};
