import type { ModuleManifest } from '../../platform/module.js';
import { conceptApi } from './api/routes.js';
import { messages } from './messages.js';
import { conceptRoutes } from './routes.js';
import { goalSearchSource } from './search-source.js';
import { conceptTranslatables } from './translatables.js';

/** The Integrationskonzept: editions and their lifecycle, Leitlinien, Themenfelder, Ziele. */
export const conceptsModule: ModuleManifest = {
  name: 'concepts',
  translatables: conceptTranslatables,
  routes: [conceptRoutes],
  apiRoutes: [conceptApi],
  searchSources: [goalSearchSource],
  messages: [messages],
  auditSubjects: [
    { entityType: 'edition', labelKey: 'audit.entity.edition', path: (e) => `/fassungen/${e.entityId}` },
    { entityType: 'guideline', labelKey: 'audit.entity.guideline' },
    { entityType: 'field', labelKey: 'audit.entity.field' },
    { entityType: 'goal', labelKey: 'audit.entity.goal' },
  ],
  appNav: [{ section: 'editions', group: 'concept', path: '/fassungen', label: 'nav.editions', order: 20 }],
};
