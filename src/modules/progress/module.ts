import type { ModuleManifest } from '../../platform/module.js';
import { progressApi } from './api.js';
import { messages as bulkMessages } from './bulk/messages.js';
import { bulkStatusRoutes } from './bulk/routes.js';
import { seedDemoProgress } from './demo.js';
import { messages } from './messages.js';
import { messages as publicMessages } from './public-messages.js';
import { progressRoutes } from './routes.js';
import { measureOf, updateNames } from './audit-names.js';
import { pendingReportCountSql } from './review.js';
import { updateTranslatable } from './translatables.js';

/** Umsetzung: Sachstandsmeldungen, status rules, roll-up per edition, the public progress page. */
export const progressModule: ModuleManifest = {
  name: 'progress',
  translatables: [updateTranslatable],
  routes: [bulkStatusRoutes, progressRoutes],
  apiRoutes: [progressApi],
  messages: [messages, publicMessages, bulkMessages],
  auditSubjects: [
    { entityType: 'measure_update', labelKey: 'audit.entity.measure_update', path: (e) => measureOf(e) && `/massnahmen/${measureOf(e)}/umsetzung`, names: updateNames },
    { entityType: 'status_rules', labelKey: 'audit.entity.status_rules', path: () => '/einstellungen/status' },
  ],
  appNav: [
    { section: 'review', group: 'implementation', path: '/pruefung', label: 'nav.review', coordinatorOnly: true, order: 55, count: pendingReportCountSql },
    { section: 'settings', group: 'administration', path: '/einstellungen/status', label: 'nav.settings', coordinatorOnly: true, order: 70 },
  ],
  publicNav: [{ section: 'progress', path: '/umsetzung', label: 'portal.nav.progress', order: 30 }],
  demoSeed: (tx, demo) => seedDemoProgress(tx, demo.tenantId, demo.adoptedEditionId),
};
