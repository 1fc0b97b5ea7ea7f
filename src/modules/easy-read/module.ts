import type { ModuleManifest } from '../../platform/module.js';
import { seedDemoEasyRead } from './demo.js';
import { messages } from './messages.js';
import { easyReadRoutes } from './routes.js';
import { EasyReadIcon } from './views/icon.js';
import { easyReadPath } from './views/public-pages.js';

/**
 * Leichte Sprache (issue 12.3): the concept's summary and each Themenfeld in Leichte Sprache,
 * written by the Koordination (stored as translations, so a Fortschreibung carries them), shown
 * on the public page "Leichte Sprache" with the portal's fixed pages in Leichte Sprache.
 */
export const easyReadModule: ModuleManifest = {
  name: 'easy-read',
  routes: [easyReadRoutes],
  messages: [messages],
  auditSubjects: [{ entityType: 'easy_read_text', labelKey: 'audit.entity.easy_read_text', path: (e) => `/leichte-sprache?fassung=${e.entityId.slice(0, 36)}` }],
  appNav: [{ section: 'easy_read', path: '/leichte-sprache', group: 'publication', label: 'nav.easy_read', coordinatorOnly: true, order: 64 }],
  publicFooter: [{ section: 'easy_read', path: easyReadPath, label: 'easy_read.nav', order: 5, germanOnly: true, icon: () => EasyReadIcon({}) }],
  demoSeed: seedDemoEasyRead,
};
