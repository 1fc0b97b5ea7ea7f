import type { ModuleManifest } from '../../platform/module.js';
import { apiTokenMessages } from './api-token-messages.js';
import { apiTokenRoutes } from './api-token-routes.js';
import { tenantNames } from './audit-names.js';
import { messages } from './messages.js';
import { tenantRoutes } from './routes.js';
import { memberUsages } from './usages.js';

/** Kommunen (creation by the platform administration), their members, invitations and API-Zugänge, the overview. */
export const tenantsModule: ModuleManifest = {
  name: 'tenants',
  routes: [tenantRoutes, apiTokenRoutes],
  messages: [messages, apiTokenMessages],
  auditSubjects: [
    { entityType: 'tenant', labelKey: 'audit.entity.tenant', names: tenantNames },
    { entityType: 'membership', labelKey: 'audit.entity.membership' },
    { entityType: 'invitation', labelKey: 'audit.entity.invitation' },
    { entityType: 'user', labelKey: 'audit.entity.user' },
    { entityType: 'api_token', labelKey: 'audit.entity.api_token', path: () => '/einstellungen/api-zugaenge' },
  ],
  usages: memberUsages,
  appNav: [
    { section: 'overview', path: '', label: 'nav.overview', order: 10 },
    { section: 'members', group: 'administration', path: '/mitglieder', label: 'nav.members', coordinatorOnly: true, order: 60 },
    { section: 'api-tokens', group: 'administration', path: '/einstellungen/api-zugaenge', label: 'nav.api_tokens', coordinatorOnly: true, order: 65 },
  ],
};
