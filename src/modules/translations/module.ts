import type { ModuleManifest } from '../../platform/module.js';
import { seedDemoTranslations } from './demo.js';
import { messages } from './messages.js';
import { translationRoutes } from './routes.js';

/**
 * Translations of the public content (issue 12.2): the Koordination's overview per language
 * (fehlt / veraltet / aktuell, editing in place), export of what is to translate as .xlsx and
 * XLIFF 2.0, import back. The kinds of content come from the other modules' manifests
 * (`translatables`); public pages read the translations through platform/translations.
 */
export const translationsModule: ModuleManifest = {
  name: 'translations',
  routes: [translationRoutes],
  messages: [messages],
  auditSubjects: [{ entityType: 'content_translation', labelKey: 'audit.entity.content_translation', path: (e) => `/uebersetzungen?sprache=${e.entityId.slice(0, 2)}` }],
  appNav: [{ section: 'translations', group: 'publication', path: '/uebersetzungen', label: 'nav.translations', coordinatorOnly: true, order: 65 }],
  demoSeed: seedDemoTranslations,
};
