import type { ModuleManifest } from '../../platform/module.js';
import { messages as fortschreibungMessages } from './fortschreibung/messages.js';
import { fortschreibungRoutes } from './fortschreibung/routes.js';
import { messages } from './messages.js';
import { conceptRoutes } from './routes.js';

/** The Integrationskonzept: editions, Leitlinien, Themenfelder, Ziele; Fortschreibung. */
export const conceptsModule: ModuleManifest = {
  name: 'concepts',
  routes: [fortschreibungRoutes, conceptRoutes],
  messages: [messages, fortschreibungMessages],
  auditSubjects: [
    { entityType: 'edition', labelKey: 'audit.entity.edition', path: (e) => `/fassungen/${e.entityId}` },
    { entityType: 'guideline', labelKey: 'audit.entity.guideline' },
    { entityType: 'field', labelKey: 'audit.entity.field' },
    { entityType: 'goal', labelKey: 'audit.entity.goal' },
  ],
  appNav: [{ section: 'editions', path: '/fassungen', label: 'nav.editions', order: 20 }],
};
