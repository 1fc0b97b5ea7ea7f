import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { actorRoutes } from './routes.js';

/** Akteure: departments, associations, MSO … that lead or partner in measures. */
export const actorsModule: ModuleManifest = {
  name: 'actors',
  routes: [actorRoutes],
  messages: [messages],
  auditSubjects: [{ entityType: 'actor', labelKey: 'audit.entity.actor', path: (e) => `/akteure/${e.entityId}` }],
  appNav: [{ section: 'actors', path: '/akteure', label: 'nav.actors', order: 40 }],
};
