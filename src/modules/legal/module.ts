import type { ModuleManifest } from '../../platform/module.js';
import { internalMessages, messages } from './messages.js';
import { legalRoutes } from './routes.js';
import { feedbackCountSql } from './service.js';
import { seedLegalPages } from './seed.js';
import { legalTranslatable } from './translatables.js';

/** Pflichtseiten of each Kommune: Impressum, Datenschutz, Erklärung zur Barrierefreiheit with its feedback form, Kontakt. */
export const legalModule: ModuleManifest = {
  name: 'legal',
  translatables: [legalTranslatable],
  routes: [legalRoutes],
  messages: [messages, internalMessages],
  auditSubjects: [
    { entityType: 'legal_pages', labelKey: 'audit.entity.legal_pages', path: () => '/einstellungen/pflichtseiten' },
    { entityType: 'accessibility_feedback', labelKey: 'audit.entity.accessibility_feedback', path: () => '/rueckmeldungen' },
  ],
  appNav: [
    { section: 'legal', group: 'publication', path: '/einstellungen/pflichtseiten', label: 'nav.legal', coordinatorOnly: true, order: 66 },
    { section: 'feedback', group: 'publication', path: '/rueckmeldungen', label: 'nav.feedback', coordinatorOnly: true, order: 67, count: feedbackCountSql },
  ],
  publicFooter: [
    { section: 'imprint', path: '/impressum', label: 'legal.nav.imprint', order: 10 },
    { section: 'privacy', path: '/datenschutz', label: 'legal.nav.privacy', order: 20 },
    { section: 'accessibility', path: '/barrierefreiheit', label: 'legal.nav.accessibility', order: 30 },
    { section: 'contact', path: '/kontakt', label: 'legal.nav.contact', order: 40 },
  ],
  demoSeed: seedLegalPages,
};
