import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { tenantRoutes } from './routes.js';
import { memberUsages } from './usages.js';

/** Kommunen (creation by the platform administration), their members and invitations, the overview. */
export const tenantsModule: ModuleManifest = {
  name: 'tenants',
  routes: [tenantRoutes],
  messages: [messages],
  auditSubjects: [
    { entityType: 'tenant', labelKey: 'audit.entity.tenant' },
    { entityType: 'membership', labelKey: 'audit.entity.membership' },
    { entityType: 'invitation', labelKey: 'audit.entity.invitation' },
    { entityType: 'user', labelKey: 'audit.entity.user' },
  ],
  usages: memberUsages,
  appNav: [
    { section: 'overview', path: '', label: 'nav.overview', order: 10 },
    { section: 'members', path: '/mitglieder', label: 'nav.members', coordinatorOnly: true, order: 60 },
  ],
};
