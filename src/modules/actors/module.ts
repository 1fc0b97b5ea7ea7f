import type { AuditRow } from '../../platform/audit/subjects.js';
import type { ModuleManifest } from '../../platform/module.js';
import { contactRoutes } from './contact-routes.js';
import { seedDemoContacts } from './demo.js';
import { messages } from './messages.js';
import { actorRoutes } from './routes.js';
import { actorTransferRoutes, contactTransferRoutes } from './transfer-routes.js';

/** The contact page an audit entry leads to; none once the person is erased (the entry no longer knows the actor's person). */
function contactPath(e: AuditRow): string | undefined {
  const logged = (e.after ?? e.before) as { actorId?: unknown; erased?: unknown } | null;
  if (!logged || logged.erased || typeof logged.actorId !== 'string') return undefined;
  return `/akteure/${logged.actorId}/ansprechpersonen/${e.entityId}`;
}

/** Akteure: departments, associations, MSO … that lead or partner in measures, with their contact persons. */
export const actorsModule: ModuleManifest = {
  name: 'actors',
  routes: [actorTransferRoutes, contactTransferRoutes, actorRoutes, contactRoutes],
  messages: [messages],
  auditSubjects: [
    { entityType: 'actor', labelKey: 'audit.entity.actor', path: (e) => `/akteure/${e.entityId}` },
    { entityType: 'actor_contact', labelKey: 'audit.entity.actor_contact', path: contactPath },
  ],
  appNav: [{ section: 'actors', group: 'inventory', path: '/akteure', label: 'nav.actors', order: 40 }],
  demoSeed: seedDemoContacts,
};
